/**
 * Share links and hand-offs (the engine's `quote/share.ts` and `quote/handoff.ts`), loaded
 * on first use: a configurator needs them to start from a link or a configuration, to keep
 * the page's address up to date (`sync-url`), and for the quote, share and hand-off
 * actions. A page that does none of that until the buyer acts loads them then.
 */
type Sharing = typeof import('./share-links.js');

let loaded: Sharing | undefined;
let loading: Promise<Sharing> | undefined;

/** The share-link functions, if loaded. */
export function sharing(): Sharing | undefined {
  return loaded;
}

/** Loads the share-link functions (once). */
export function loadSharing(): Promise<Sharing> {
  loading ??= import('./share-links.js').then((module) => (loaded = module));
  return loading;
}
