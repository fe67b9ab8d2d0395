// The catalog's pricing section: loadCatalog reports its mistakes with paths, like every other part.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogJsonSchema, catalogWarnings, formatProblem, loadCatalog } from '../src/index.js';
import { assertPricingCatalogProblems, oneBook, tinyCatalog } from './price-fixtures.js';

const TIERS = [{ from: 1, to: 4, amount: '129.00' }, { from: 5, to: 9, amount: '119.00' }, { from: 10, amount: '109.00' }];

describe('loadCatalog: the pricing section', () => {
  it('accepts a full pricing section and keeps it as given', () => {
    const pricing = {
      rounding: { mode: 'half-up', level: 'unit' },
      maxDiscountPercent: '15',
      taxCalculation: 'line',
      books: [
        { id: 'list', name: { en: 'List', de: 'Liste' }, currency: 'EUR', audience: ['smb'], validFrom: '2026-01-01', validTo: '2026-12-31', taxRegion: 'de', prices: { p: { included: true }, 'p/q': { tiers: TIERS, tierMode: 'slab', unit: { en: 'seat', de: 'Platz' }, schedule: 'vol' }, 'p/b': { amount: '9.90', recurring: 'month', term: 36, prorate: false, taxCategory: 'reduced', floor: '8.00' }, 'p/s:x': { amount: '1.00', per: 'q' }, 'p/s:y': { block: { size: 10, amount: '450.00' } } } },
        { id: 'partner', currency: 'EUR', audience: ['partner:acme'], basedOn: { book: 'list', percent: '-8' }, maxDiscountPercent: '20', taxCalculation: 'document' },
        { id: 'usd', currency: 'USD', basedOn: { book: 'list', exchangeRate: { rate: '1.0850', date: '2026-10-01' } }, rounding: { level: 'document' } },
      ],
      schedules: [{ id: 'vol', tiers: [{ from: 10, to: 49, percent: '5' }, { from: 50, percent: '10' }] }],
      contracts: [{ id: 'c1', customer: 'contoso', prices: { 'p/q': { amount: '100.00' }, 'p/b': { percent: '10' } } }],
      partners: [{ id: 'acme', name: 'Acme', percent: '8', exclude: ['p/b'] }],
      termOptions: { 'p/s:y': 12 },
      tax: { defaultCategory: 'standard', regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }, { category: 'reduced', percent: '7' }] }] },
    };
    const catalog = loadCatalog(tinyCatalog(pricing));
    assert.deepEqual(catalog.pricing, pricing);
    assert.ok(Object.isFrozen(catalog.pricing!.books[0]));
  });

  it('keeps a catalog without pricing valid', () => {
    const catalog = tinyCatalog(undefined);
    delete catalog.pricing;
    assert.equal(loadCatalog(catalog).pricing, undefined);
  });

  it('reports unknown price books, with the likely meant one, and books based on themselves', () => {
    assertPricingCatalogProblems(
      {
        books: [
          { id: 'smb', prices: {} },
          { id: 'smb-plus', basedOn: { book: 'smb2' } },
          { id: 'a', basedOn: { book: 'b' } },
          { id: 'b', basedOn: { book: 'a' } },
          { id: 'c', basedOn: { book: 'c' } },
        ],
      },
      [
        'pricing.books[1].basedOn.book: unknown price book "smb2" (did you mean "smb"?)',
        'pricing.books[2].basedOn.book: price book "a" is based on itself ("a" → "b" → "a")',
        'pricing.books[3].basedOn.book: price book "b" is based on itself ("b" → "a" → "b")',
        'pricing.books[4].basedOn.book: price book "c" is based on itself ("c" → "c")',
      ],
    );
  });

  it('reports unknown items with the likely meant one, and items that name too much or too little', () => {
    assertPricingCatalogProblems(oneBook({ pp: { amount: '1' }, 'p/qq': { amount: '1' }, 'p/s:z': { amount: '1' }, 'p/s': { amount: '1' }, 'p/b:on': { amount: '1' }, 'p/m:e4': { amount: '1' } }), [
      'pricing.books[0].prices.pp: unknown product "pp" (did you mean "p"?)',
      'pricing.books[0].prices["p/qq"]: unknown attribute "qq" of product "p" (did you mean "q"?)',
      'pricing.books[0].prices["p/s:z"]: unknown option "p/s:z" (did you mean "p/s:x"?)',
      'pricing.books[0].prices["p/s"]: "s" is a single choice: name the option, e.g. "p/s:x"',
      'pricing.books[0].prices["p/b:on"]: "b" is a boolean and has no options; write "p/b"',
      'pricing.books[0].prices["p/m:e4"]: unknown option "p/m:e4" (did you mean "p/m:e1"?)',
    ]);
  });

  it('reports overlapping tiers, gaps between them, and tiers that do not start at 1', () => {
    assertPricingCatalogProblems(
      oneBook({
        'p/q': { tiers: [{ from: 1, to: 5, amount: '1' }, { from: 5, to: 9, amount: '1' }, { from: 12, amount: '1' }], tierMode: 'range' },
        'p/r': { tiers: [{ from: 2, amount: '1' }, { from: 1, amount: '1' }], tierMode: 'slab' },
      }),
      [
        'pricing.books[0].prices["p/q"].tiers[1].from: starts at 5, inside the tier before (1–5)',
        'pricing.books[0].prices["p/q"].tiers[2].from: starts at 12, but the tier before ends at 9: quantities 10–11 have no price',
        'pricing.books[0].prices["p/r"].tiers[0].from: the first tier starts at 1, not 2',
        'pricing.books[0].prices["p/r"].tiers[1].from: starts at 1, not after the tier before (from 2)',
      ],
    );
    assertPricingCatalogProblems(oneBook({ 'p/b': { tiers: [{ from: 1, to: 0, amount: '1' }], tierMode: 'block' } }), [
      'pricing.books[0].prices["p/b"].tiers[0].to: must be at least 1, found 0',
    ]);
    assertPricingCatalogProblems(oneBook({ 'p/b': { tiers: [{ from: 3, to: 2, amount: '1' }], tierMode: 'block' } }), [
      'pricing.books[0].prices["p/b"].tiers[0].to: 2 is before the tier\'s start 3',
      'pricing.books[0].prices["p/b"].tiers[0].from: the first tier starts at 1, not 3',
    ]);
  });

  it('reports charges that give no price, two prices, or fields that do not fit', () => {
    assertPricingCatalogProblems(
      oneBook({
        'p/q': {},
        'p/r': { amount: '1', tiers: TIERS, tierMode: 'range' },
        'p/b': { tiers: TIERS, term: 12 },
        'p/s:x': { amount: '1', tierMode: 'slab', prorate: true, schedule: 'volum', per: 's' },
        'p/s:y': { amount: '1', per: 'colour' },
        'p/m:e1': { amount: '1', per: 'b' },
        'p/m:e2': { amount: '1', per: 'm' },
      }, {}, { schedules: [{ id: 'volume', tiers: [{ from: 10, percent: '5' }] }] }),
      [
        'pricing.books[0].prices["p/q"]: give "amount", "block", "tiers" or "included": true',
        'pricing.books[0].prices["p/r"]: give only one of "amount", "block", "tiers" and "included"',
        'pricing.books[0].prices["p/b"].tierMode: is required with tiers: "range", "slab" or "block"',
        'pricing.books[0].prices["p/b"].term: only a recurring charge has a term; add "recurring": "month" or "year"',
        'pricing.books[0].prices["p/s:x"].tierMode: only tiers take a tierMode',
        'pricing.books[0].prices["p/s:x"].prorate: only a recurring charge is prorated; add "recurring": "month" or "year"',
        'pricing.books[0].prices["p/s:x"].schedule: unknown discount schedule "volum" (did you mean "volume"?)',
        'pricing.books[0].prices["p/s:x"].per: "s" is a single choice; "per" names a quantity attribute',
        'pricing.books[0].prices["p/s:y"].per: unknown attribute "colour" of product "p"',
        'pricing.books[0].prices["p/m:e1"].per: "b" is a boolean; "per" names a quantity attribute',
        'pricing.books[0].prices["p/m:e2"].per: "m" is a multiple choice; "per" names a quantity attribute',
      ],
    );
    assertPricingCatalogProblems(oneBook({ 'p/q': { amount: '1', per: 'r' } }), [
      'pricing.books[0].prices["p/q"].per: "q" is priced per unit already; "per" is for products, options and booleans',
    ]);
  });

  it('reports amounts that are not exact decimal text', () => {
    assertPricingCatalogProblems(oneBook({ 'p/q': { amount: 129.9 }, 'p/r': { amount: '1,50' }, 'p/b': { amount: '0.0000000000001' }, 'p/s:x': { amount: '-5' } }), [
      'pricing.books[0].prices["p/q"].amount: expected a string, found the number 129.9',
      'pricing.books[0].prices["p/r"].amount: "1,50" must be an amount written as text with at most 12 decimals, e.g. "129.00"',
      'pricing.books[0].prices["p/b"].amount: "0.0000000000001" must be an amount written as text with at most 12 decimals, e.g. "129.00"',
      'pricing.books[0].prices["p/s:x"].amount: "-5" must be an amount written as text with at most 12 decimals, e.g. "129.00"',
    ]);
  });

  it('reports currencies, exchange rates and dates that do not fit', () => {
    assertPricingCatalogProblems(
      {
        books: [
          { id: 'list', currency: 'EUX', validFrom: '2026-02-30', prices: { p: { included: true } } },
          { id: 'usd', currency: 'USD', basedOn: { book: 'eur' } },
          { id: 'eur', currency: 'EUR', validFrom: '2026-12-31', validTo: '2026-01-01', basedOn: { book: 'usd', exchangeRate: { rate: '0', date: '2026-13-01' } } },
          { id: 'eur2', basedOn: { book: 'eur', exchangeRate: { rate: '1', date: '2026-10-01' }, percent: '-5', amount: '1' } },
          { id: 'eur3', basedOn: { book: 'eur', percent: '-120' } },
        ],
      },
      [
        'pricing.books[0].currency: "EUX" is not an ISO 4217 currency code (did you mean "EUR"?)',
        'pricing.books[0].validFrom: "2026-02-30" is not a day of the calendar',
        'pricing.books[1].basedOn: price book "usd" is in USD but "eur" is in EUR: add an "exchangeRate" with its date',
        'pricing.books[2].validTo: 2026-01-01 is before validFrom 2026-12-31',
        'pricing.books[2].basedOn.exchangeRate.rate: an exchange rate cannot be 0',
        'pricing.books[2].basedOn.exchangeRate.date: "2026-13-01" is not a day of the calendar',
        'pricing.books[1].basedOn.book: price book "usd" is based on itself ("usd" → "eur" → "usd")',
        'pricing.books[2].basedOn.book: price book "eur" is based on itself ("eur" → "usd" → "eur")',
        'pricing.books[3].basedOn.exchangeRate: both books are in EUR; an exchange rate is only for a base book in another currency',
        'pricing.books[3].basedOn: give "percent" or "amount", not both',
        'pricing.books[4].basedOn.percent: -120% would make prices negative',
      ],
    );
  });

  it('reports duplicate ids, unknown partners in audiences, discounts over 100%', () => {
    assertPricingCatalogProblems(
      {
        books: [
          { id: 'list', audience: ['partner:acmee'], prices: { p: { included: true } }, maxDiscountPercent: '101' },
          { id: 'list', prices: {} },
        ],
        schedules: [{ id: 'v', tiers: [{ from: 5, to: 9, percent: '5' }, { from: 11, percent: '110' }] }],
        partners: [{ id: 'acme', name: 'Acme', percent: '120', exclude: ['p/colour'] }, { id: 'acme', name: 'Acme 2', percent: '1' }],
        contracts: [{ id: 'c', customer: 'x', prices: { 'p/q': { amount: '1', percent: '5' }, 'p/r': {}, 'p/b': { percent: '150' } } }],
      },
      [
        'pricing.books[1].id: duplicate price book id "list" (also pricing.books[0])',
        'pricing.books[0].audience[0]: unknown partner "acmee" (did you mean "acme"?); list it in "partners"',
        'pricing.books[0].maxDiscountPercent: a maximum discount of 101% is over 100%',
        'pricing.schedules[0].tiers[1].from: starts at 11, but the tier before ends at 9: quantity 10 has no tier',
        'pricing.schedules[0].tiers[1].percent: a discount of 110% is over 100%',
        'pricing.partners[1].id: duplicate partner id "acme" (also pricing.partners[0])',
        'pricing.partners[0].percent: a discount of 120% is over 100%',
        'pricing.partners[0].exclude[0]: unknown attribute "colour" of product "p"',
        'pricing.contracts[0].prices["p/q"]: give "amount" or "percent", not both',
        'pricing.contracts[0].prices["p/r"]: give "amount" (a unit price) or "percent" (off)',
        'pricing.contracts[0].prices["p/b"].percent: a discount of 150% is over 100%',
      ],
    );
  });

  it('reports tax regions that are unknown or lack a rate for a category in use', () => {
    assertPricingCatalogProblems(
      oneBook(
        { 'p/q': { amount: '1', taxCategory: 'reducd' } },
        { taxRegion: 'fr' },
        { tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }, { category: 'reduced', percent: '7' }, { category: 'reduced', percent: '5' }] }, { id: 'at', rates: [{ category: 'normal', percent: '20' }] }] } },
      ),
      [
        'pricing.books[0].taxRegion: unknown tax region "fr" (did you mean "de"?)',
        'pricing.tax.regions[0].rates[2].category: tax category "reduced" has two rates (also pricing.tax.regions[0].rates[1])',
        'pricing.tax.regions[0].rates: has no rate for tax category "reducd" (used by pricing.books[0].prices["p/q"]) (did you mean "reduced"?)',
        'pricing.tax.regions[1].rates: has no rate for tax category "reducd" (used by pricing.books[0].prices["p/q"])',
        'pricing.tax.regions[1].rates: has no rate for tax category "standard" (the default category)',
      ],
    );
    assertPricingCatalogProblems(oneBook({}, { taxRegion: 'de' }), ['pricing.books[0].taxRegion: unknown tax region "de": the pricing section has no "tax"']);
  });

  it('reports term options that are not options of one attribute', () => {
    const catalog = tinyCatalog(oneBook({}, {}, { termOptions: { 'p/s:x': 12, 'p/m:e1': 36, 'p/q': 12, 'p/s:z': 1 } }));
    assert.throws(() => loadCatalog(catalog), {
      message: [
        'The catalog has 3 problems:',
        '  pricing.termOptions["p/m:e1"]: the term options of product "p" must all be options of one attribute, "s"',
        '  pricing.termOptions["p/q"]: a term option is an option, e.g. "p/billing:annual"; "p/q" is not',
        '  pricing.termOptions["p/s:z"]: unknown option "p/s:z" (did you mean "p/s:x"?)',
      ].join('\n'),
    });
  });

  it('reports texts without the default locale, and unknown fields with the field meant', () => {
    assertPricingCatalogProblems(
      { books: [{ id: 'list', name: { de: 'Liste' }, prices: { p: { included: true }, 'p/q': { amount: '1', unit: { de: 'Platz' } } } }], partners: [{ id: 'a', name: { fr: 'A' }, percent: '1' }] },
      [
        'pricing.books[0].name: has no text in the default locale "en"',
        'pricing.books[0].prices["p/q"].unit: has no text in the default locale "en"',
        'pricing.partners[0].name: has no text in the default locale "en"',
      ],
    );
    assertPricingCatalogProblems({ books: [{ id: 'list', prices: { p: { included: true }, 'p/q': { amount: '1', recuring: 'month' } } }] }, [
      'pricing.books[0].prices["p/q"].recuring: unknown field "recuring" (did you mean "recurring"?)',
    ]);
  });

  it('reports a price per block given with another price, with a tier mode, or with a block of no units', () => {
    assertPricingCatalogProblems(
      oneBook({ 'p/q': { block: { size: 10, amount: '450.00' }, amount: '45.00' }, 'p/r': { block: { size: 10, amount: '450.00' }, tierMode: 'block' } }),
      [
        'pricing.books[0].prices["p/q"]: give only one of "amount", "block", "tiers" and "included"',
        'pricing.books[0].prices["p/r"].tierMode: only tiers take a tierMode',
      ],
    );
    assertPricingCatalogProblems(
      oneBook({ 'p/b': { block: { size: 0, amount: '450.00' } }, 'p/s:x': { block: { size: 10 } } }),
      [
        'pricing.books[0].prices["p/b"].block.size: must be at least 1, found 0',
        'pricing.books[0].prices["p/s:x"].block.amount: is required',
      ],
    );
  });

  it('still reads the deprecated floorPercent, with a warning that says how to write it now', () => {
    const old = loadCatalog(tinyCatalog({ floorPercent: '85', books: [{ id: 'list', prices: { p: { included: true } }, floorPercent: '80' }, { id: 'new', prices: {}, maxDiscountPercent: '20' }] }));
    assert.deepEqual(catalogWarnings(old).map(formatProblem), [
      'pricing.books[0].floorPercent: "floorPercent" is deprecated: "floorPercent": "80" lets manual discounts take up to 20% off without approval; write "maxDiscountPercent": "20" instead',
      'pricing.floorPercent: "floorPercent" is deprecated: "floorPercent": "85" lets manual discounts take up to 15% off without approval; write "maxDiscountPercent": "15" instead',
    ]);
    assert.deepEqual(catalogWarnings(loadCatalog(tinyCatalog(oneBook({}, { maxDiscountPercent: '12.5' })))), []);
    // Both on one book or on the section: one only.
    assertPricingCatalogProblems({ floorPercent: '85', maxDiscountPercent: '15', books: [{ id: 'list', prices: { p: { included: true } }, floorPercent: '101', maxDiscountPercent: '20' }] }, [
      'pricing.books[0].floorPercent: give "maxDiscountPercent" only: "floorPercent" is its deprecated form',
      'pricing.floorPercent: give "maxDiscountPercent" only: "floorPercent" is its deprecated form',
    ]);
  });

  it('is in the catalog JSON Schema, so editors complete price books', () => {
    const pricing = (catalogJsonSchema() as any).properties.pricing;
    assert.deepEqual(Object.keys(pricing.properties), ['rounding', 'books', 'schedules', 'contracts', 'partners', 'tax', 'taxCalculation', 'termOptions', 'maxDiscountPercent', 'floorPercent', 'renewalUpliftPercent', 'proration']);
    assert.equal(pricing.properties.floorPercent.deprecated, true);
    assert.match(pricing.properties.floorPercent.description, /^Deprecated: write "maxDiscountPercent"/);
    assert.equal(pricing.properties.books.items.properties.floorPercent.deprecated, true);
    const charge = pricing.properties.books.items.properties.prices.additionalProperties;
    assert.deepEqual(charge.properties.tierMode.enum, ['range', 'slab', 'block']);
    assert.equal(charge.properties.amount.type, 'string');
  });
});
