/**
 * Reading a precompiled decision-DNNF space: `loadSpace` imports this module (and with
 * it the space's queries and the clause search that explanations use) only for a space
 * whose form is "ddnnf", so a page with a BDD space never loads them.
 */
import { DdnnfSpace, GraphError, KIND_AND, KIND_DECISION, KIND_LITERAL } from './ddnnf-space.js';
import { provideClauseChecks } from './explain.js';
import { clauseChecks } from './explain-clauses.js';
import { fromBase64, SpaceError, Varints } from './precompiled.js';
import type { PrecompiledSpace } from './space-schema.js';

/**
 * A decision-DNNF from its numbers (see `ddnnfNumbers` in `precompiled.ts`), checked node by
 * node, pausing (when given) between its steps: each is tens of milliseconds on a large one.
 *
 * @internal
 */
export async function readDdnnf(space: PrecompiledSpace, pause?: () => Promise<void>): Promise<DdnnfSpace> {
  const fail = (path: string, message: string): never => {
    throw new SpaceError([{ path, message }]);
  };
  const size = space.nodes;
  const total = space.variables + space.auxiliary;
  if (!Number.isInteger(size) || size < 2) fail('nodes', 'a decision-DNNF has at least the two terminals');
  if (!Number.isInteger(space.auxiliary) || space.auxiliary < 0) fail('auxiliary', 'must be a whole number of 0 or more');
  if (space.order !== '') fail('order', 'a decision-DNNF has no variable order: it must be ""');
  const bytes = fromBase64(space.diagram, 'diagram');
  // Sizes are checked against the diagram before anything is allocated for them: a node
  // takes at least two bytes, and every variable appears in the diagram at least once.
  if (size - 2 > bytes.length / 2) fail('nodes', `a diagram of ${bytes.length} bytes cannot hold ${size} nodes`);
  if (total > bytes.length) fail('auxiliary', `a diagram of ${bytes.length} bytes cannot mention ${total} variables`);
  const reader = new Varints(bytes, 'diagram');
  const kind = new Uint8Array(size);
  const variable = new Int32Array(size).fill(-1);
  const first = new Int32Array(size);
  const second = new Int32Array(size);
  const parts: number[] = [];
  for (let id = 2; id < size; id++) {
    const k = reader.next();
    kind[id] = k;
    if (k === KIND_LITERAL) {
      const code = reader.next();
      variable[id] = code >> 1;
      first[id] = code & 1;
    } else if (k === KIND_DECISION) {
      variable[id] = reader.next();
      first[id] = id - reader.next();
      second[id] = id - reader.next();
    } else if (k === KIND_AND) {
      const count = reader.next();
      first[id] = parts.length;
      for (let i = 0; i < count; i++) {
        const code = reader.next();
        parts.push(code & 1 ? ~(code >> 1) : id - (code >> 1));
      }
      second[id] = parts.length;
    } else fail('diagram', `node ${id} has kind ${k}, which no node has`);
  }
  reader.end();
  await pause?.();
  const result = new DdnnfSpace(space.variables, total, kind, variable, first, second, Int32Array.from(parts), space.root);
  await pause?.();
  try {
    DdnnfSpace.check(result);
  } catch (error) {
    if (error instanceof GraphError) fail(error.message.startsWith('the root') ? 'root' : 'diagram', error.message);
    throw error;
  }
  await pause?.();
  // Explanations of a decision-DNNF product search its clauses.
  provideClauseChecks(clauseChecks);
  return result.warmUp();
}
