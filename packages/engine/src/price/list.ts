/**
 * List and price book columns: a line's list price, then what each book of the price
 * book's `basedOn` chain makes of it.
 *
 * Takes a line and the request's book chain (list book first); gives the list price of
 * the quantity (the price in the first book of the chain with a price of the same kind)
 * and one column per further book with its own price or adjustment, each with its step
 * (`list`, `list-converted`, `list-blocks`, `book-price`, `book-percent`, `book-amount`).
 *
 * A book's price of a quantity before volume pricing is its unit price times the
 * quantity, its block price times the blocks started, or, for tiers, the quantity at the
 * first tier's rate (the first block's price for block tiers), but never less than the
 * tiers themselves charge: so the volume step that follows only ever lowers a price, and
 * savings against list are never negative because of tiers or blocks.
 */
import { bookStep, sameCharge, type BookPrice } from './book.js';
import { format } from './fixed.js';
import { blocksOf, makeMeta, type Line } from './lines.js';
import type { Setup } from './request.js';
import { roundLine, roundUnit } from './rounding.js';
import { tierPriceOf } from './volume.js';

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
    const block = list.block;
    if (block !== undefined) {
      params['blocks'] = blocksOf(spec.quantity, block.size);
      params['size'] = block.size;
      params['blockPrice'] = format(roundUnit(block.amount, s), places);
    } else if (line.unit !== undefined) params['unitPrice'] = format(line.unit, places);
    const converted = list.converted;
    if (converted) {
      params['from'] = converted.from;
      params['rate'] = converted.rate;
      params['rateDate'] = converted.date;
    }
    const code = block !== undefined ? 'list-blocks' : converted && line.unit !== undefined ? 'list-converted' : 'list';
    meta[0] = makeMeta(code, params, list.rule);
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

/** A book's price of the quantity before volume pricing (see the module's comment); sets the line's unit price where there is one. */
function basePrice(line: Line, p: BookPrice, s: Setup): bigint {
  const qty = line.spec.qty;
  if (p.amount !== undefined) {
    line.unit = roundUnit(p.amount, s);
    return roundLine(line.unit * qty, s);
  }
  line.unit = undefined;
  if (p.block !== undefined) return roundLine(roundUnit(p.block.amount, s) * BigInt(blocksOf(line.spec.quantity, p.block.size)), s);
  const mode = p.charge.tierMode ?? 'range';
  const first = roundUnit(p.tiers![0]!.amount, s);
  let base: bigint;
  if (mode === 'block') base = roundLine(first, s);
  else {
    line.unit = first;
    base = roundLine(first * qty, s);
  }
  // Tiers whose amounts never rise above the first's cannot charge more than that.
  const tiered = p.tiersRise ? tierPriceOf(line, p, s) : undefined;
  if (tiered !== undefined) {
    const amount = roundLine(tiered.amount, s);
    if (amount > base) {
      // The tiers charge more than the first tier's rate would: that is the price before volume pricing.
      line.unit = mode === 'range' ? roundUnit(tiered.tier.amount, s) : undefined;
      return amount;
    }
  }
  return base;
}
