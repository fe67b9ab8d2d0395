/**
 * The schema of a precompiled space file (`cpq compile` writes it). On its own so that
 * a page loads it, and zod, only when a space file is not what it should be: see
 * `loadSpace`, which first asks the cheap question of {@link isSpaceShaped}.
 */
import * as z from 'zod/mini';
import type { Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';

export const PrecompiledSpaceSchema = z.strictObject({
  format: z.literal('cpq-space'),
  version: z.number(),
  catalog: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
  product: z.string(),
  /** Boolean variables of the product's encoding, a check that both sides encode alike. */
  variables: z.number(),
  /** `bdd` or `ddnnf` (docs/configuration.md, "Two forms"). */
  form: z.enum(['bdd', 'ddnnf']),
  /** Auxiliary variables of the clauses a decision-DNNF was compiled from (0 for a BDD). */
  auxiliary: z.number(),
  /** Diagram nodes, terminals included. */
  nodes: z.number(),
  root: z.number(),
  /** Base64 varints: the level of each variable (a BDD); empty for a decision-DNNF. */
  order: z.string(),
  /** Base64 varints: a BDD's inner nodes (id 2 up) as level, id − low, id − high; a decision-DNNF's as in precompiled.ts. */
  diagram: z.string(),
});

/** A compiled solution space as a JSON document (`cpq compile` writes it). */
export type PrecompiledSpace = z.infer<typeof PrecompiledSpaceSchema>;

/** What keeps `value` from being a precompiled space, by path; none when it is one. */
export function spaceProblems(value: unknown): Problem[] {
  const parsed = PrecompiledSpaceSchema.safeParse(value);
  return parsed.success ? [] : problemsFromIssues(parsed.error.issues, value, Object.keys(PrecompiledSpaceSchema.shape));
}
