// Revisions, differences and reorders: a change after ordering shows what it costs at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  contentHash,
  createQuote,
  diffQuotes,
  formatProblem,
  loadCatalog,
  price,
  QuoteError,
  reorder,
  reviseQuote,
  signQuote,
  type QuoteDiff,
} from '../src/index.js';
import { av, avConfig, collab, collabConfig, copy, hmacKey, huddle, NOW, randomConfiguration, read, VALID_UNTIL, demo, demoIds } from './quote-fixtures.js';

const v1 = await createQuote({ catalog: av, items: [{ configuration: avConfig, quantity: 2 }, { configuration: huddle }], validUntil: VALID_UNTIL, now: NOW, number: 'Q-2026-0042' });
const LATER_NOW = '2026-11-27T08:00:00.000Z';

const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));

/** The invariant every diff keeps: line costs add up to each item's net change, and those to the total's. */
function assertAddsUp(diff: QuoteDiff): void {
  let total = 0n;
  for (const item of diff.items) {
    const lines = item.lines.reduce((n, l) => n + cents(l.cost.amount), 0n);
    assert.equal(lines, cents(item.net.change.amount), `item ${item.id}: line costs add up to its net change`);
    total += lines;
  }
  assert.equal(total, cents(diff.totals.net.change.amount), 'line costs add up to the change of the net total');
  assert.equal(cents(diff.totals.oneTime.change.amount) + cents(diff.totals.term.change.amount), cents(diff.totals.net.change.amount));
  assert.equal(cents(diff.totals.net.change.amount) + cents(diff.totals.tax.change.amount), cents(diff.totals.grandTotal.change.amount));
}

describe('reviseQuote', () => {
  it('makes the next version: same number, previous with its hash, unsigned, priced on the agreed date', async () => {
    const signed = await signQuote(v1, hmacKey);
    const v2 = await reviseQuote(signed, { items: [{ item: '1', select: 'display:d98' }] }, { catalog: av, now: LATER_NOW });
    assert.equal(v2.number, 'Q-2026-0042');
    assert.equal(v2.version, 2);
    const { signature: _, ...unsigned } = signed;
    assert.deepEqual(v2.previous, { number: 'Q-2026-0042', version: 1, hash: await contentHash(unsigned) });
    assert.equal(v2.signature, undefined);
    assert.equal(v2.created, LATER_NOW);
    assert.equal(v2.context.date, '2026-11-20');
    assert.equal(v2.validUntil, VALID_UNTIL);
    assert.deepEqual(v2.items.map((i) => i.id), ['1', '2']);
  });

  it('shows what a change after ordering costs, line by line: 2 × (7,990.00 − 4,490.00) for the bigger display', async () => {
    const v2 = await reviseQuote(v1, { items: [{ item: '1', select: 'display:d98' }] }, { catalog: av, now: LATER_NOW });
    const diff = diffQuotes(v1, v2);
    assert.equal(diff.changed, true);
    const [room, huddleRoom] = diff.items;
    assert.equal(huddleRoom!.status, 'unchanged');
    assert.equal(room!.status, 'changed');
    assert.deepEqual(room!.selections, [{ attribute: 'display', from: 'd86', to: 'd98' }]);
    assert.deepEqual(room!.lines.map((l) => `${l.status} ${l.item} ${l.cost.amount}`), ['removed meeting-room/display:d86 -8980.00', 'added meeting-room/display:d98 15980.00']);
    assert.equal(diff.totals.oneTime.change.amount, '7000.00');
    assert.equal(diff.totals.tax.change.amount, '1330.00'); // 19% of 7,000.00
    assert.equal(diff.totals.grandTotal.change.amount, '8330.00');
    assertAddsUp(diff);
  });

  it('adds, removes and changes items, quantities, discounts and the context', async () => {
    const v2 = await reviseQuote(
      v1,
      {
        items: [{ remove: '2' }, { add: { configuration: collabConfig } as never }, { item: '1', quantity: 3, lineDiscounts: { 'meeting-room/display:d86': { percent: '10' } } }],
        context: { segment: 'enterprise' },
      },
      { catalog: av, now: LATER_NOW },
    ).catch((error: unknown) => error);
    // A collab-suite configuration does not belong in an av-rooms quote.
    assert.ok(v2 instanceof QuoteError);
    assert.deepEqual(v2.problems.map(formatProblem), [
      'items[1].configuration.catalog.id: was made for catalog "collab-suite", not "av-rooms"',
      'items[1].configuration.product: unknown product "business"',
    ]);

    const v3 = await reviseQuote(
      v1,
      { items: [{ remove: '2' }, { add: { configuration: huddle, quantity: 4 } }, { item: '1', quantity: 3, lineDiscounts: { 'meeting-room/display:d86': { percent: '10' } } }], context: { segment: 'enterprise' } },
      { catalog: av, now: LATER_NOW },
    );
    assert.deepEqual(v3.items.map((i) => [i.id, i.quantity]), [['1', 3], ['3', 4]]);
    assert.equal(v3.book.id, 'enterprise-eur');
    const diff = diffQuotes(v1, v3);
    assert.deepEqual(diff.context, [{ field: 'segment', to: 'enterprise' }]);
    assert.deepEqual(diff.items.map((i) => `${i.id} ${i.status}`), ['1 changed', '2 removed', '3 added']);
    assertAddsUp(diff);
    const back = await reviseQuote(v3, { items: [{ item: '1', lineDiscounts: null }], context: { segment: null } }, { catalog: av, now: LATER_NOW });
    assert.equal(back.items[0]!.lineDiscounts, undefined);
    assert.equal(back.context.segment, undefined);
  });

  it('refuses changes it cannot make, with their paths', async () => {
    await assert.rejects(reviseQuote(v1, { items: [{ item: '9', quantity: 2 }, { item: '1', select: 'display' }] }, { catalog: av, now: LATER_NOW }), (error: unknown) => {
      assert.ok(error instanceof QuoteError);
      assert.deepEqual(error.problems.map(formatProblem), ['changes.items[0].item: the quote has no item "9" (it has "1", "2")', 'changes.items[1].select: "display" does not choose anything: write "display:<option>"']);
      return true;
    });
    // The revised configuration must keep the rules: a 55-inch display does not fit the floor stand.
    await assert.rejects(reviseQuote(v1, { items: [{ item: '1', select: 'display:d55' }] }, { catalog: av, now: LATER_NOW }), /breaks the rule "mount-fits-display"/);
    // An expired quote needs a new validity.
    await assert.rejects(reviseQuote(v1, {}, { catalog: av, now: '2027-01-05T00:00:00Z' }), /validUntil: 2026-12-20 is before the day the quote is made \(2027-01-05\)/);
    const renewed = await reviseQuote(v1, { validUntil: '2027-02-01' }, { catalog: av, now: '2027-01-05T00:00:00Z' });
    assert.equal(diffQuotes(v1, renewed).changed, false);
  });
});

describe('diffQuotes', () => {
  it('finds nothing between a quote and itself', () => {
    const diff = diffQuotes(v1, copy(v1));
    assert.equal(diff.changed, false);
    assert.ok(diff.items.every((i) => i.status === 'unchanged' && i.lines.length === 0));
    assert.equal(diff.totals.grandTotal.change.amount, '0.00');
  });

  it('refuses to compare two currencies', async () => {
    const usd = await createQuote({ catalog: av, items: [{ configuration: huddle }], context: { currency: 'USD' }, validUntil: VALID_UNTIL, now: NOW });
    assert.throws(() => diffQuotes(v1, usd), /cannot compare a quote in EUR with one in USD/);
  });

  it('adds up for random changes of random valid configurations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...demoIds).map((id) => demo[id]),
        fc.array(fc.nat(50), { minLength: 4, maxLength: 10 }),
        fc.array(fc.nat(50), { minLength: 4, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        async (catalog, first, second, qa, qb) => {
          const items = (choices: number[], quantity: number) => [{ configuration: randomConfiguration(catalog, choices), quantity }];
          const a = await createQuote({ catalog, items: items(first, qa), validUntil: VALID_UNTIL, now: NOW });
          const b = await createQuote({ catalog, items: items(second, qb), validUntil: VALID_UNTIL, now: NOW });
          const diff = diffQuotes(a, b);
          assertAddsUp(diff);
          // And back: every change the other way round.
          const back = diffQuotes(b, a);
          assert.equal(cents(back.totals.grandTotal.change.amount), -cents(diff.totals.grandTotal.change.amount));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('reorder', () => {
  /** The AV catalog a year later: a new version with a dearer display and without wireless presentation. */
  function nextYear(edit: (catalog: any) => void = () => {}) {
    const catalog = JSON.parse(read('examples/catalogs/av-rooms.json'));
    catalog.version = '2027.11.0';
    catalog.pricing.books[0].prices['meeting-room/display:d86'].amount = '4690.00';
    edit(catalog);
    return loadCatalog(catalog);
  }

  it('re-prices a saved quote at today\'s prices and shows the difference', async () => {
    const { quote, diff, dropped } = await reorder(v1, { catalog: nextYear(), now: '2027-11-15T09:00:00Z', validUntil: '2027-12-15' });
    assert.deepEqual(dropped, []);
    assert.equal(quote.version, 1);
    assert.notEqual(quote.number, v1.number);
    assert.deepEqual(quote.previous && { number: quote.previous.number, version: quote.previous.version }, { number: 'Q-2026-0042', version: 1 });
    assert.equal(quote.context.date, '2027-11-15');
    assert.equal(quote.catalog.version, '2027.11.0');
    const room = diff.items.find((i) => i.id === '1')!;
    assert.deepEqual(room.lines.map((l) => `${l.item} ${l.cost.amount}`), ['meeting-room/display:d86 400.00']); // 2 × 200.00
    assert.equal(diff.items.find((i) => i.id === '2')!.status, 'unchanged');
    assertAddsUp(diff);
  });

  it('drops what the catalog no longer has, and says so; refuses when a required choice is gone', async () => {
    const withoutWireless = nextYear((c) => {
      const room = c.products.find((p: any) => p.id === 'meeting-room');
      room.attributes = room.attributes.filter((a: any) => a.id !== 'wireless-presentation');
      delete c.pricing.books[0].prices['meeting-room/wireless-presentation'];
      room.rules = room.rules.filter((r: any) => r.id !== 'recommend-wireless-presentation');
    });
    const { quote, diff, dropped } = await reorder(v1, { catalog: withoutWireless, now: '2027-11-15T09:00:00Z', validUntil: '2027-12-15' });
    assert.deepEqual(dropped.map((d) => [d.item, d.dropped.map((x) => `${x.reason}: ${x.message}`)]), [
      ['1', ['unknown-attribute: wireless-presentation = true: product "meeting-room" no longer has "wireless-presentation"']],
    ]);
    assert.equal(quote.items[0]!.configuration.selections['wireless-presentation'], undefined);
    assert.ok(diff.items[0]!.lines.some((l) => l.item === 'meeting-room/wireless-presentation' && l.status === 'removed' && l.cost.amount === '-2980.00'));

    const withoutPtz = nextYear((c) => {
      const camera = c.products.find((p: any) => p.id === 'meeting-room').attributes.find((a: any) => a.id === 'camera');
      camera.options = camera.options.filter((o: any) => o.id !== 'ptz');
      delete c.pricing.books[0].prices['meeting-room/camera:ptz'];
      c.products.find((p: any) => p.id === 'meeting-room').rules.forEach((r: any) => {
        if (r.if?.any) r.if.any = r.if.any.filter((x: string) => x !== 'camera:ptz');
        if (r.then?.any) r.then.any = r.then.any.filter((x: string) => x !== 'camera:ptz');
      });
    });
    await assert.rejects(reorder(v1, { catalog: withoutPtz, now: '2027-11-15T09:00:00Z', validUntil: '2027-12-15' }), /items\[0\]\.configuration\.selections\.camera: needs one of its options/);
  });

  it('re-prices a configuration saved with its price (a hand-off), in its segment and currency', async () => {
    const saved = { configuration: collabConfig, price: price(collab, collabConfig, { date: '2026-11-20', segment: 'enterprise', currency: 'USD' }) };
    const { quote, diff } = await reorder(saved, { catalog: collab, now: '2027-01-10T12:00:00Z', validUntil: '2027-02-10' });
    assert.equal(quote.currency, 'USD');
    assert.equal(quote.segment, 'enterprise');
    assert.equal(quote.previous, undefined);
    // The same catalog and segment: the same price a few weeks later.
    assert.equal(diff.changed, false);
    assert.deepEqual(quote.items[0]!.price.totals, saved.price.totals);
  });
});

