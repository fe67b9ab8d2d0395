// `npm run changeset -- <command>` (add, status, version, publish): the changesets CLI.
// Its own bin (`npx changeset`) calls module.enableCompileCache(), which Node 20 does not
// have, and stops there (the CLI declares Node 22.11+); the CLI itself runs on Node 20.19
// (status, add and version are checked by packages/components/test/node/versioning.test.mjs).
await import('@changesets/cli');
