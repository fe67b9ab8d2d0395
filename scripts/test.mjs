// `npm test`: every check the project has, in order, then one line with the totals.
// Test runners report their own counts; each other check (type-check, build, docs,
// manifest, Storybook) counts as one test that passed or failed. The last line is
// `N passed, N failed` so that CI can read it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('../', import.meta.url);
process.chdir(fileURLToPath(root));
mkdirSync('build', { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;

const engineTests = readdirSync('packages/engine/test')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `packages/engine/test/${f}`);
// The quote desk: on an embedded PostgreSQL, on a PostgreSQL server, and as its own process (built).
const serverTests = readdirSync('packages/server/test')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `packages/server/test/${f}`);
// The built components package must import in Node (server-side rendering) without registering anything.
const nodeImportTests = readdirSync('packages/components/test/node')
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => `packages/components/test/node/${f}`);

const steps = [
  { name: 'type-check', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  // The embed scripts' gzip sizes against their budgets (scripts/size-budgets.json).
  { name: 'bundle sizes within their budgets', command: [process.execPath, 'scripts/size.mjs', '--check'] },
  {
    // scripts/packed.test.mjs: the packages packed, installed in a new project and used there.
    name: 'Node tests (engine, CLI, quote desk, components in Node, packed packages)',
    command: [process.execPath, '--import', 'tsx', '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', '--test-reporter-destination=build/engine-tests.tap', ...engineTests, ...serverTests, ...nodeImportTests, 'scripts/packed.test.mjs'],
    before: () => rmSync('build/engine-tests.tap', { force: true }),
    counts: () => {
      const tap = readFileSync('build/engine-tests.tap', 'utf8');
      const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tap)?.[1] ?? Number.NaN);
      return { passed: count('pass'), failed: count('fail') };
    },
  },
  {
    name: 'browser tests',
    command: [bin('web-test-runner')],
    before: () => rmSync('build/browser-results.json', { force: true }),
    counts: () => JSON.parse(readFileSync('build/browser-results.json', 'utf8')),
  },
  { name: 'API docs (typedoc)', command: ['npm', 'run', '--silent', 'docs'] },
  { name: 'custom-elements manifest', command: ['npm', 'run', '--silent', 'manifest'] },
  { name: 'Storybook build', command: ['npm', 'run', '--silent', 'build-storybook'], env: { STORYBOOK_DISABLE_TELEMETRY: '1' } },
];

let passed = 0;
let failed = 0;
const report = [];
for (const step of steps) {
  step.before?.();
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  let line = `${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`;
  if (step.counts) {
    // A runner that crashed before writing its counts is one failure, not zero tests.
    let counts;
    try {
      counts = step.counts();
    } catch {
      counts = undefined;
    }
    if (counts && Number.isInteger(counts.passed) && Number.isInteger(counts.failed)) {
      passed += counts.passed;
      failed += counts.failed;
      if (!ok && counts.failed === 0) failed += 1;
      line += `: ${counts.passed} passed, ${counts.failed} failed`;
    } else {
      failed += 1;
      line += ': no test counts (the runner did not finish)';
    }
  } else if (ok) passed += 1;
  else failed += 1;
  report.push(line);
}

console.log(`\n${report.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
