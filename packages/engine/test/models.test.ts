// The configuration engine on real public models (test/models/, copied from public repositories; see its README): exact counts
// from both formats, and valid domains that agree with counting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compile, ConfigurationSession, importDimacs, importUvl } from '../src/index.js';

const models = new URL('./models/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, models), 'utf8');

const published = [
  { name: 'BerkeleyDB', dimacs: 'dimacs/berkeleydb.dimacs', uvl: 'uvl/berkeleydb.uvl', count: 4080389785n },
  { name: 'axTLS', dimacs: 'dimacs/axTLS.dimacs', uvl: 'uvl/axTLS.uvl', count: 826244333568n },
  {
    name: 'BusyBox',
    dimacs: 'dimacs/busybox_2010-05-02_14-17-07.dimacs',
    uvl: 'uvl/busybox_2010-05-02_14-17-07.uvl',
    count: 3599239755983329331332100508562451780508192148493160801718199944973008026807919208513108710328389951098075842967611059200000000000000000000000n,
  },
];

describe('published counts of public models', () => {
  for (const model of published) {
    it(`${model.name} from DIMACS: ${model.count}`, () => {
      const { catalog } = importDimacs(read(model.dimacs));
      assert.equal(compile(catalog).space.count(), model.count);
    });
    it(`${model.name} from UVL: the same count`, () => {
      const { catalog } = importUvl(read(model.uvl));
      assert.equal(compile(catalog).space.count(), model.count);
    });
  }
});

describe('valid domains on BusyBox', () => {
  const { catalog } = importDimacs(read(published[2]!.dimacs));
  const compiled = compile(catalog);

  it('count(x) + count(!x) = count for every still-open feature after a few choices', () => {
    const session = new ConfigurationSession(compiled);
    const attributes = compiled.product.attributes;
    // Decide a handful of features from their valid domains, deterministically.
    for (let i = 0, decided = 0; decided < 12 && i < attributes.length; i += 53) {
      const domain = session.domains()[attributes[i]!.id]!;
      if (domain.length === 2) {
        session.select(attributes[i]!.id, decided % 2 === 0);
        decided++;
      }
    }
    const total = session.count();
    assert.ok(total > 0n);
    const domains = session.domains();
    for (const attribute of attributes.slice(0, 80)) {
      if (attribute.id in session.selections) continue;
      // Each offered value has valid configurations; together they are all of them.
      const countWith = (value: boolean) => {
        if (!domains[attribute.id]!.includes(value)) return 0n;
        const n = new ConfigurationSession(compiled, { ...session.selections, [attribute.id]: value }).count();
        assert.ok(n > 0n, `${attribute.id} = ${value} is offered but has no valid configuration`);
        return n;
      };
      assert.equal(countWith(true) + countWith(false), total, attribute.id);
    }
  });
});
