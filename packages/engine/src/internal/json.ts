import { formatPath, type Problem } from './problems.js';
import { closingQuote, DEFAULT_LIMITS, RESERVED_KEYS } from './read-json.js';

/** Limits that keep a hostile or broken document from hanging or crashing the reader. */
export interface JsonLimits {
  /** Longest JSON text accepted, in characters. Default 5,000,000. */
  maxLength?: number;
  /** Deepest nesting of objects and arrays accepted. Default 64. */
  maxDepth?: number;
}

/** The outcome of reading a document: the value, or the problems that stop it being read. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * Parses JSON text strictly: a clear error with line and column for malformed text,
 * and problems with their paths for duplicate keys (JSON.parse would silently keep
 * the last), prototype keys (`__proto__`, `constructor`, `prototype`) and nesting
 * deeper than the limit.
 */
export function parseJson(text: string, limits: JsonLimits = {}): JsonResult {
  const { maxLength, maxDepth } = { ...DEFAULT_LIMITS, ...limits };
  if (text.length > maxLength) {
    return fail('', `the document is ${text.length.toLocaleString('en')} characters long; the limit is ${maxLength.toLocaleString('en')} (raise maxLength to accept it)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('', `not valid JSON: ${describeSyntaxError(text, error)}`);
  }
  const problems = scanKeys(text, maxDepth);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/**
 * Checks an already parsed value (e.g. an object handed to the API) for the same
 * hazards: prototype keys, nesting (and so cycles) deeper than the limit, and values
 * that JSON cannot carry.
 */
export function checkJsonValue(value: unknown, limits: JsonLimits = {}): Problem[] {
  const { maxDepth } = { ...DEFAULT_LIMITS, ...limits };
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) problems.push({ path: formatPath(path), message: `${current} is not a JSON number` });
      continue;
    }
    if (typeof current !== 'object') {
      problems.push({ path: formatPath(path), message: `a ${typeof current} cannot appear in a JSON document` });
      continue;
    }
    if (path.length >= maxDepth) {
      problems.push({ path: formatPath(path.slice(0, 4)) + (path.length > 4 ? '...' : ''), message: `nested deeper than ${maxDepth} levels (or contains a cycle)` });
      continue;
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (RESERVED_KEYS.includes(key)) {
        problems.push({ path: formatPath([...path, key]), message: `the key "${key}" is not allowed` });
        continue;
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems;
}

function fail(path: string, message: string): JsonResult {
  return { ok: false, problems: [{ path, message }] };
}

/** Turns V8's "... at position 42" (or "(line 3 column 5)") into "line 3, column 5: ...". */
function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const base = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  const position = /at position (\d+)/.exec(message);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}: ${base}`;
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `line ${line}, column ${column}: ${base}`;
  }
  if (/end of JSON input/i.test(message)) return `the document ends too early (${base})`;
  return base;
}

interface Frame {
  readonly isObject: boolean;
  readonly keys: Set<string>;
  index: number;
  key: string | undefined;
}

/**
 * Walks JSON text that JSON.parse has already accepted, tracking the path, to find
 * what JSON.parse hides: duplicate keys, prototype keys and excessive depth.
 * Because the text is known to be valid, the walk only has to tell strings apart.
 */
function scanKeys(text: string, maxDepth: number): Problem[] {
  const problems: Problem[] = [];
  const stack: Frame[] = [];
  // The path of a key in the innermost object: each enclosing container's current key or index.
  const pathOf = (key: string): string =>
    formatPath([...stack.slice(0, -1).map((f) => (f.isObject ? f.key ?? '' : f.index)), key]);
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = closingQuote(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (RESERVED_KEYS.includes(key)) problems.push({ path: pathOf(key), message: `the key "${key}" is not allowed` });
        else if (top.keys.has(key)) problems.push({ path: pathOf(key), message: `the key "${key}" appears twice in one object (JSON keeps only the last)` });
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) {
        const line = text.slice(0, i).split('\n').length;
        const column = i - text.lastIndexOf('\n', i - 1);
        problems.push({ path: '', message: `nested deeper than ${maxDepth} levels (at line ${line}, column ${column})` });
        return problems;
      }
      const isObject = c === 0x7b;
      stack.push({ isObject, keys: new Set(), index: 0, key: undefined });
      expectKey = isObject;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1]!;
      if (top.isObject) expectKey = true;
      else top.index++;
    }
  }
  return problems;
}
