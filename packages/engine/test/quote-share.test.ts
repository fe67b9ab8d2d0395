// Share links and hand-offs: a configuration survives a URL, and a newer catalog never
// changes it silently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compile,
  ConfigurationSession,
  decodeConfiguration,
  encodeConfiguration,
  formatProblem,
  handoffPayload,
  loadCatalog,
  parseShareText,
  price,
  reorder,
  shareCodeOf,
  shareLink,
  ShareLinkError,
  type Configuration,
} from '../src/index.js';
import { av, avConfig, collab, collabConfig, demo, demoIds, randomConfiguration, read } from './quote-fixtures.js';

const stamped = (catalog: typeof av, c: Configuration): Configuration => ({ catalog: { id: catalog.id, version: catalog.version }, product: c.product, selections: c.selections });

function assertShareProblems(fn: () => unknown, expected: string[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ShareLinkError, `expected a ShareLinkError, got ${String(error)}`);
    assert.deepEqual(error.problems.map(formatProblem), expected);
    return true;
  });
}

describe('encodeConfiguration', () => {
  it('writes a short, readable, URL-safe text with the format, catalog id and version', () => {
    const code = encodeConfiguration(avConfig);
    assert.equal(
      code,
      '1~av-rooms~2026.11.0~meeting-room~display~d86~mounting~floor-stand~camera~ptz~table-mics~.4~ceiling-mics~.1~ceiling-speakers~.6~dsp~large~control-panel~.y~wireless-presentation~.y~installation~premium~support~plus',
    );
    assert.equal(encodeURIComponent(code), code, 'nothing in it needs escaping in a URL');
    assert.equal(encodeConfiguration(collabConfig), '1~collab-suite~2026.11.0~business~seats~.40~storage-packs~.2~advanced-security~.y~e-signature~.n~webinar~.y~billing~annual~support~priority');
  });

  it('writes multiple choices with their count, and versions with other characters as hex', () => {
    const code = encodeConfiguration({ product: 'room', selections: { extras: ['pen', 'hub'], none: [], n: 0 } }, { id: 'kit', version: '2026 R2~β' });
    assert.equal(code, `1~kit~-${Buffer.from('2026 R2~β').toString('hex')}~room~extras~-2~pen~hub~none~-0~n~.0`);
    assert.deepEqual(parseShareText(code), { catalog: { id: 'kit', version: '2026 R2~β' }, product: 'room', selections: { extras: ['pen', 'hub'], none: [], n: 0 } });
  });

  it('refuses what it cannot write', () => {
    assertShareProblems(() => encodeConfiguration({ product: 'room', selections: {} }), ['catalog: give the catalog id and version (in the configuration, or as the second argument): a share link records them']);
    assertShareProblems(() => encodeConfiguration({ product: 'room', selections: { 'a~b': true, q: 1.5 } }, av), ['selections["a~b"]: "a~b" is not an id', 'selections.q: 1.5 is not a quantity']);
  });

  it('puts the code in a link fragment and reads it back', () => {
    const code = encodeConfiguration(avConfig);
    const link = shareLink(code, 'https://northwind.example/rooms?x=1#top');
    assert.equal(link, `https://northwind.example/rooms?x=1#config=${code}`);
    assert.equal(shareCodeOf(link), code);
    assert.equal(shareCodeOf('https://northwind.example/rooms'), undefined);
    assert.equal(shareCodeOf(`https://x.example/#a=1&config=${code}`), code);
  });

  it('reads a link with broken percent-encoding as it is: decoding it then says what is wrong, no URIError', () => {
    const code = shareCodeOf('https://x.example/#config=%E0%A4%A');
    assert.equal(code, '%E0%A4%A');
    assert.throws(() => decodeConfiguration(code!, av), (error: unknown) => error instanceof ShareLinkError);
  });
});

describe('decodeConfiguration', () => {
  it('gives back exactly the configuration, for random valid configurations of both demo catalogs (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...demoIds), fc.array(fc.nat(60), { minLength: 3, maxLength: 14 }), (id, choices) => {
        const catalog = demo[id];
        const configuration = randomConfiguration(catalog, choices);
        const decoded = decodeConfiguration(encodeConfiguration(configuration), catalog);
        assert.deepEqual(decoded.dropped, []);
        assert.equal(decoded.catalogChanged, false);
        assert.deepEqual(decoded.configuration, stamped(catalog, configuration));
      }),
      { numRuns: 150 },
    );
  });

  it('reads back any selections and version it can write (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,12}$/);
    const value = fc.oneof(id, fc.boolean(), fc.nat({ max: 1_000_000 }), fc.uniqueArray(id, { maxLength: 4 }));
    fc.assert(
      fc.property(id, fc.string({ minLength: 1, maxLength: 20 }), id, fc.dictionary(id, value, { maxKeys: 8 }), (catalog, version, product, selections) => {
        const code = encodeConfiguration({ product, selections }, { id: catalog, version });
        assert.match(code, /^[A-Za-z0-9_.~-]+$/);
        assert.deepEqual(parseShareText(code), { catalog: { id: catalog, version }, product, selections: { ...selections } });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a text that is not a share link, a cut one, or one for another catalog or a product that is gone', () => {
    assertShareProblems(() => decodeConfiguration('hello', av), ['not a cpq-kit share link (it must start with "1~")']);
    assertShareProblems(() => decodeConfiguration('2~av-rooms~1~x', av), ['format 2 is not one this version of cpq-kit reads (it reads 1)']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0', av), ['the link is cut short: it needs a catalog id, a version and a product']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0~meeting-room~display', av), ['the attribute "display" has no value (the link may be cut short)']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0~meeting-room~extras~-3~a~b', av), ['the attribute "extras" lists 3 options but the link ends first']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0~meeting-room~display~d86~display~d98', av), ['the attribute "display" appears twice']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0~meeting-room~display~__proto__!', av), ['the value of "display" "__proto__!" is not an id (the link may be cut short or changed)']);
    assertShareProblems(() => decodeConfiguration(encodeConfiguration(collabConfig), av), ['catalog: the link is for catalog "collab-suite", not "av-rooms"']);
    assertShareProblems(() => decodeConfiguration('1~av-rooms~2026.11.0~boardroom~display~d86', av), ['product: unknown product "boardroom": the catalog no longer has it']);
  });

  it('reports every selection a newer catalog no longer accepts, and why, keeping the rest', () => {
    const newer = JSON.parse(read('examples/catalogs/av-rooms.json'));
    newer.version = '2027.01.0';
    const room = newer.products.find((p: any) => p.id === 'meeting-room');
    const attribute = (id: string) => room.attributes.find((a: any) => a.id === id);
    // The PTZ camera is withdrawn, ceiling microphones are gone, at most 2 table microphones,
    // and premium installation is no longer offered with the floor stand.
    attribute('camera').options = attribute('camera').options.filter((o: any) => o.id !== 'ptz');
    room.attributes = room.attributes.filter((a: any) => a.id !== 'ceiling-mics');
    attribute('table-mics').max = 2;
    for (const rule of room.rules) {
      for (const key of ['if', 'then', 'condition']) {
        if (rule[key]?.any) rule[key].any = rule[key].any.filter((x: string) => x !== 'camera:ptz' && x !== 'ceiling-mics');
      }
    }
    room.rules = room.rules.filter((r: any) => r.id !== 'ceiling-mics-need-dante' && r.id !== 'ceiling-mics-default-networked-dsp');
    room.rules.push({ id: 'no-premium-on-stands', kind: 'excludes', if: 'mounting:floor-stand', then: 'installation:premium' });
    for (const item of Object.keys(newer.pricing.books[0].prices)) if (item.includes('ceiling-mics') || item.endsWith('camera:ptz')) delete newer.pricing.books[0].prices[item];
    const catalog = loadCatalog(newer);

    const decoded = decodeConfiguration(encodeConfiguration(avConfig), catalog);
    assert.equal(decoded.catalogChanged, true);
    assert.deepEqual(decoded.recorded.catalog, { id: 'av-rooms', version: '2026.11.0' });
    assert.deepEqual(decoded.dropped.map((d) => [d.reason, d.message]), [
      ['unknown-option', 'camera = "ptz": unknown option "ptz" of "camera"'],
      ['not-allowed', 'table-mics = 4: quantity 4 is outside 0..2'],
      ['unknown-attribute', 'ceiling-mics = 1: product "meeting-room" no longer has "ceiling-mics"'],
      ['conflict', 'installation = "premium": not possible together with mounting = "floor-stand" (rules no-premium-on-stands)'],
    ]);
    assert.deepEqual(decoded.dropped[3]!.rules, ['no-premium-on-stands']);
    assert.deepEqual(decoded.dropped[3]!.conflictsWith, [{ attribute: 'mounting', value: 'floor-stand' }]);
    const { camera: _c, 'table-mics': _t, 'ceiling-mics': _m, installation: _i, ...kept } = avConfig.selections;
    assert.deepEqual(decoded.configuration, { catalog: { id: 'av-rooms', version: '2027.01.0' }, product: 'meeting-room', selections: kept });
  });

  it('lists a "__proto__" or "constructor" attribute of a link as dropped, not lost', () => {
    for (const key of ['__proto__', 'constructor']) {
      const decoded = decodeConfiguration(`1~av-rooms~${av.version}~meeting-room~${key}~.y~display~d98`, av);
      assert.deepEqual(decoded.configuration.selections, { display: 'd98' });
      assert.deepEqual(decoded.dropped.map((d) => [d.attribute, d.reason]), [[key, 'unknown-attribute']]);
      assert.equal(Object.getPrototypeOf(decoded.recorded.selections), Object.prototype);
    }
  });
});

describe('handoffPayload', () => {
  it('carries the configuration, the answers with their names, the conflicts met, the price and the share link', () => {
    const session = new ConfigurationSession(compile(av, { product: 'meeting-room' }));
    session.select('mounting', 'wall-standard');
    session.select('camera', 'usb-4k');
    session.makeAvailable({ attribute: 'display', value: 'd86' }); // the standard wall mount does not carry it
    session.setQuantity('table-mics', 2);
    const context = { date: '2026-11-20', partner: 'northwind' };
    const payload = handoffPayload(session, { context, linkBase: 'https://northwind.example/rooms' });

    assert.equal(payload.format, 'cpq-kit/handoff@1');
    assert.deepEqual(payload.catalog, { id: 'av-rooms', version: '2026.11.0' });
    assert.deepEqual(payload.configuration, session.toConfiguration());
    assert.equal(payload.complete, false);
    assert.deepEqual(payload.answers.map((a) => [a.attribute, a.value, a.valueName === undefined ? undefined : (a.valueName as Record<string, string>)['en']]), [
      ['camera', 'usb-4k', '4K USB camera'],
      ['display', 'd86', '86-inch 4K display'],
      ['table-mics', 2, undefined],
    ]);
    assert.deepEqual(payload.answers[0]!.name, { en: 'Camera', de: 'Kamera', fr: 'Caméra' });
    assert.equal(payload.conflicts.length, 1);
    assert.deepEqual(payload.conflicts[0]!.wanted, { attribute: 'display', value: 'd86' });
    assert.deepEqual(payload.conflicts[0]!.gaveUp, [{ attribute: 'mounting', value: 'wall-standard' }]);
    assert.deepEqual(payload.conflicts[0]!.rules, ['mount-fits-display']);
    assert.match((payload.conflicts[0]!.messages[0] as Record<string, string>)['en']!, /^This mount is not made for this display size/);
    assert.deepEqual(payload.price, price(av, session.toConfiguration(), context));
    assert.equal(payload.priceProblems, undefined);
    assert.equal(payload.share.link, `https://northwind.example/rooms#config=${payload.share.code}`);
    assert.deepEqual(decodeConfiguration(shareCodeOf(payload.share.link!)!, av).configuration, payload.configuration);
    // It survives JSON, as it travels.
    assert.deepEqual(JSON.parse(JSON.stringify(payload)), payload);
  });

  it('reports why there is no price rather than failing, and leaves the price out without a context', () => {
    const session = new ConfigurationSession(compile(collab, { product: 'business' }), collabConfig.selections);
    const dated = handoffPayload(session, { context: { date: '2025-01-01' } });
    assert.equal(dated.price, undefined);
    assert.deepEqual(dated.priceProblems!.map(formatProblem), ['context.date: no price book in EUR is valid on 2025-01-01 ("list-eur" is valid from 2026-11-01; "enterprise-eur" is valid from 2026-11-01; "partner-northwind-eur" is valid from 2026-11-01)']);
    const bare = handoffPayload(session);
    assert.equal(bare.price, undefined);
    assert.equal(bare.share.link, undefined);
    assert.equal(bare.complete, true);
  });

  it('is a saved configuration that reorder re-prices later', async () => {
    const session = new ConfigurationSession(compile(collab, { product: 'business' }), collabConfig.selections);
    const payload = handoffPayload(session, { context: { date: '2026-11-20', segment: 'enterprise' } });
    const { diff, quote } = await reorder({ configuration: payload.configuration, price: payload.price! }, { catalog: collab, now: '2026-12-01T10:00:00Z', validUntil: '2026-12-31' });
    assert.equal(quote.segment, 'enterprise');
    assert.equal(diff.changed, false);
  });
});
