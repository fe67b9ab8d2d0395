import type { Decision } from '@cpq-kit/engine';
import type { ConfiguratorView } from './view.js';
import { list } from './words.js';

/**
 * Why a value is unavailable, before the buyer tries it: "Not available with Mounting:
 * Wall mount" (the decisions in the way, as the conflict panel names them), "Not available
 * for this product" when no change helps; undefined while a large product has not worked
 * it out yet (see ConfiguratorModel.reason).
 */
export function unavailableReason(view: Pick<ConfiguratorView, 't' | 'model'>, decision: Decision): string | undefined {
  const reason = view.model.reason(decision);
  if (reason === null) return view.t.term('unavailableAlways');
  if (!reason?.length) return undefined;
  const others = reason.filter((d) => d.attribute !== decision.attribute);
  return view.t.term('unavailableWith', list(view, others.length > 0 ? others : reason));
}

/** The id of the text that describes why a value is unavailable. */
export function reasonId(view: Pick<ConfiguratorView, 'id'>, decision: Decision): string {
  return `${view.id}-why-${decision.attribute}-${String(decision.value)}`;
}
