import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/run.js';
import { CatalogError, formatProblem, loadCatalog, type LoadOptions } from '../src/index.js';

/** A small catalog that uses every attribute and rule kind; tests break one thing at a time. */
export function smallCatalog(): any {
  return {
    id: 'room-kit',
    version: '1.0.0',
    name: { en: 'Room kit', de: 'Raumsystem' },
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    locales: ['en', 'de'],
    specs: {
      inputs: { name: { en: 'Audio inputs', de: 'Audioeingänge' }, type: 'number', better: 'higher' },
      inputsUsed: { name: 'Inputs used', type: 'number' },
      wireless: { name: 'Wireless', type: 'boolean' },
    },
    products: [
      {
        id: 'room',
        name: { en: 'Meeting room', de: 'Besprechungsraum' },
        sections: [{ id: 'video', name: 'Video' }, { id: 'audio', name: 'Audio' }],
        attributes: [
          {
            id: 'display',
            kind: 'single',
            section: 'video',
            name: 'Display',
            default: 'd65',
            options: [
              { id: 'd55', name: '55"' },
              { id: 'd65', name: '65"' },
              { id: 'd86', name: '86"' },
            ],
          },
          {
            id: 'mount',
            kind: 'single',
            section: 'video',
            name: 'Mount',
            options: [
              { id: 'wall', name: 'Wall' },
              { id: 'cart', name: 'Cart' },
            ],
          },
          {
            id: 'extras',
            kind: 'multiple',
            name: 'Extras',
            min: 0,
            max: 2,
            options: [
              { id: 'pen', name: 'Pen', specs: { wireless: true } },
              { id: 'clicker', name: 'Clicker' },
              { id: 'hub', name: 'Hub' },
            ],
          },
          {
            id: 'dsp',
            kind: 'single',
            section: 'audio',
            name: 'Audio processor',
            options: [
              { id: 'small', name: 'Small', specs: { inputs: 4 } },
              { id: 'large', name: 'Large', specs: { inputs: 12 } },
            ],
          },
          { id: 'panel', kind: 'boolean', name: 'Control panel', default: false },
          { id: 'mics', kind: 'quantity', section: 'audio', name: 'Microphones', min: 0, max: 8, step: 1, default: 2, specs: { inputsUsed: 1 } },
        ],
        rules: [
          { id: 'big-needs-wall', kind: 'requires', if: 'display:d86', then: 'mount:wall', message: { en: 'An 86" display needs a wall mount.', de: 'Ein 86"-Display braucht eine Wandhalterung.' } },
          { id: 'cart-no-hub', kind: 'excludes', if: 'mount:cart', then: 'extras:hub' },
          { id: 'some-audio', kind: 'constraint', condition: { any: ['panel', { attribute: 'mics', atLeast: 1 }] } },
          { id: 'display-mount', kind: 'compatibility', attributes: ['display', 'mount'], allowed: [['d55', '*'], ['d65', '*'], ['d86', 'wall']] },
          { id: 'inputs', kind: 'resource', sum: 'inputsUsed', atMost: { sum: 'inputs' } },
          { id: 'panel-default', kind: 'default', if: 'display:d86', select: 'panel' },
          { id: 'mics-default', kind: 'default', if: 'dsp:large', select: 'mics', quantity: 6 },
          { id: 'suggest-panel', kind: 'recommends', if: 'display:d86', then: ['panel', 'extras:clicker'] },
        ],
      },
    ],
  };
}

/** Asserts that loading fails with exactly these problem lines (`path: message`), in any order. */
export function assertProblems(input: unknown, expected: string[], options: LoadOptions = {}): void {
  assert.throws(
    () => loadCatalog(input, options),
    (error: unknown) => {
      assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
      assert.deepEqual([...error.problems.map(formatProblem)].sort(), [...expected].sort());
      return true;
    },
  );
}

/** A copy of the small catalog changed by `edit`. */
export function edited(edit: (catalog: any) => void): any {
  const catalog = smallCatalog();
  edit(catalog);
  return catalog;
}

/** Runs `cpq` in-process, with a temporary folder for the files it reads. */
export function cliHarness(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const cpq = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(args, (line) => out.push(line), (line) => err.push(line));
    return { code, out, err };
  };
  return { dir, file, cpq };
}

/** Reads the clauses of a DIMACS file independently of the engine's importer: the SAT oracle's input. */
export function dimacsClauses(text: string): { variables: number; clauses: number[][] } {
  const variables = Number(/^p cnf (\d+)/m.exec(text)![1]);
  const clauses: number[][] = [];
  let clause: number[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(c|p)\b/.test(line)) continue;
    for (const token of line.trim().split(/\s+/).filter(Boolean)) {
      const literal = Number(token);
      if (literal === 0) (clauses.push(clause), (clause = []));
      else clause.push(literal);
    }
  }
  return { variables, clauses };
}
