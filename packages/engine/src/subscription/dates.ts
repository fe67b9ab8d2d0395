/** Calendar arithmetic for terms: whole months from a day, and days between days (UTC, no time zones). */

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function text(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `months` calendar months after `date`; a day the month lacks becomes its last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return text(Date.UTC(y, m - 1 + months, Math.min(d, last)));
}

/** The day before `date`: the last day of a term that ends where the next begins. */
export function dayBefore(date: string): string {
  const [y, m, d] = parts(date);
  return text(Date.UTC(y, m - 1, d) - DAY_MS);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / DAY_MS);
}

/** Whole calendar months from `start` to `date` (0 until a month has passed). */
export function monthsElapsed(start: string, date: string): number {
  const [a, b] = parts(start);
  const [x, y] = parts(date);
  let months = (x - a) * 12 + (y - b);
  if (addMonths(start, months) > date) months -= 1;
  return months;
}
