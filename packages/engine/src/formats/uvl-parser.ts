/**
 * The UVL parser: a recursive-descent reading of the grammar of the reference
 * implementation (Universal-Variability-Language/uvl-parser, UVLParser.g4) into a
 * small syntax tree. It reads the whole language, so that constructs the catalog
 * model cannot express are reported by name and position instead of as syntax
 * errors; those that belong to the syntax (typed features, feature cardinalities,
 * `include`, `imports`, structured attribute values) are reported here, the rest
 * when the tree is translated.
 */
import type { Position, ProblemList } from './errors.js';
import { UvlLexer, type Token } from './uvl-lexer.js';

/** How deep features, parentheses and negations may nest: far beyond real models, well within the stack. */
export const MAX_NESTING = 100;

export interface FeatureNode {
  readonly name: string;
  readonly at: Position;
  readonly attributes: readonly AttributeNode[];
  readonly groups: readonly GroupNode[];
}

export interface GroupNode {
  readonly kind: 'mandatory' | 'optional' | 'alternative' | 'or' | 'cardinality';
  /** The keyword or the cardinality as written, e.g. `[1..3]`. */
  readonly text: string;
  readonly at: Position;
  /** For a cardinality group: at least `min` and at most `max` (undefined for `*`) children. */
  readonly min: number;
  readonly max: number | undefined;
  readonly features: readonly FeatureNode[];
}

export type AttributeValue = number | boolean | string;

export interface AttributeNode {
  readonly key: string;
  readonly at: Position;
  /** A key without a value (`{abstract}`) is `true`; undefined for a value that is not supported (already reported). */
  readonly value: AttributeValue | undefined;
}

/** Where an expression is: its first token, and its source range (to quote it). */
interface Span {
  readonly at: Position;
  readonly start: number;
  readonly end: number;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A feature, or (with dots) an attribute or a feature of an imported model. */
export type Reference = Span & { readonly kind: 'ref'; readonly parts: readonly string[] };

/** A constraint or arithmetic expression; the translation decides which is allowed where. */
export type Expr = Span &
  (
    | Omit<Reference, keyof Span>
    | { readonly kind: 'not'; readonly operand: Expr }
    | { readonly kind: 'and' | 'or'; readonly operands: readonly Expr[] }
    | { readonly kind: 'implies' | 'iff'; readonly left: Expr; readonly right: Expr }
    | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
    | { readonly kind: 'arithmetic'; readonly op: string; readonly left: Expr; readonly right: Expr }
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'text'; readonly value: string }
    | { readonly kind: 'aggregate'; readonly fn: string; readonly args: readonly Reference[] }
  );

export interface UvlModel {
  readonly root: FeatureNode;
  /** The constraints of the `constraints` section and of feature attributes, in file order. */
  readonly constraints: readonly Expr[];
}

/** Parses a UVL model; undefined when a syntax error stopped it (the problem is in `problems`). */
export function parseUvl(source: string, problems: ProblemList): UvlModel | undefined {
  try {
    return new Parser(source, problems).model();
  } catch (error) {
    if (error === STOP) return undefined;
    throw error;
  }
}

const STOP = Symbol('stop');
const TYPES = new Set(['Boolean', 'Integer', 'Real', 'String']);
const GROUPS = new Set(['mandatory', 'optional', 'alternative', 'or']);
const AGGREGATES = new Set(['sum', 'avg', 'len', 'floor', 'ceil']);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private readonly lexer: UvlLexer;
  private readonly constraints: Expr[] = [];
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly problems: ProblemList,
  ) {
    this.lexer = new UvlLexer(source, (at, message) => this.fail(at, message));
  }

  model(): UvlModel {
    let root: FeatureNode | undefined;
    const seen = new Map<string, Token>();
    for (let token = this.next(); token.kind !== 'eof'; token = this.next()) {
      const section = token.kind === 'name' ? token.text : '';
      const earlier = seen.get(section);
      if (earlier) this.fail(token, `a second "${section}" section (the first is on line ${earlier.line})`);
      seen.set(section, token);
      switch (section) {
        case 'namespace':
          this.reference(this.next());
          this.endOfLine();
          break;
        case 'include':
        case 'imports':
          this.problems.add(token, `the "${section}" section is not supported`);
          this.skipSection();
          break;
        case 'features':
          root = this.featuresSection(token);
          break;
        case 'constraints':
          this.constraintsSection();
          break;
        default:
          this.fail(token, `expected "features", "constraints", "namespace", "include" or "imports", found ${describe(token)}`);
      }
    }
    if (!root) this.fail({ line: 1, column: 1 }, 'the model has no "features" section');
    return { root, constraints: this.constraints };
  }

  private featuresSection(keyword: Token): FeatureNode {
    this.endOfLine();
    if (this.peek().kind !== 'indent') this.fail(keyword, 'the "features" section has no root feature');
    this.next();
    const root = this.feature();
    const after = this.next();
    if (after.kind !== 'dedent') this.fail(after, `a model has one root feature; indent ${describe(after)} under it`);
    return root;
  }

  private constraintsSection(): void {
    this.endOfLine();
    if (this.peek().kind !== 'indent') return;
    this.next();
    while (this.peek().kind !== 'dedent') {
      this.constraints.push(this.constraint());
      this.endOfLine();
    }
    this.next();
  }

  /** Skips the rest of a line and the block indented under it. */
  private skipSection(): void {
    while (this.peek().kind !== 'newline') this.next();
    this.next();
    if (this.peek().kind !== 'indent') return;
    for (let level = 0; ; ) {
      const token = this.next();
      if (token.kind === 'indent') level++;
      else if (token.kind === 'dedent' && --level === 0) return;
    }
  }

  // feature: type? reference ('cardinality' [n..m])? attributes? NEWLINE (INDENT group+ DEDENT)?
  private feature(): FeatureNode {
    let token = this.next();
    this.enter(token, 'the feature tree');
    const type = token.kind === 'name' && TYPES.has(token.text) && isName(this.peek()) ? token : undefined;
    if (type) token = this.next();
    if (!isName(token)) this.fail(token, `expected a feature name, found ${describe(token)}`);
    // Reserved, as in the reference grammar: here it is most likely a group indented too little.
    if (token.kind === 'name' && GROUPS.has(token.text)) {
      this.fail(token, `expected a feature name, found the group keyword "${token.text}" (quote it to use it as a name)`);
    }
    const { parts } = this.reference(token);
    const name = parts.join('.');
    if (type && type.text !== 'Boolean') this.problems.add(type, `typed feature "${type.text} ${name}" is not supported`);
    if (parts.length > 1) this.problems.add(token, `the feature "${name}" names a feature of an imported model, which is not supported`);
    if (this.isWord(this.peek(), 'cardinality') && this.isSymbol(this.peek(1), '[')) {
      const keyword = this.next();
      const { text } = this.cardinality(this.next());
      this.problems.add(keyword, `feature cardinality ${text} of "${name}" is not supported`);
    }
    const attributes = this.isSymbol(this.peek(), '{') ? this.attributes() : [];
    this.endOfLine();
    const groups: GroupNode[] = [];
    if (this.peek().kind === 'indent') {
      this.next();
      while (this.peek().kind !== 'dedent') groups.push(this.group());
      this.next();
    }
    this.depth--;
    return { name, at: token, attributes, groups };
  }

  // group: ('mandatory' | 'optional' | 'alternative' | 'or' | [n..m]) NEWLINE INDENT feature+ DEDENT
  private group(): GroupNode {
    const token = this.next();
    let group: Omit<GroupNode, 'features'>;
    if (token.kind === 'name' && GROUPS.has(token.text)) {
      group = { kind: token.text as GroupNode['kind'], text: token.text, at: token, min: 0, max: undefined };
    } else if (this.isSymbol(token, '[')) {
      group = { kind: 'cardinality', at: token, ...this.cardinality(token) };
    } else {
      this.fail(token, `expected a group ("mandatory", "optional", "alternative", "or" or "[n..m]"), found ${describe(token)}`);
    }
    this.endOfLine();
    if (this.peek().kind !== 'indent') this.fail(token, `the group "${group.text}" has no features indented under it`);
    this.next();
    const features: FeatureNode[] = [];
    while (this.peek().kind !== 'dedent') features.push(this.feature());
    this.next();
    return { ...group, features };
  }

  /** `[n]`, `[n..m]` or `[n..*]`, from its opening bracket. */
  private cardinality(open: Token): { text: string; min: number; max: number | undefined } {
    const min = this.wholeNumber(this.next());
    let max: number | undefined = min;
    if (this.isSymbol(this.peek(), '..')) {
      this.next();
      const upper = this.next();
      max = this.isSymbol(upper, '*') ? undefined : this.wholeNumber(upper);
    }
    const close = this.close(open, ']');
    return { text: this.source.slice(open.start, close.end), min, max };
  }

  private wholeNumber(token: Token): number {
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail(token, `expected a whole number, found ${describe(token)}`);
    return Number(token.text);
  }

  // attributes: '{' (attribute (',' attribute)*)? '}'
  private attributes(): AttributeNode[] {
    const open = this.next();
    const list: AttributeNode[] = [];
    if (this.isSymbol(this.peek(), '}')) {
      this.next();
      return list;
    }
    for (;;) {
      const attribute = this.attribute();
      if (attribute) list.push(attribute);
      if (!this.isSymbol(this.peek(), ',')) {
        this.close(open, '}');
        return list;
      }
      this.next();
    }
  }

  /** `key`, `key value`, or a constraint attribute (whose constraints join the model's). */
  private attribute(): AttributeNode | undefined {
    const key = this.next();
    if (!isName(key)) this.fail(key, `expected an attribute name, found ${describe(key)}`);
    const bare = this.isSymbol(this.peek(), ',') || this.isSymbol(this.peek(), '}');
    if (!bare && this.isWord(key, 'constraint')) {
      this.constraints.push(this.constraint());
      return undefined;
    }
    if (!bare && this.isWord(key, 'constraints') && this.isSymbol(this.peek(), '[')) {
      const open = this.next();
      if (!this.isSymbol(this.peek(), ']')) this.commaList(() => this.constraints.push(this.constraint()));
      this.close(open, ']');
      return undefined;
    }
    return { key: key.text, at: key, value: bare ? true : this.attributeValue(key) };
  }

  private attributeValue(key: Token): AttributeValue | undefined {
    const token = this.next();
    if (this.isWord(token, 'true') || this.isWord(token, 'false')) return token.text === 'true';
    if (token.kind === 'number') return Number(token.text);
    if (this.isSymbol(token, '-') && this.peek().kind === 'number') return -Number(this.next().text);
    if (token.kind === 'text') return token.text;
    if (this.isSymbol(token, '{') || this.isSymbol(token, '[')) {
      this.skipBrackets(token);
      const what = token.text === '{' ? 'a nested attribute list' : 'a list';
      this.problems.add(token, `the value of the attribute "${key.text}" is ${what}, which is not supported`);
      return undefined;
    }
    this.fail(token, `expected a value for the attribute "${key.text}", found ${describe(token)}`);
  }

  /** Skips from an opening bracket to its closing one. */
  private skipBrackets(open: Token): void {
    for (let level = 1; level > 0; ) {
      const token = this.next();
      if (token.kind === 'eof' || token.kind === 'newline') this.fail(open, `this "${open.text}" is never closed`);
      if (token.kind === 'symbol' && '([{'.includes(token.text)) level++;
      if (token.kind === 'symbol' && ')]}'.includes(token.text)) level--;
    }
  }

  // One method per precedence level of the grammar, loosest first:
  // <=>, =>, |, &, !, comparisons, + and -, * and /.
  private constraint(): Expr {
    let left = this.implication();
    while (this.isSymbol(this.peek(), '<=>')) {
      this.next();
      const right = this.implication();
      left = { kind: 'iff', left, right, at: left.at, start: left.start, end: right.end };
    }
    return left;
  }

  // Left-associative, as ANTLR reads `a => b => c`: `(a => b) => c`.
  private implication(): Expr {
    let left = this.disjunction();
    while (this.isSymbol(this.peek(), '=>')) {
      this.next();
      const right = this.disjunction();
      left = { kind: 'implies', left, right, at: left.at, start: left.start, end: right.end };
    }
    return left;
  }

  // `a | b | c` is one node: the catalog's `any` takes a list.
  private disjunction(): Expr {
    const first = this.conjunction();
    if (!this.isSymbol(this.peek(), '|')) return first;
    const operands = [first];
    while (this.isSymbol(this.peek(), '|')) {
      this.next();
      operands.push(this.conjunction());
    }
    return { kind: 'or', operands, at: first.at, start: first.start, end: operands.at(-1)!.end };
  }

  private conjunction(): Expr {
    const first = this.negation();
    if (!this.isSymbol(this.peek(), '&')) return first;
    const operands = [first];
    while (this.isSymbol(this.peek(), '&')) {
      this.next();
      operands.push(this.negation());
    }
    return { kind: 'and', operands, at: first.at, start: first.start, end: operands.at(-1)!.end };
  }

  // `!` applies to a comparison or anything binding more strongly: `!a > 1` is `!(a > 1)`.
  private negation(): Expr {
    if (!this.isSymbol(this.peek(), '!')) return this.comparison();
    const token = this.next();
    this.enter(token, 'the constraint');
    const operand = this.negation();
    this.depth--;
    return { kind: 'not', operand, at: token, start: token.start, end: operand.end };
  }

  private comparison(): Expr {
    const left = this.sum();
    const op = this.peek();
    if (op.kind !== 'symbol' || !COMPARISONS.has(op.text)) return left;
    this.next();
    const right = this.sum();
    return { kind: 'compare', op: op.text as CompareOp, left, right, at: left.at, start: left.start, end: right.end };
  }

  private sum(): Expr {
    let left = this.product();
    for (let op = this.peek(); this.isSymbol(op, '+') || this.isSymbol(op, '-'); op = this.peek()) {
      this.next();
      const right = this.product();
      left = { kind: 'arithmetic', op: op.text, left, right, at: left.at, start: left.start, end: right.end };
    }
    return left;
  }

  private product(): Expr {
    let left = this.primary();
    for (let op = this.peek(); this.isSymbol(op, '*') || this.isSymbol(op, '/'); op = this.peek()) {
      this.next();
      const right = this.primary();
      left = { kind: 'arithmetic', op: op.text, left, right, at: left.at, start: left.start, end: right.end };
    }
    return left;
  }

  private primary(): Expr {
    const token = this.next();
    const { start, end } = token;
    if (isName(token) && !(AGGREGATES.has(token.text) && this.isSymbol(this.peek(), '('))) {
      const reference = this.reference(token);
      return { kind: 'ref', parts: reference.parts, at: token, start, end: reference.end };
    }
    if (this.isSymbol(token, '(')) {
      this.enter(token, 'the constraint');
      const inner = this.constraint();
      const close = this.close(token, ')');
      this.depth--;
      // The range includes the parentheses, so that a quoted construct reads as written.
      return { ...inner, start, end: close.end };
    }
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text), at: token, start, end };
    if (this.isSymbol(token, '-') && this.peek().kind === 'number') {
      const number = this.next();
      return { kind: 'number', value: -Number(number.text), at: token, start, end: number.end };
    }
    if (token.kind === 'text') return { kind: 'text', value: token.text, at: token, start, end };
    if (token.kind === 'name' && AGGREGATES.has(token.text)) return this.aggregate(token);
    this.fail(token, `expected a feature name, "!" or "(", found ${describe(token)}`);
  }

  // sum(attribute), sum(feature, attribute), avg(...), len(...), floor(...), ceil(...)
  private aggregate(fn: Token): Expr {
    const open = this.next();
    const args: Reference[] = [];
    this.commaList(() => {
      const token = this.next();
      if (!isName(token)) this.fail(token, `expected an attribute name, found ${describe(token)}`);
      const reference = this.reference(token);
      args.push({ kind: 'ref', parts: reference.parts, at: token, start: token.start, end: reference.end });
    });
    const close = this.close(open, ')');
    return { kind: 'aggregate', fn: fn.text, args, at: fn, start: fn.start, end: close.end };
  }

  /** `name` or `name.name...` from its first name; `end` is where it ends in the source. */
  private reference(first: Token): { parts: string[]; end: number } {
    if (!isName(first)) this.fail(first, `expected a name, found ${describe(first)}`);
    const parts = [first.text];
    let end = first.end;
    while (this.isSymbol(this.peek(), '.') && isName(this.peek(1))) {
      this.next();
      const part = this.next();
      parts.push(part.text);
      end = part.end;
    }
    return { parts, end };
  }

  /** Reads one or more items separated by commas. */
  private commaList(item: () => void): void {
    item();
    while (this.isSymbol(this.peek(), ',')) {
      this.next();
      item();
    }
  }

  private endOfLine(): void {
    const token = this.next();
    if (token.kind !== 'newline') this.fail(token, `expected the end of the line, found ${describe(token)}`);
  }

  /** The bracket that closes `open`. Line breaks inside brackets are not line ends, so a missing one shows at the end of the file. */
  private close(open: Token, symbol: string): Token {
    const token = this.next();
    if (this.isSymbol(token, symbol)) return token;
    if (token.kind === 'eof' || token.kind === 'newline') this.fail(open, `this "${open.text}" is never closed`);
    this.fail(token, `expected "${symbol}" to close the "${open.text}" of line ${open.line}, column ${open.column}, found ${describe(token)}`);
  }

  private enter(at: Position, what: string): void {
    if (++this.depth > MAX_NESTING) this.fail(at, `${what} is nested deeper than ${MAX_NESTING} levels`);
  }

  private isSymbol(token: Token, symbol: string): boolean {
    return token.kind === 'symbol' && token.text === symbol;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'name' && token.text === word;
  }

  private peek(ahead = 0): Token {
    return this.lexer.peek(ahead);
  }

  private next(): Token {
    return this.lexer.next();
  }

  private fail(at: Position, message: string): never {
    this.problems.add(at, message);
    throw STOP;
  }
}

function isName(token: Token): boolean {
  return token.kind === 'name' || token.kind === 'quoted';
}

/** A token as a message names it. */
function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'the end of the line';
    case 'indent':
      return 'an indented line';
    case 'dedent':
      return 'a line indented less';
    case 'quoted':
      return `the name "${token.text}"`;
    case 'text':
      return `the text '${token.text}'`;
    default:
      return `"${token.text}"`;
  }
}
