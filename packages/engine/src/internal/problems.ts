/** One thing wrong with an input document, where it is and what is wrong, in a plain sentence. */
export interface Problem {
  /** Where in the document, e.g. `products[0].rules[3].then`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /**
   * What kind of problem, stable across versions, for elements that say it in the reader's
   * language (e.g. the pricing codes in docs/pricing.md); absent where there is none.
   */
  readonly code?: string;
  /** The values the message names, for translation with `code`: ids, whole numbers, decimal strings. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Formats a path the way a JavaScript reader would write it: `products[0].name.de`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `path: message`, or just the message for the whole document. */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/**
 * An input that cannot be used, with every problem found at once (not just the first),
 * each with its path. The message lists them one per line.
 */
export class ValidationError extends Error {
  readonly problems: readonly Problem[];

  constructor(what: string, problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${what} has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** The nearest candidate by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

// Levenshtein distance with one row; ids are short, so this is cheap and not worth a dependency.
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The problems without repeats (the same path and message, e.g. a context problem met in every segment), in order. */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  return [...new Map(problems.map((p) => [`${p.path}\n${p.message}`, p])).values()];
}

/** Collects problems as checks find them; every check runs, none stops the others. */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(path: readonly PropertyKey[], message: string): void {
    this.problems.push({ path: formatPath(path), message });
  }
}
