/**
 * The UVL tokenizer: words, quoted names, texts, numbers and symbols with their
 * positions, plus the layout tokens of an indentation-based language (`newline`,
 * `indent`, `dedent`), made the way the reference ANTLR lexer makes them: blank and
 * comment-only lines are ignored, line breaks inside brackets do not end a line, and
 * a tab advances to the next multiple of 8 columns.
 */
import type { Position } from './errors.js';

export type TokenKind = 'name' | 'quoted' | 'text' | 'number' | 'symbol' | 'newline' | 'indent' | 'dedent' | 'eof';

export interface Token extends Position {
  readonly kind: TokenKind;
  /** The word, the quoted name or text without its quotes, the number as written, or the symbol. */
  readonly text: string;
  /** Offsets in the source (end exclusive), to quote a construct in a message. */
  readonly start: number;
  readonly end: number;
}

/** Reports a problem that stops reading; never returns. */
export type Fail = (at: Position, message: string) => never;

// Longest first, so that "<=>" is not read as "<=" and ">".
const SYMBOL = /<=>|=>|==|!=|<=|>=|\.\.|[<>!&|+\-*/()[\]{},.]/y;
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
// UVL's unquoted names (ID_STRICT), also allowing a leading "_".
const NAME = /[A-Za-z_][A-Za-z0-9_#§%?\\'äüöß;]*/y;
const NUMBER = /\d*\.\d+|\d+/y;
const LINE_COMMENT = /\/\/[^\r\n]*/y;
const TAB_WIDTH = 8;

/** A pull tokenizer with lookahead, so a syntax error stops it where the parser stops. */
export class UvlLexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Brackets open: line breaks inside them do not end a line. */
  private opened = 0;
  private readonly indents: number[] = [0];
  /** Tokens made but not yet consumed: `queue[head]` is the next one. */
  private queue: Token[] = [];
  private head = 0;
  private started = false;
  private finished = false;

  constructor(
    private readonly source: string,
    private readonly fail: Fail,
  ) {
    if (source.startsWith('\uFEFF')) this.pos = this.lineStart = 1;
  }

  /** The token `ahead` tokens after the next one, without consuming anything. */
  peek(ahead = 0): Token {
    while (this.queue.length - this.head <= ahead) this.produce();
    return this.queue[this.head + ahead]!;
  }

  next(): Token {
    const token = this.peek();
    this.head++;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return token;
  }

  private produce(): void {
    const lineBreak = this.skipTrivia();
    if (this.pos >= this.source.length) {
      this.finish(lineBreak);
      return;
    }
    // Line breaks before the first token end no line, but its indentation still counts.
    if (!this.started) this.layout(undefined);
    else if (lineBreak) this.layout(lineBreak);
    this.started = true;
    this.queue.push(this.scan());
  }

  /** At the first token of a line: end the previous line, then indent or dedent. */
  private layout(lineBreak: Position | undefined): void {
    if (lineBreak) this.queue.push(this.token('newline', '', lineBreak, this.pos, this.pos));
    const width = this.indentation();
    const here = this.here();
    if (width > this.indents.at(-1)!) {
      this.indents.push(width);
      this.queue.push(this.token('indent', '', here, this.pos, this.pos));
      return;
    }
    while (width < this.indents.at(-1)!) {
      this.indents.pop();
      this.queue.push(this.token('dedent', '', here, this.pos, this.pos));
    }
    if (width !== this.indents.at(-1)) this.fail(here, "this line's indentation matches none of the enclosing lines");
  }

  /** At the end: end the last line, close every open indentation, then `eof` (repeatedly). */
  private finish(lineBreak: Position | undefined): void {
    const here = this.here();
    if (!this.finished && this.started) {
      this.queue.push(this.token('newline', '', lineBreak ?? here, this.pos, this.pos));
      for (let i = 1; i < this.indents.length; i++) this.queue.push(this.token('dedent', '', here, this.pos, this.pos));
    }
    this.finished = true;
    this.queue.push(this.token('eof', '', here, this.pos, this.pos));
  }

  /** The width of the current line's leading white space, tabs to multiples of 8. */
  private indentation(): number {
    let width = 0;
    for (let i = this.lineStart; i < this.pos; i++) {
      width = this.source[i] === '\t' ? width + TAB_WIDTH - (width % TAB_WIDTH) : width + 1;
    }
    return width;
  }

  /** Skips spaces, comments and line breaks; returns where the first line break that ends a line was. */
  private skipTrivia(): Position | undefined {
    const s = this.source;
    let lineBreak: Position | undefined;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\f') {
        this.pos++;
      } else if (c === '\n' || c === '\r') {
        if (this.opened === 0) lineBreak ??= this.here();
        this.pos += c === '\r' && s[this.pos + 1] === '\n' ? 2 : 1;
        this.newLine();
      } else if (c === '/' && s[this.pos + 1] === '/') {
        LINE_COMMENT.lastIndex = this.pos;
        this.pos += LINE_COMMENT.exec(s)![0].length;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        this.skipBlockComment();
      } else {
        break;
      }
    }
    return lineBreak;
  }

  // Like the reference lexer, a block comment is skipped whole: its line breaks do not end a line.
  private skipBlockComment(): void {
    const end = this.source.indexOf('*/', this.pos + 2);
    if (end < 0) this.fail(this.here(), 'the comment is not closed with */');
    for (let i = this.pos; i < end; i++) {
      const c = this.source[i];
      if (c === '\n' || (c === '\r' && this.source[i + 1] !== '\n')) {
        this.pos = i + 1;
        this.newLine();
      }
    }
    this.pos = end + 2;
  }

  private newLine(): void {
    this.line++;
    this.lineStart = this.pos;
  }

  private scan(): Token {
    const s = this.source;
    const start = this.pos;
    const at = this.here();
    const c = s[start]!;
    if (c === '"' || c === "'") return this.quoted(c, at);
    if (isDigit(c) || (c === '.' && isDigit(s[start + 1]))) return this.matched(NUMBER, 'number', at);
    if (isNameStart(c)) return this.matched(NAME, 'name', at);
    SYMBOL.lastIndex = start;
    const symbol = SYMBOL.exec(s)?.[0];
    if (symbol === undefined) this.fail(at, `unexpected character ${JSON.stringify(c)}`);
    if (OPENING.has(symbol)) this.opened++;
    if (CLOSING.has(symbol)) this.opened = Math.max(0, this.opened - 1);
    this.pos += symbol.length;
    return this.token('symbol', symbol, at, start, this.pos);
  }

  /** `"a quoted name"` or `'a text'`, on one line. */
  private quoted(quote: string, at: Position): Token {
    const start = this.pos;
    let end = start + 1;
    while (end < this.source.length && this.source[end] !== quote && this.source[end] !== '\n' && this.source[end] !== '\r') end++;
    const what = quote === '"' ? 'quoted name' : 'text';
    if (this.source[end] !== quote) this.fail(at, `the ${what} is not closed with ${quote} on its line`);
    if (end === start + 1) this.fail(at, `the ${what} is empty`);
    this.pos = end + 1;
    return this.token(quote === '"' ? 'quoted' : 'text', this.source.slice(start + 1, end), at, start, this.pos);
  }

  private matched(pattern: RegExp, kind: TokenKind, at: Position): Token {
    pattern.lastIndex = this.pos;
    const text = pattern.exec(this.source)![0];
    const start = this.pos;
    this.pos += text.length;
    return this.token(kind, text, at, start, this.pos);
  }

  private here(): Position {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private token(kind: TokenKind, text: string, at: Position, start: number, end: number): Token {
    return { kind, text, line: at.line, column: at.column, start, end };
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string): boolean {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
}
