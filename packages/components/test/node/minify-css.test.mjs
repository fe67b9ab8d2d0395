// The build squeezes lit's css`` templates in the embed bundles: only whitespace and
// comments may go, never a quoted string, an interpolation or a descendant combinator.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { squeezeCss } from '../../../../scripts/minify-css.mjs';

describe('squeezeCss', () => {
  it('drops indentation and comments, keeps what CSS means', () => {
    const css = `
      :host { display: block; } /* a comment, with 'quotes' */
      .a > .b ,.c { content: ', '; font-family: "A  B", c; margin: \${gap} 0; }
      @media (max-width: 480px) { .d :hover { color: red; } }
      :host([theme='dark']) ::slotted(*) { color: var(--x, #fff); }`;
    assert.equal(
      squeezeCss(css),
      ` :host{display: block}.a>.b,.c{content: ', ';font-family: "A  B",c;margin: \${gap} 0}@media (max-width: 480px){.d :hover{color: red}}:host([theme='dark']) ::slotted(*){color: var(--x,#fff)}`,
    );
  });
});
