// Server rendering with Lit SSR: a quote page whose <product-sheet> and <quote-summary>
// arrive as HTML (declarative shadow DOM), readable before any script runs, and then
// hydrate in the browser without rendering again; a configurator page whose loading
// state arrives the same way.
//   node examples/ssr/server.mjs        (after `npm run build`), then open the address it prints
// See docs/server-rendering.md. packages/components/test/node/ssr.test.mjs runs this file.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { createQuote, loadCatalog, loadConfiguration } from '@cpq-kit/engine';
import { loadTranslation } from '@cpq-kit/components';
// On the server too: Lit SSR renders the elements registered in its (shimmed) registry.
import '@cpq-kit/components/define/product-sheet.js';
import '@cpq-kit/components/define/quote-summary.js';
import '@cpq-kit/components/define/product-configurator.js';

const catalogs = new URL('../catalogs/', import.meta.url);
const languages = ['en', 'de', 'fr'];

/**
 * What a real server reads from its store: the catalog (as published, and loaded) and a
 * stored quote as JSON. Here the demo catalog and a quote of its example room, made once.
 */
export async function demoData() {
  const catalogText = readFileSync(new URL('av-rooms.json', catalogs), 'utf8');
  const catalog = loadCatalog(catalogText);
  const configuration = loadConfiguration(readFileSync(new URL('av-rooms.config.json', catalogs), 'utf8'), catalog);
  const quote = await createQuote({
    catalog,
    items: [{ configuration }],
    context: { date: '2026-11-20', segment: 'enterprise' },
    validUntil: '2026-12-20',
    number: 'Q-2026-0042',
    now: '2026-11-20T09:30:00Z',
  });
  return { catalogText, catalog, quoteText: JSON.stringify(quote) };
}

/**
 * The elements of a quote page as HTML with declarative shadow DOM. Each carries its own
 * `lang` (the server sees no ancestors) and `defer-hydration`: the browser's script gives
 * it the same inputs, then lets it hydrate (see client.js).
 */
export async function renderQuote({ catalog, quote, lang }) {
  // A render cannot wait for a language to load; the browser's first update does.
  await loadTranslation(lang);
  const product = quote.items[0].configuration.product;
  return collectResult(
    render(html`
      <product-sheet defer-hydration lang=${lang} product=${product} .catalog=${catalog}></product-sheet>
      <quote-summary defer-hydration lang=${lang} .quote=${quote} .catalog=${catalog}></quote-summary>
    `),
  );
}

/** A configurator renders its loading state on the server; the browser loads the product. */
export async function renderConfigurator({ lang, src, product }) {
  await loadTranslation(lang);
  return collectResult(render(html`<product-configurator lang=${lang} src=${src} product=${product}></product-configurator>`));
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a <script> element: no "</script>" or "<!--" can end it early. */
const scriptJson = (text) => text.replace(/</g, '\\u003c');

function page({ lang, title, body, data = '', clientScript }) {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <script type="module" src="${escapeHtml(clientScript)}"></script>
</head>
<body data-catalog="/catalog.json">
${body}
${data}
</body>
</html>
`;
}

/**
 * A node:http handler: `/` (or `/?lang=de`) the quote page, `/configure` the configurator
 * page, `/catalog.json` the catalog the browser loads, `/client.js` the bundled browser
 * script (`clientScript`, see bundleClient), and the catalog's images.
 */
export function createHandler({ catalogText, catalog, quoteText, clientScript }) {
  const quote = JSON.parse(quoteText);
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const asked = url.searchParams.get('lang') ?? 'en';
    const lang = languages.includes(asked) ? asked : 'en';
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    try {
      if (url.pathname === '/') {
        const body = await renderQuote({ catalog, quote, lang });
        // The quote as JSON for the browser's script, which hands the summary the same quote.
        const data = `<script type="application/json" id="cpq-quote">${scriptJson(quoteText)}</script>`;
        return send(200, 'text/html; charset=utf-8', page({ lang, title: `Quote ${quote.number}`, body, data, clientScript: '/client.js' }));
      }
      if (url.pathname === '/configure') {
        const body = await renderConfigurator({ lang, src: '/catalog.json', product: quote.items[0].configuration.product });
        return send(200, 'text/html; charset=utf-8', page({ lang, title: 'Configure', body, clientScript: '/client.js' }));
      }
      if (url.pathname === '/catalog.json') return send(200, 'application/json', catalogText);
      if (url.pathname === '/client.js') return send(200, 'text/javascript; charset=utf-8', await clientScript);
      const image = /^\/examples\/catalogs\/images\/([\w-]+\/)?[\w-]+\.svg$/.exec(url.pathname);
      if (image) return send(200, 'image/svg+xml', readFileSync(new URL(`..${url.pathname.slice('/examples'.length)}`, catalogs)));
      return send(404, 'text/plain', 'Not found');
    } catch (error) {
      console.error(error);
      return send(500, 'text/plain', 'Server error');
    }
  };
}

/**
 * The browser script (client.js) bundled with esbuild: Lit's hydration support has to
 * run before lit-element is defined, with the same copy of lit as the elements, which a
 * bundler (esbuild, Vite, rollup) or an import map gives.
 */
export async function bundleClient() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('client.js', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const handler = createHandler({ ...(await demoData()), clientScript: bundleClient() });
  const server = createServer(handler);
  server.listen(Number(process.env.PORT ?? 8090), '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`quote page:        http://127.0.0.1:${port}/  (?lang=de, ?lang=fr)`);
    console.log(`configurator page: http://127.0.0.1:${port}/configure`);
  });
}
