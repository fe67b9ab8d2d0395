// A rollup plugin for the embed bundles: lit's css`` templates are written for people,
// with indentation and comments a page need not download (terser leaves template text
// alone). Only whitespace and comments go; quoted strings and ${} parts stay as written.
// (The libraries that do this for lit bring an HTML and a CSS minifier each, for the
// few hundred bytes this saves.)

/** The CSS text of one template, squeezed. */
export function squeezeCss(text) {
  return text
    .split(/(\$\{[^}]*\})/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .split(/("[^"]*"|'[^']*')/)
            .map((piece, j) => (j % 2 ? piece : piece.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/;}/g, '}')))
            .join(''),
    )
    .join('');
}

/** Squeezes every css`` template in the modules whose id matches `include`. */
export function minifyCss(include) {
  return {
    name: 'minify-css',
    transform(code, id) {
      if (!include.test(id) || !/\bcss\s*`/.test(code)) return null;
      return { code: code.replace(/\bcss\s*`([^`]*)`/g, (_, body) => `css\`${squeezeCss(body)}\``), map: null };
    },
  };
}
