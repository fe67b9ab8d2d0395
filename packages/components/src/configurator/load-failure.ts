import { html, type TemplateResult } from 'lit';
import { formatProblem, type Problem } from '@cpq-kit/engine';
import type { LocalizeController } from '../internal/localize.js';
import type { productConfigurator } from '../translations/en/product-configurator.js';

/**
 * Why a product cannot be shown, said in the reader's language: the catalog could not be
 * fetched, it is not valid, the precompiled space does not fit it, the product is not in
 * it, the configuration given does not fit it; else `other`.
 */
export type LoadFailureReason = 'unreachable' | 'invalid' | 'space' | 'product' | 'configuration' | 'other';

/** A load that failed: why, in words the element translates, and the engine's or the network's detail (English). */
export interface LoadFailure {
  readonly reason: LoadFailureReason;
  /** The product asked for, when it is not in the catalog. */
  readonly product: string;
  /** The error's message, as `cpq-load-error` carries it. */
  readonly message: string;
  /** The detail, one line per problem (`path: message`). */
  readonly details: readonly string[];
}

/**
 * A failure the configurator's loading knows the reason of (the network, the product);
 * the engine's own errors say theirs by their class (CatalogError, SpaceError...).
 */
export class LoadError extends Error {
  constructor(
    readonly reason: LoadFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** What a load's error says: its reason, from its class (its name, which survives a worker), and its detail. */
export function loadFailure(error: unknown, product: string): LoadFailure {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const problems = (error as { problems?: readonly Problem[] } | undefined)?.problems;
  const reason: LoadFailureReason =
    error instanceof LoadError
      ? error.reason
      : name === 'CompileError' && message.startsWith('unknown product')
        ? 'product'
        : name === 'CatalogError' || (name === 'CompileError' && (error as { conflict?: readonly string[] }).conflict?.length)
        ? 'invalid'
        : name === 'SpaceError'
          ? 'space'
          : name === 'ShareLinkError' || name === 'ConfigurationError'
            ? 'configuration'
            : 'other';
  // The engine lists every problem with its path; anything else is its message.
  const details = Array.isArray(problems) && problems.length > 0 ? problems.map(formatProblem) : [message];
  return { reason, product, message, details };
}

type Localize = LocalizeController<typeof productConfigurator>;

/** The failure in one sentence of the reader's language (the error state's first line, and the form's validation message). */
export function failureSummary(t: Localize, failure: LoadFailure): string {
  switch (failure.reason) {
    case 'unreachable':
      return t.term('loadFailedUnreachable');
    case 'invalid':
      return t.term('loadFailedInvalid');
    case 'space':
      return t.term('loadFailedSpace');
    case 'product':
      return t.term('unknownProduct', failure.product);
    case 'configuration':
      return t.term('loadFailedConfiguration');
    case 'other':
      return t.term('loadFailedOther');
  }
}

/**
 * The error state: what happened in the reader's language, announced; the detail (the
 * engine's or the network's English, with paths) folded away under "Technical details",
 * marked as English so that a screen reader reads it so.
 */
export function failureState(t: Localize, failure: LoadFailure): TemplateResult {
  return html`
    <div part="error" class="error" role="alert">
      <p class="error-summary">${failureSummary(t, failure)}</p>
      <details part="error-details" class="error-details">
        <summary>${t.term('technicalDetails')}</summary>
        <ul lang="en">
          ${failure.details.map((line) => html`<li>${line}</li>`)}
        </ul>
      </details>
    </div>
  `;
}
