// The guides' worked examples are tests: every ```sh block after a `<!-- worked example -->`
// line is run with `cpq` (in a scratch folder: `> file` writes there, `examples/...` is the
// repository's), and its last command's output must be the ```text block that follows it
// (a block starting with "…" is the end of the output). An example without one must succeed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliHarness } from './fixtures.js';

const root = new URL('../../../', import.meta.url);
const guides = ['docs/pricing.md'];

interface Example {
  readonly line: number;
  readonly commands: readonly string[];
  readonly output: string | undefined;
}

function examplesOf(text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() !== '<!-- worked example -->') return;
    assert.equal(lines[i + 1], '```sh', `line ${i + 2}: a worked example starts with a sh block`);
    const end = lines.indexOf('```', i + 2);
    const commands = lines.slice(i + 2, end);
    let next = end + 1;
    while (lines[next] === '') next++;
    let output: string | undefined;
    if (lines[next] === '```text') output = lines.slice(next + 1, lines.indexOf('```', next + 1)).join('\n');
    examples.push({ line: i + 1, commands, output });
  });
  return examples;
}

for (const guide of guides) {
  describe(`worked examples in ${guide}`, () => {
    const examples = examplesOf(readFileSync(new URL(guide, root), 'utf8'));
    const { dir, cpq } = cliHarness('cpq-guide-');
    const at = (arg: string) => (arg.startsWith('examples/') ? new URL(arg, root).pathname : arg.includes('/') || !arg.endsWith('.json') ? arg : join(dir, arg));

    it('has examples', () => assert.ok(examples.length > 0));
    for (const example of examples) {
      it(`line ${example.line}: ${example.commands.at(-1)!.slice(0, 70)}…`, async () => {
        let last: string[] = [];
        for (const command of example.commands) {
          const [npx, bin, ...words] = command.split(/\s+/);
          assert.deepEqual([npx, bin], ['npx', 'cpq'], command);
          const redirect = words.indexOf('>');
          const args = (redirect < 0 ? words : words.slice(0, redirect)).map(at);
          const { code, out, err } = await cpq(...args);
          assert.deepEqual({ code, err }, { code: 0, err: [] }, command);
          if (redirect >= 0) (await import('node:fs')).writeFileSync(at(words[redirect + 1]!), `${out.join('\n')}\n`);
          last = out;
        }
        if (example.output === undefined) return;
        const expected = example.output.split('\n');
        if (expected[0] === '…') assert.deepEqual(last.slice(-(expected.length - 1)), expected.slice(1));
        else assert.deepEqual(last, expected);
      });
    }
  });
}
