/**
 * The desk's policy: what each role may ask for, checked on the server. A request that
 * asks for something its role may not have is refused (403) with every reason, never
 * trimmed to what is allowed: a buyer who sent a discount must learn it was not given.
 *
 * Two checks: the request (who may set the date, the validity, the quote's number),
 * and the priced quote (whose prices, which discounts). The second looks at the document
 * the engine made, so that a book named directly is held to the same rule as a segment.
 */
import type { Problem, Quote } from '@cpq-kit/engine';
import * as z from 'zod/mini';
import type { Caller } from './keys.js';

const days = z.int().check(z.minimum(1), z.maximum(366));
const name = z.string().check(z.minLength(1), z.maxLength(200));

/** The site's policy; every field has a default (see {@link readPolicy}). */
export const PolicySchema = z.strictObject({
  buyer: z.optional(
    z.strictObject({
      /** Segments a buyer's page may ask prices for, e.g. ["smb"]; without a segment or book, a buyer gets the catalog's first book (its public list). Default none. */
      segments: z.optional(z.array(name)),
      /** How long a buyer's quote is valid; a buyer may ask for fewer days, not more. Default 30. */
      validDays: z.optional(days),
    }),
  ),
  partner: z.optional(
    z.strictObject({
      /** How long a partner's quote is valid. Default 30. */
      validDays: z.optional(days),
    }),
  ),
  rep: z.optional(
    z.strictObject({
      /** The longest validity a rep may give. Default 90. */
      maxValidDays: z.optional(days),
      /** How many days back a rep may date a quote's prices (to honour an earlier price). Default 0. */
      backdateDays: z.optional(z.int().check(z.minimum(0), z.maximum(366))),
    }),
  ),
  /** The most items one quote may have (the answer and verifying it stay bounded). Default 100. */
  maxItems: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  /** The sales region of deals made here (price guidance cells), unless a rep's request says. Default "default". */
  region: z.optional(name),
  /** The product family of each catalog, for deals: {"collab-suite": "collaboration"}. Default the catalog id. */
  families: z.optional(z.record(z.string(), name)),
});

export type PolicyInput = z.input<typeof PolicySchema>;

/** A policy with its defaults filled in. */
export interface Policy {
  readonly buyerSegments: readonly string[];
  readonly buyerValidDays: number;
  readonly partnerValidDays: number;
  readonly repMaxValidDays: number;
  readonly repBackdateDays: number;
  readonly maxItems: number;
  readonly region: string;
  readonly families: Readonly<Record<string, string>>;
}

/** Checks a policy (throws zod's error with paths) and fills in the defaults. */
export function readPolicy(input: PolicyInput = {}): Policy {
  const p = z.parse(PolicySchema, input);
  return {
    buyerSegments: p.buyer?.segments ?? [],
    buyerValidDays: p.buyer?.validDays ?? 30,
    partnerValidDays: p.partner?.validDays ?? 30,
    repMaxValidDays: p.rep?.maxValidDays ?? 90,
    repBackdateDays: p.rep?.backdateDays ?? 0,
    maxItems: p.maxItems ?? 100,
    region: p.region ?? 'default',
    families: p.families ?? {},
  };
}

/** Reps and approvers negotiate; buyers and partners take the prices the policy gives them. */
export const negotiates = (caller: Caller) => caller.role === 'rep' || caller.role === 'approver';

/** The request fields the policy looks at before pricing. */
export interface RequestTerms {
  readonly number?: string | undefined;
  readonly date?: string | undefined;
  readonly validDays: number;
  readonly handoff?: string | undefined;
  readonly region?: string | undefined;
}

/** The longest validity the caller may give. */
export function maxValidDays(caller: Caller, policy: Policy): number {
  return caller.role === 'buyer' ? policy.buyerValidDays : caller.role === 'partner' ? policy.partnerValidDays : policy.repMaxValidDays;
}

/** What the caller may not ask for in a request, before anything is priced. */
export function requestProblems(caller: Caller, terms: RequestTerms, policy: Policy, today: string): Problem[] {
  const problems: Problem[] = [];
  if (terms.number !== undefined) problems.push({ path: 'number', message: 'quote numbers are given by the desk' });
  const longest = maxValidDays(caller, policy);
  if (terms.validDays > longest) {
    problems.push({ path: 'validUntil', message: `a ${caller.role} quote may be valid for at most ${longest} days; this asks for ${terms.validDays}` });
  }
  if (terms.date !== undefined && terms.date !== today) {
    const back = negotiates(caller) ? policy.repBackdateDays : 0;
    const earliest = addDays(today, -back);
    if (terms.date > today) problems.push({ path: 'context.date', message: `prices of a later day (${terms.date}) cannot be quoted today (${today})` });
    else if (terms.date < earliest) {
      problems.push({ path: 'context.date', message: back === 0 ? `a ${caller.role} quote has today's prices (${today}); ${terms.date} was asked for` : `a quote's prices may be dated back to ${earliest} at most` });
    }
  }
  if (!negotiates(caller)) {
    if (terms.handoff !== undefined) problems.push({ path: 'handoff', message: 'only a rep answers a hand-off' });
    if (terms.region !== undefined) problems.push({ path: 'region', message: 'only a rep sets the deal region' });
  }
  return problems;
}

/** What the caller may not have in a priced quote: discounts, another's prices, contracts. */
export function quoteProblems(caller: Caller, quote: Quote, policy: Policy): Problem[] {
  if (negotiates(caller)) return [];
  const problems: Problem[] = [];
  const who = caller.role === 'buyer' ? 'a buyer' : 'a partner';
  if (quote.context.orderDiscount !== undefined) problems.push({ path: 'context.orderDiscount', message: `${who} cannot give a discount; a rep can` });
  quote.items.forEach((item, i) => {
    if (item.lineDiscounts !== undefined) problems.push({ path: `items[${i}].lineDiscounts`, message: `${who} cannot give a discount; a rep can` });
  });
  if (quote.context.customer !== undefined) problems.push({ path: 'context.customer', message: `contract prices are for a rep to quote, not ${who}` });
  if (caller.role === 'buyer') {
    if (quote.partner !== undefined) problems.push({ path: 'context.partner', message: "a partner's prices need that partner's key" });
    const audience = quote.book.audience;
    // Named neither, the engine takes the catalog's first book of the currency: its public list.
    const named = quote.context.book !== undefined || quote.context.segment !== undefined;
    if (named && audience !== undefined && !audience.some((segment) => policy.buyerSegments.includes(segment))) {
      const allowed = policy.buyerSegments.length === 0 ? 'the list prices only' : `the list prices and ${policy.buyerSegments.join(', ')}`;
      problems.push({ path: quote.context.book === undefined ? 'context.segment' : 'context.book', message: `the price book "${quote.book.id}" (for ${audience.join(', ')}) is not for buyers of this site, who get ${allowed}` });
    }
  } else {
    if (quote.partner !== caller.partner) problems.push({ path: 'context.partner', message: `this key is partner "${caller.partner}"'s` });
    const audience = quote.book.audience;
    const named = quote.context.book !== undefined || quote.context.segment !== undefined;
    if (named && audience !== undefined && !audience.includes(`partner:${caller.partner}`) && !audience.some((segment) => policy.buyerSegments.includes(segment))) {
      problems.push({ path: quote.context.book === undefined ? 'context.segment' : 'context.book', message: `the price book "${quote.book.id}" (for ${audience.join(', ')}) is not partner "${caller.partner}"'s` });
    }
  }
  return problems;
}

/** The day `n` days after `day` (both `YYYY-MM-DD`, UTC). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
