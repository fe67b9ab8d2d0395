/**
 * Reading past deals from JSON or CSV text (or an already parsed array), with every
 * problem named by where it is: `[12].net` in JSON, `line 14, column "net"` in CSV.
 *
 * @module
 */
import * as z from 'zod/mini';
import { parseJson, type JsonLimits } from '../internal/json.js';
import { didYouMean, ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { DEAL_FIELDS, DealSchema, type Deal } from './schema.js';

/** Past deals that cannot be read; `problems` names each one's row and column (CSV) or path (JSON). */
export class DealsError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The deal list', problems);
    this.name = 'DealsError';
  }
}

/** Options of {@link readDeals}. */
export interface ReadDealsOptions extends JsonLimits {
  /** The text's format; by default CSV unless the first non-blank character is `[`. */
  readonly format?: 'json' | 'csv';
}

// Arrays that readDeals checked and froze: priceGuidance and guidanceIndex skip checking them again.
const checked = new WeakSet<readonly Deal[]>();
// A bad file can have a problem on every row; past this many the rest are counted, not listed.
const MAX_PROBLEMS = 50;
const DealsSchema = z.array(DealSchema);

/**
 * Reads past deals: JSON text (an array of deal objects), CSV text (a header row of
 * field names, then one deal per row) or an array already parsed. Every problem is
 * reported at once with its place; nothing is silently dropped or changed.
 *
 * CSV: RFC 4180 quoting (`"a, b"`, `""` for a quote), `,` between fields, `;`
 * between the product ids of `items`, an empty cell for an absent optional field.
 *
 * @throws {@link DealsError} naming each problem's row and column.
 */
export function readDeals(input: string | readonly unknown[], options: ReadDealsOptions = {}): readonly Deal[] {
  if (typeof input !== 'string') return checkDeals(input);
  const format = options.format ?? (/^\s*\[/.test(input.replace(/^\uFEFF/, '')) ? 'json' : 'csv');
  if (format === 'csv') return readCsvDeals(input);
  const parsed = parseJson(input, options);
  if (!parsed.ok) throw new DealsError(parsed.problems);
  return checkDeals(parsed.value);
}

/** The deals, checked against the schema unless {@link readDeals} already did; throws {@link DealsError}. */
export function checkDeals(value: unknown): readonly Deal[] {
  if (Array.isArray(value) && checked.has(value)) return value as readonly Deal[];
  const result = DealsSchema.safeParse(value);
  if (!result.success) throw new DealsError(capped(problemsFromIssues(result.error.issues, value, DEAL_FIELDS)));
  return seal(result.data);
}

function seal(deals: Deal[]): readonly Deal[] {
  const frozen = Object.freeze(deals);
  checked.add(frozen);
  return frozen;
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `and ${problems.length - MAX_PROBLEMS} more problems` }];
}

const at = (line: number, column?: string): string => (column === undefined ? `line ${line}` : `line ${line}, column "${column}"`);

function readCsvDeals(text: string): readonly Deal[] {
  const { records, problems } = parseCsv(text);
  if (problems.length > 0) throw new DealsError(capped(problems));
  const [header, ...rows] = records;
  if (header === undefined) throw new DealsError([{ path: '', message: `the CSV text is empty; expected a header row such as ${DEAL_FIELDS.join(',')}` }]);
  const names = header.fields;
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const column = `column ${i + 1}`;
    if (!(DEAL_FIELDS as readonly string[]).includes(name)) problems.push({ path: at(header.line, name === '' ? undefined : name), message: `${name === '' ? `${column} has no name` : 'unknown column'}${didYouMean(name, DEAL_FIELDS)}` });
    else if (seen.has(name)) problems.push({ path: at(header.line, name), message: 'appears twice in the header' });
    seen.add(name);
  });
  for (const field of DEAL_FIELDS) if (field !== 'items' && !seen.has(field)) problems.push({ path: at(header.line), message: `the header has no column "${field}"` });
  if (problems.length > 0) throw new DealsError(problems);

  const deals: Deal[] = [];
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      problems.push({ path: at(row.line), message: `has ${row.fields.length} fields; the header has ${names.length}` });
      continue;
    }
    const object: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const cell = row.fields[i]!;
      // An empty cell is an absent field, so a missing required value reads "is required".
      if (cell === '') return;
      if (name === 'quantity') object[name] = /^\d{1,15}$/.test(cell) ? Number(cell) : cell;
      else if (name === 'items') object[name] = cell.split(';');
      else object[name] = cell;
    });
    const result = DealSchema.safeParse(object);
    if (result.success) deals.push(result.data);
    else {
      for (const p of problemsFromIssues(result.error.issues, object, DEAL_FIELDS)) {
        // "items[2]" names the column "items"; the item's place stays in the message.
        const column = /^[A-Za-z]+/.exec(p.path)?.[0];
        const rest = column === undefined ? p.path : p.path.slice(column.length);
        problems.push({ path: at(row.line, column), message: rest === '' ? p.message : `${rest}: ${p.message}` });
      }
    }
    if (problems.length > MAX_PROBLEMS) break;
  }
  if (problems.length > 0) throw new DealsError(capped(problems));
  return seal(deals);
}

/** One CSV record and the line it starts on (a quoted field may span lines). */
interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** RFC 4180: fields split by commas, records by CRLF or LF, `"` quotes a field and `""` is a quote in it. Blank lines are skipped. */
export function parseCsv(text: string): { records: CsvRecord[]; problems: Problem[] } {
  const records: CsvRecord[] = [];
  const problems: Problem[] = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let bad = false;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            problems.push({ path: at(opened), message: 'a quoted field is never closed' });
            return { records, problems };
          }
          const part = text.slice(i, q);
          field += part;
          line += countNewlines(part);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          problems.push({ path: at(line), message: `text after the closing quote of field ${fields.length + 1}` });
          bad = true;
        }
      }
      // Unquoted (or the rest after a bad closing quote): up to the next comma or line end.
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      if (!bad) {
        const raw = text.slice(i, j);
        if (raw.includes('"')) {
          problems.push({ path: at(line), message: `a quote inside unquoted field ${fields.length + 1}; quote the whole field and double the quote ("")` });
          bad = true;
        }
        field += raw;
      }
      i = j;
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank = fields.length === 1 && fields[0] === '';
    if (!bad && !blank) records.push({ line: start, fields });
  }
  return { records, problems };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
