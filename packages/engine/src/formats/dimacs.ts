/**
 * DIMACS CNF, as FeatureIDE exports feature models: `c <i> <name>` comments name the
 * variables, `p cnf <variables> <clauses>` is the header, and each clause is a list
 * of signed variable numbers ended by `0` (a clause may span lines; several may
 * share one).
 */
import type { Attribute, Condition, Rule } from '../catalog/schema.js';
import { ProblemList, type Position } from './errors.js';
import { assignIds, finishModel, type ImportedModel } from './model.js';

// A header may claim any number of variables; each becomes an attribute, so a
// hostile or mistyped header must not make us allocate billions of them.
const MAX_VARIABLES = 1_000_000;

interface Header {
  readonly variables: number;
  readonly clauses: number;
  readonly at: Position;
  readonly clausesAt: Position;
}

interface NameComment {
  readonly variable: number;
  readonly name: string;
  readonly variableAt: Position;
  readonly nameAt: Position;
}

interface Cnf {
  readonly header: Header;
  readonly comments: readonly NameComment[];
  readonly clauses: readonly (readonly number[])[];
}

/**
 * Imports a DIMACS CNF file as a product: one boolean attribute per variable (named
 * by its `c` comment, else by its number), one `constraint` rule per clause
 * (`clause-1`, `clause-2`...). Throws a {@link FormatError} listing every problem with
 * its line and column.
 *
 * @example
 * ```ts
 * const { catalog, product } = importDimacs(text, { name: 'BusyBox' });
 * ```
 */
export function importDimacs(text: string, options: { name?: string } = {}): ImportedModel {
  const problems = new ProblemList();
  const cnf = new CnfReader(problems).read(text);
  const names = cnf ? variableNames(cnf, problems) : [];
  problems.throwIfAny('DIMACS');
  return buildModel(cnf!, names, options.name);
}

const HEADER = '"p cnf <variables> <clauses>"';
const NAME_COMMENT = /^\s*c\s+(\d+)\s+(\S(?:.*\S)?)\s*$/d;

interface Word {
  readonly text: string;
  readonly at: Position;
}

/** Reads the header, the name comments and the clauses, line by line. */
class CnfReader {
  private header: Header | undefined;
  private headerLine: number | undefined;
  private firstClauseAt: Position | undefined;
  private readonly comments: NameComment[] = [];
  private readonly clauses: number[][] = [];
  /** The clause being read (it may span lines), and where it starts. */
  private clause: number[] = [];
  private clauseAt: Position | undefined;

  constructor(private readonly problems: ProblemList) {}

  /** The CNF, or undefined when there is no usable header (the problem is reported). */
  read(text: string): Cnf | undefined {
    text.split(/\r\n|\r|\n/).forEach((content, index) => this.line(content, index + 1));
    return this.finish();
  }

  private line(content: string, line: number): void {
    const first = content.search(/\S/);
    if (first < 0) return;
    if (/^c(\s|$)/.test(content.slice(first))) {
      const comment = nameComment(content, line);
      if (comment) this.comments.push(comment);
      return;
    }
    const words = [...content.matchAll(/\S+/g)].map((m): Word => ({ text: m[0], at: { line, column: m.index + 1 } }));
    if (words[0]!.text === 'p') this.headerWords(words, line);
    else for (const word of words) this.literal(word);
  }

  private headerWords(words: Word[], line: number): void {
    if (this.headerLine !== undefined) {
      this.problems.add(words[0]!.at, `a second "p" line (the header is on line ${this.headerLine})`);
      return;
    }
    this.headerLine = line;
    this.header = readHeader(words, this.problems);
  }

  private literal({ text, at }: Word): void {
    this.firstClauseAt ??= at;
    if (!/^-?\d+$/.test(text)) {
      this.problems.add(at, `"${text}" is not an integer`);
      return;
    }
    const literal = Number(text);
    if (literal === 0) {
      if (this.clause.length === 0) this.problems.add(at, 'an empty clause (a 0 without literals) can never be satisfied');
      this.endClause();
      return;
    }
    if (this.header && Math.abs(literal) > this.header.variables) {
      this.problems.add(at, `literal ${text} is out of range: the header declares ${count(this.header.variables, 'variable')}`);
    }
    this.clauseAt ??= at;
    this.clause.push(literal);
  }

  private endClause(): void {
    this.clauses.push(this.clause);
    this.clause = [];
    this.clauseAt = undefined;
  }

  private finish(): Cnf | undefined {
    if (this.clauseAt) {
      this.problems.add(this.clauseAt, 'the last clause is not ended by 0');
      this.endClause();
    }
    const { header, headerLine, firstClauseAt, clauses } = this;
    if (headerLine === undefined || (firstClauseAt && firstClauseAt.line < headerLine)) {
      this.problems.add(firstClauseAt ?? { line: 1, column: 1 }, `expected a ${HEADER} line before the first clause`);
      return undefined;
    }
    if (!header) return undefined; // a malformed header, already reported
    if (clauses.length !== header.clauses) {
      this.problems.add(header.clausesAt, `the header declares ${count(header.clauses, 'clause')} but the file has ${clauses.length}`);
    }
    return { header, comments: this.comments, clauses };
  }
}

function readHeader(words: Word[], problems: ProblemList): Header | undefined {
  const [p, format, variables, clauses] = words;
  const isCount = (word: Word | undefined): boolean => word !== undefined && /^\d+$/.test(word.text);
  if (words.length !== 4 || format!.text !== 'cnf' || !isCount(variables) || !isCount(clauses)) {
    problems.add(p!.at, `expected ${HEADER}`);
    return undefined;
  }
  const header = { variables: Number(variables!.text), clauses: Number(clauses!.text), at: p!.at, clausesAt: clauses!.at };
  if (header.variables > MAX_VARIABLES) {
    problems.add(variables!.at, `the header declares ${variables!.text} variables; at most ${MAX_VARIABLES.toLocaleString('en')} are supported`);
    return undefined;
  }
  return header;
}

/** `c <i> <name>`; any other comment is ignored. */
function nameComment(content: string, line: number): NameComment | undefined {
  const match = NAME_COMMENT.exec(content);
  if (!match?.indices) return undefined;
  return {
    variable: Number(match[1]),
    name: match[2]!,
    variableAt: { line, column: match.indices[1]![0] + 1 },
    nameAt: { line, column: match.indices[2]![0] + 1 },
  };
}

/** The name of each variable (index 0 is variable 1): its comment's, else its number. */
function variableNames({ header, comments }: Cnf, problems: ProblemList): string[] {
  const names: (string | undefined)[] = new Array<string | undefined>(header.variables).fill(undefined);
  const named = new Map<string, NameComment>();
  const namedBy = new Map<number, NameComment>();
  for (const comment of comments) {
    const { variable, name } = comment;
    if (variable < 1 || variable > header.variables) {
      problems.add(comment.variableAt, `variable ${variable} is out of range: the header declares ${count(header.variables, 'variable')}`);
      continue;
    }
    const earlier = namedBy.get(variable);
    if (earlier) {
      problems.add(comment.variableAt, `variable ${variable} is already named "${earlier.name}" on line ${earlier.variableAt.line}`);
      continue;
    }
    const same = named.get(name);
    if (same) {
      problems.add(comment.nameAt, `duplicate name "${name}" (also variable ${same.variable} on line ${same.nameAt.line})`);
      continue;
    }
    named.set(name, comment);
    namedBy.set(variable, comment);
    names[variable - 1] = name;
  }
  return names.map((name, i) => {
    if (name !== undefined) return name;
    const number = String(i + 1);
    const clash = named.get(number);
    if (clash) problems.add(clash.nameAt, `the name "${number}" is also the number of unnamed variable ${number}`);
    return number;
  });
}

function buildModel(cnf: Cnf, names: string[], modelName: string | undefined): ImportedModel {
  const ids = assignIds(names, 'variable');
  const attributes: Attribute[] = ids.map((id, i) => ({ id, kind: 'boolean', name: names[i]! }));
  const literal = (l: number): Condition => (l > 0 ? ids[l - 1]! : { not: ids[-l - 1]! });
  const rules: Rule[] = cnf.clauses.map((clause, i) => ({
    id: `clause-${i + 1}`,
    kind: 'constraint',
    condition: clause.length === 1 ? literal(clause[0]!) : { any: clause.map(literal) },
  }));
  const name = modelName ?? 'DIMACS model';
  return finishModel(
    { name, productName: name, attributes, rules, names: new Map(ids.map((id, i) => [id, names[i]!])) },
    64,
  );
}

/** `1 variable`, `2 variables`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
