/**
 * Hand-offs: everything a person needs to take over a buyer's configuration (an
 * inside-sales expert, a reseller's shop) so that the buyer never repeats themselves.
 */
import type { Configuration, LocalText } from '../catalog/schema.js';
import type { ConfigurationSession, Decision, ResolvedConflict } from '../configure/session.js';
import type { Problem } from '../internal/problems.js';
import type { PriceBreakdown } from '../price/breakdown.js';
import { Pricer } from '../price/pricer.js';
import { PricingError } from '../price/problems.js';
import type { PriceContext } from '../price/schema.js';
import { encodeConfiguration, shareLink } from './share-text.js';

/** The value of a hand-off's `format`. */
export const HANDOFF_FORMAT = 'cpq-kit/handoff@1';

/** One decision of the buyer, with the catalog's names, so a person can read it. */
export interface HandoffAnswer extends Decision {
  /** The attribute's name: "Display". */
  readonly name: LocalText;
  /** The option's name for a choice ("86-inch display"); absent for on/off and quantities. */
  readonly valueName?: LocalText;
}

/** A conflict the buyer met and how they resolved it, with the rules' messages from the catalog. */
export interface HandoffConflict extends ResolvedConflict {
  /** The catalog's message of each rule that has one, in the order of `rules`. */
  readonly messages: readonly LocalText[];
}

/** Everything a person needs to take over a configuration. Plain JSON. */
export interface HandoffPayload {
  readonly format: typeof HANDOFF_FORMAT;
  readonly catalog: { readonly id: string; readonly version: string };
  readonly configuration: Configuration;
  /** Whether nothing is left to decide. */
  readonly complete: boolean;
  /** The buyer's decisions, oldest first, including options they declined on purpose. */
  readonly answers: readonly HandoffAnswer[];
  /** The conflicts the buyer met, what they wanted and what they gave up for it. */
  readonly conflicts: readonly HandoffConflict[];
  /** The current price, when a price context was given and the configuration can be priced. */
  readonly price?: PriceBreakdown;
  /** Why it could not be priced (a missing price, no price book for the date...). */
  readonly priceProblems?: readonly Problem[];
  /** The configuration as a share text, and as a link when a base address was given. */
  readonly share: { readonly code: string; readonly link?: string };
}

/** What {@link handoffPayload} adds to the session. */
export interface HandoffOptions {
  /** The price request for the current price (date, segment, partner...); without it, no price. */
  readonly context?: PriceContext;
  /** The page the share link opens, e.g. the reseller's product page; the code goes in its `#config=` fragment. */
  readonly linkBase?: string;
}

/**
 * The hand-off of a configuration session: the configuration, the answers given (with
 * the catalog's names), the conflicts met and how they were resolved, the current price
 * and the share link. A configurator's "talk to an expert" and "buy at a reseller"
 * actions emit it; with its price it is a saved configuration that `reorder` can
 * re-price later.
 *
 * @example
 * ```ts
 * const payload = handoffPayload(session, { context: { date: '2026-11-20', partner: 'northwind' }, linkBase: 'https://northwind.example/rooms' });
 * await fetch('/api/leads', { method: 'POST', body: JSON.stringify(payload) });
 * ```
 */
export function handoffPayload(session: ConfigurationSession, options: HandoffOptions = {}): HandoffPayload {
  const { catalog, product } = session.compiled;
  const configuration = session.toConfiguration();
  const attributes = new Map(product.attributes.map((a) => [a.id, a]));
  const answers = session.decisions.map((decision): HandoffAnswer => {
    const attribute = attributes.get(decision.attribute)!;
    const option = 'options' in attribute ? attribute.options.find((o) => o.id === decision.value) : undefined;
    return { ...decision, name: attribute.name, ...(option ? { valueName: option.name } : {}) };
  });
  const rules = new Map((product.rules ?? []).map((r) => [r.id, r]));
  const conflicts = session.resolved.map((conflict): HandoffConflict => ({
    ...conflict,
    messages: conflict.rules.flatMap((id) => {
      const message = rules.get(id)?.message;
      return message === undefined ? [] : [message];
    }),
  }));
  const code = encodeConfiguration(configuration);
  const payload: {
    -readonly [K in keyof HandoffPayload]: HandoffPayload[K];
  } = {
    format: HANDOFF_FORMAT,
    catalog: { id: catalog.id, version: catalog.version },
    configuration,
    complete: session.isComplete,
    answers,
    conflicts,
    share: options.linkBase === undefined ? { code } : { code, link: shareLink(code, options.linkBase) },
  };
  if (options.context !== undefined) {
    try {
      // A typed caller's context: its values are checked, its shape is TypeScript's.
      payload.price = Pricer.for(catalog).price(configuration, options.context);
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      payload.priceProblems = error.problems;
    }
  }
  return payload;
}
