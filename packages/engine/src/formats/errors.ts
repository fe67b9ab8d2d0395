import { ValidationError, type Problem } from '../internal/problems.js';

/** A place in a text file: 1-based line and column (in characters; a tab is one column). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** `line 4, column 13`: the path of a problem in a model file. */
export function positionText(at: Position): string {
  return `line ${at.line}, column ${at.column}`;
}

/**
 * A variability model that cannot be imported: a syntax error, or a construct the
 * catalog model cannot express. `problems` lists each with its position as the path
 * (`line 4, column 13`), first in the file first.
 */
export class FormatError extends ValidationError {
  /** The format that was read: `"UVL"` or `"DIMACS"`. */
  readonly format: 'UVL' | 'DIMACS';

  constructor(format: 'UVL' | 'DIMACS', problems: readonly Problem[]) {
    super(`The ${format} model`, problems);
    this.name = 'FormatError';
    this.format = format;
  }
}

/** Beyond this many problems a broken file's report stops being useful to read. */
const MAX_PROBLEMS = 100;

/** Collects the problems of one import; reports them sorted by position. */
export class ProblemList {
  private readonly items: { at: Position; message: string }[] = [];
  private dropped = 0;

  add(at: Position, message: string): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push({ at, message });
    else this.dropped++;
  }

  get size(): number {
    return this.items.length + this.dropped;
  }

  /** The problems as a {@link FormatError}, first in the file first. */
  error(format: 'UVL' | 'DIMACS'): FormatError {
    // Array.prototype.sort is stable, so problems at one position keep their order.
    const sorted = [...this.items].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    const problems: Problem[] = sorted.map(({ at, message }) => ({ path: positionText(at), message }));
    if (this.dropped > 0) problems.push({ path: '', message: `and ${this.dropped} more (only the first ${MAX_PROBLEMS} are listed)` });
    return new FormatError(format, problems);
  }

  throwIfAny(format: 'UVL' | 'DIMACS'): void {
    if (this.size > 0) throw this.error(format);
  }
}
