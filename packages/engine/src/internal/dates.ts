/** Whether a "YYYY-MM-DD" string is a day of the calendar (no 2026-02-30). */
export function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * The schema's problem with a price context's `date` that is not written "YYYY-MM-DD"
 * (its message, word for word), for the typed paths that skip the schema
 * (`compareTyped`, `recommendTyped`): the pricer would say it is no day of the calendar.
 */
export function dateShapeProblem(date: unknown, path: string): { path: string; message: string } | undefined {
  return typeof date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(date) ? { path, message: `${JSON.stringify(date)} must be a date such as "2026-11-20"` } : undefined;
}
