/**
 * List and price book columns: a line's list price, then what each book of the price
 * book's `basedOn` chain makes of it.
 *
 * Takes a line and the request's book chain (list book first); gives the list price of
 * the quantity (the price in the first book of the chain with a price of the same kind:
 * a flat or first-tier unit price times the quantity, or the first block) and one column
 * per further book with its own price or adjustment, each with its step (`list`,
 * `list-converted`, `book-price`, `book-percent`, `book-amount`).
 */
import { bookStep, sameCharge, type BookPrice } from './book.js';
import { format } from './fixed.js';
import { makeMeta, type Line } from './lines.js';
import type { Setup } from './request.js';
import { roundLine, roundUnit } from './rounding.js';

/** Fills the list column and the book columns of a line. */
export function listAndBooks(line: Line, s: Setup): void {
  const k = s.at.book;
  const { spec, values, meta } = line;
  const price = spec.price;
  const places = s.places;

  // list: the first book of the chain with a price of the same kind; then a column per book below it
  let first = k;
  let list = price;
  for (let j = 0; j < k; j++) {
    const p = s.chain[j]!.price(spec.item);
    if (p !== undefined && sameCharge(p.charge, price.charge)) {
      first = j;
      list = p;
      break;
    }
  }
  values[0] = basePrice(line, list, s);
  if (meta) {
    const params: Record<string, string | number> = { book: s.chain[first]!.book.id, quantity: spec.quantity };
    if (line.unit !== undefined) params['unitPrice'] = format(line.unit, places);
    const converted = list.converted;
    if (converted) {
      params['from'] = converted.from;
      params['rate'] = converted.rate;
      params['rateDate'] = converted.date;
    }
    meta[0] = makeMeta(converted && line.unit !== undefined ? 'list-converted' : 'list', params, list.rule);
  }
  for (let j = 1; j <= k; j++) {
    const p = j <= first ? undefined : j === k ? price : s.chain[j]!.price(spec.item);
    if (j <= first || p === undefined || !sameCharge(p.charge, price.charge)) {
      values[j] = values[j - 1]!;
      continue;
    }
    values[j] = basePrice(line, p, s);
    if (meta && values[j] !== values[j - 1]) meta[j] = bookStep(s.chain[j]!, p, line.unit === undefined ? undefined : format(line.unit, places));
  }
}

/** A book's price of the quantity before tiers: the flat or first-tier unit price times the quantity, or the first block. */
function basePrice(line: Line, p: BookPrice, s: Setup): bigint {
  if (p.amount !== undefined || p.charge.tierMode !== 'block') {
    line.unit = roundUnit(p.amount ?? p.tiers![0]!.amount, s);
    return roundLine(line.unit * line.spec.qty, s);
  }
  line.unit = undefined;
  return roundLine(roundUnit(p.tiers![0]!.amount, s), s);
}
