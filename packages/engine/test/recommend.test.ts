// The package finder and cross-sell: rankings and prices on the demo questionnaire
// (hand-checked against the list-eur price book), misses, triage, answer and catalog
// problems with paths, association figures against hand-computed values, and (fast-check)
// never a suggestion the configuration's valid domains exclude.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  associations,
  CatalogError,
  compile,
  ConfigurationSession,
  loadCatalog,
  price,
  recommend,
  RecommendError,
  suggest,
  type Answers,
  type Catalog,
  type CompiledProduct,
  type PackagesResult,
  type Recommendation,
} from '../src/index.js';
import { evaluate, needsOf } from '../src/recommend/recommend.js';

const read = (name: string) => readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8');
const collab = loadCatalog(read('collab-suite'));
const av = loadCatalog(read('av-rooms'));
const SMB = { date: '2026-11-20', segment: 'smb' } as const;

const packages = (r: Recommendation): PackagesResult => {
  assert.equal(r.kind, 'packages');
  return r as PackagesResult;
};
const problemsOf = (fn: () => unknown): { path: string; message: string }[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecommendError || error instanceof CatalogError) return [...error.problems];
    throw error;
  }
  assert.fail('expected an error');
};
/** The collab-suite catalog with its questionnaire changed. */
const withQuestionnaire = (change: (q: Record<string, unknown>) => void): unknown => {
  const json = JSON.parse(read('collab-suite')) as { questionnaire: Record<string, unknown> };
  change(json.questionnaire);
  return json;
};

describe('recommend: ranking on the demo questionnaire', () => {
  it('ranks those meeting every need first, cheapest first, priced for the segment over a first year', () => {
    const result = packages(recommend(collab, { seats: 40, sso: 'yes' }, SMB));
    assert.equal(result.needs, 2);
    assert.deepEqual(result.packages.map((p) => [p.id, p.meetsAll, p.price.net.amount]), [
      // 40 × 12.50 a month, annual billing included: 500 × 12.
      ['business', true, '6000.00'],
      // Enterprise is sold from 50 users: 50 × 21.00 × 12.
      ['enterprise', true, '12600.00'],
      // Starter misses both; priced as its defaults complete it: 5 × (6.00 + 1.00 monthly billing) × 12.
      ['starter', false, '420.00'],
    ]);
    const [business, enterprise, starter] = result.packages;
    assert.deepEqual(business!.reason, { code: 'cheapest-meeting-all', params: { count: 2 }, text: 'The cheapest package that meets all 2 needs' });
    assert.equal(business!.configuration.selections['seats'], 40);
    assert.equal(enterprise!.configuration.selections['seats'], 50, 'the smallest quantity from 40 up that Enterprise allows');
    assert.equal(enterprise!.reason.code, 'meets-all');
    assert.deepEqual(starter!.reason.params, { missed: 2, count: 2 });
    assert.equal(business!.price.month?.amount, '500.00');
  });

  it('adds the add-ons the answers need and prices them: webinars and an audit log on Business', () => {
    const result = packages(recommend(collab, { seats: 120, webinars: 'yes', compliance: ['audit-log'] }, SMB));
    assert.equal(result.needs, 3);
    const [first, second] = result.packages;
    assert.equal(first!.id, 'business');
    assert.equal(first!.configuration.selections['webinar'], true);
    assert.equal(first!.configuration.selections['advanced-security'], true);
    // 120 × 12.50 + 49.00 webinar + 120 × 4.00 advanced security = 2,029.00 a month.
    assert.equal(first!.price.month?.amount, '2029.00');
    assert.equal(first!.price.net.amount, '24348.00');
    // Enterprise has both included: 120 × 21.00 × 12, nothing added.
    assert.equal(second!.id, 'enterprise');
    assert.equal(second!.price.net.amount, '30240.00');
    assert.equal(second!.configuration.selections['customer-managed-keys'], false);
  });

  it('picks a more expensive package when only it meets everything, and says what the others miss', () => {
    const result = packages(recommend(collab, { seats: 30, compliance: ['data-in-switzerland', 'own-keys'], integrations: 'api' }, SMB));
    assert.equal(result.needs, 4);
    const [enterprise, business, starter] = result.packages;
    assert.equal(enterprise!.id, 'enterprise');
    assert.equal(enterprise!.meetsAll, true);
    // 50 × 21.00 + 1,490.00 premium support (the default rule with managed keys) a month, + 9,900.00 a year for the keys.
    assert.equal(enterprise!.price.net.amount, '40380.00');
    assert.equal(business!.id, 'business', 'fewer misses rank higher, whatever the price');
    assert.deepEqual(business!.misses.map((m) => [m.question, m.answer, m.code]), [
      ['compliance', 'data-in-switzerland', 'spec-lacks'],
      ['compliance', 'own-keys', 'no-attribute'],
    ]);
    assert.deepEqual(business!.misses[0]!.params, { spec: 'dataResidency', value: 'EU', needed: 'CH' });
    assert.deepEqual(starter!.misses.map((m) => m.code), ['not-available', 'spec-lacks', 'no-attribute', 'spec-differs']);
    assert.deepEqual(starter!.misses[0]!.params, { select: 'seats', value: 30 });
    assert.equal(starter!.reason.text, 'Misses 4 of 4 needs');
  });

  it('gives every package the amounts price() gives for its configuration', () => {
    const context = { date: '2026-11-20', segment: 'enterprise', termMonths: 36 } as const;
    for (const pkg of packages(recommend(collab, { seats: 120, webinars: 'yes', compliance: ['audit-log'] }, context)).packages) {
      const totals = price(collab, pkg.configuration, context).totals;
      assert.deepEqual([pkg.price.oneTime, pkg.price.month, pkg.price.year, pkg.price.net, pkg.price.total], [totals.oneTime.net, totals.recurring.month?.net, totals.recurring.year?.net, totals.net, totals.grandTotal], pkg.id);
      assert.equal(pkg.price.termMonths, 36);
    }
  });

  it('with no needs, ranks by price alone', () => {
    const optional = loadCatalog(withQuestionnaire((q) => ((q['questions'] as { required?: boolean }[])[0]!.required = false)));
    const result = packages(recommend(optional, {}, SMB));
    assert.equal(result.needs, 0);
    assert.deepEqual(result.packages.map((p) => p.id), ['starter', 'business', 'enterprise']);
    assert.equal(result.packages[0]!.reason.code, 'cheapest');
  });

  it('prices for the buyer\'s segment: enterprise tiers for 250 users on Business', () => {
    const smb = packages(recommend(collab, { seats: 250, sso: 'yes' }, SMB)).packages[0]!;
    const ent = packages(recommend(collab, { seats: 250, sso: 'yes' }, { date: '2026-11-20', segment: 'enterprise' })).packages[0]!;
    assert.equal(smb.price.month?.amount, '3125.00'); // 250 × 12.50
    assert.equal(ent.price.month?.amount, '2625.00'); // 250 × 10.50, the tier from 250
  });

  it('recommends from the questionnaire\'s packages, with their presets', () => {
    const catalog = loadCatalog(withQuestionnaire((q) => {
      q['packages'] = [
        { id: 'business-premium', product: 'business', name: { en: 'Business with premium support' }, selections: { support: 'premium' } },
        { id: 'business', product: 'business' },
        { id: 'enterprise', product: 'enterprise' },
      ];
    }));
    const result = packages(recommend(catalog, { seats: 10 }, SMB));
    assert.deepEqual(result.packages.map((p) => [p.id, p.price.net.amount]), [
      ['business', '1500.00'], // 10 × 12.50 × 12
      ['business-premium', '7380.00'], // (125.00 + 490.00) × 12
      ['enterprise', '12600.00'], // 50 × 21.00 × 12
    ]);
    assert.deepEqual(result.packages[1]!.name, { en: 'Business with premium support' });
    assert.equal(result.packages[1]!.configuration.selections['support'], 'premium');
  });
});

describe('recommend: triage', () => {
  it('hands over to a person for more than 500 users, with the rule, the answer and every answer', () => {
    const answers: Answers = { seats: 600, sso: 'yes' };
    const result = recommend(collab, answers, SMB);
    assert.equal(result.kind, 'triage');
    assert.deepEqual(result.kind === 'triage' && result.triggered.map((t) => [t.rule, t.question, t.answer]), [['large-organisation', 'seats', 600]]);
    assert.deepEqual(result.answers, answers);
  });

  it('does not hand over at exactly 500 users', () => {
    assert.equal(recommend(collab, { seats: 500 }, SMB).kind, 'packages');
  });

  it('hands over for a custom integration, and lists every rule that fired', () => {
    const result = recommend(collab, { seats: 900, integrations: 'custom' }, SMB);
    assert.ok(result.kind === 'triage');
    assert.deepEqual(result.triggered.map((t) => t.rule), ['large-organisation', 'custom-integration']);
    assert.match(JSON.stringify(result.triggered[1]!.message), /scoping call/);
  });
});

describe('recommend: bad answers and questionnaires', () => {
  it('reports every answer problem with its path and a suggestion', () => {
    const problems = problemsOf(() => recommend(collab, { seat: 40, sso: 'yep', compliance: 'audit-log', webinars: 'yes' } as Answers, SMB));
    assert.deepEqual(problems, [
      { path: 'answers.seat', message: 'unknown question "seat" (did you mean "seats"?)' },
      { path: 'answers.sso', message: 'unknown answer "yep" of question "sso" (did you mean "yes"?)' },
      { path: 'answers.compliance', message: '"compliance" is answered with a list of answer ids' },
      { path: 'answers.seats', message: 'is required' },
    ]);
  });

  it('rejects numbers out of range or not whole, answers named twice, and a context without a date', () => {
    assert.deepEqual(problemsOf(() => recommend(collab, { seats: 0 }, SMB)), [{ path: 'answers.seats', message: '0 is outside 1..∞' }]);
    assert.deepEqual(problemsOf(() => recommend(collab, { seats: 2.5 }, SMB)), [{ path: 'answers.seats', message: '2.5 is not a whole number' }]);
    assert.deepEqual(problemsOf(() => recommend(collab, { seats: 5, compliance: ['own-keys', 'own-keys'] }, SMB)), [{ path: 'answers.compliance', message: 'names an answer twice' }]);
    const missingDate = problemsOf(() => recommend(collab, { seats: 5 }, { segment: 'smb' } as unknown as typeof SMB));
    assert.deepEqual(missingDate.map((p) => p.path), ['context.date']);
  });

  it('needs a questionnaire in the catalog', () => {
    assert.deepEqual(problemsOf(() => recommend(av, {}, SMB)), [{ path: 'catalog.questionnaire', message: 'catalog "av-rooms" has no questionnaire' }]);
  });

  it('checks every reference of the questionnaire when the catalog loads', () => {
    const problems = problemsOf(() => loadCatalog(withQuestionnaire((q) => {
      const questions = q['questions'] as { options?: { requires?: unknown[] }[]; requires?: unknown[] }[];
      questions[1]!.options![0]!.requires = [{ spec: 'ssso', equals: true }];
      questions[2]!.options![0]!.requires = [{ select: 'webinars' }];
      questions[3]!.options![0]!.requires = [{ select: 'billing:anual' }, { spec: 'maxSeats', atLeast: 'answer' }];
      questions[0]!.requires = [{ select: 'seats' }, { spec: 'sso', atLeast: 3 }];
      (q['triage'] as { when: unknown[] }[])[1]!.when = [{ question: 'integration', is: 'custom' }, { question: 'integrations', is: 'costum' }, { question: 'seats', is: 'x' }];
    })));
    assert.deepEqual(problems, [
      { path: 'questionnaire.questions[0].requires[0]', message: '"seats" is a quantity: give "quantity" or "atLeast"' },
      { path: 'questionnaire.questions[0].requires[1].atLeast', message: 'spec "sso" is boolean; only a number spec has a range' },
      { path: 'questionnaire.questions[1].options[0].requires[0].spec', message: 'unknown spec "ssso" (did you mean "sso"?); declare it in the catalog\'s "specs"' },
      { path: 'questionnaire.questions[2].options[0].requires[0].select', message: 'no product recommended from has an attribute "webinars" (did you mean "webinar"?)' },
      { path: 'questionnaire.questions[3].options[0].requires[0].select', message: 'unknown option "billing:anual" (did you mean "billing:annual"?)' },
      { path: 'questionnaire.questions[3].options[0].requires[1].atLeast', message: '"answer" stands for a number answered, and this is not a number question' },
      { path: 'questionnaire.triage[1].when[0].question', message: 'unknown question "integration" (did you mean "integrations"?)' },
      { path: 'questionnaire.triage[1].when[1].is', message: 'unknown answer "costum" of question "integrations" (did you mean "custom"?)' },
      { path: 'questionnaire.triage[1].when[2].is', message: '"seats" is answered with a number: use "atLeast" and/or "atMost"' },
    ]);
  });

  it('checks packages: unknown products and options, duplicate ids, and texts in the default locale', () => {
    const problems = problemsOf(() => loadCatalog(withQuestionnaire((q) => {
      q['packages'] = [
        { id: 'a', product: 'busines' },
        { id: 'a', product: 'business', selections: { support: 'premum' } },
      ];
      (q['questions'] as { name: unknown }[])[1]!.name = { de: 'Nur Deutsch' };
    })));
    assert.deepEqual(problems, [
      { path: 'questionnaire.questions[1].name', message: 'has no text in the default locale "en"' },
      { path: 'questionnaire.packages[1].id', message: 'duplicate package id "a" (also questionnaire.packages[0])' },
      { path: 'questionnaire.packages[0].product', message: 'unknown product "busines" (did you mean "business"?)' },
      { path: 'questionnaire.packages[1].selections.support', message: 'unknown option "premum" of "support" (did you mean "premium"?)' },
      // Only Business is recommended from now, and it has no managed keys.
      { path: 'questionnaire.questions[3].options[2].requires[0].select', message: 'no product recommended from has an attribute "customer-managed-keys"' },
    ]);
  });
});

describe('suggest: cross-sell', () => {
  it('suggests the catalog\'s recommended add-on when its condition holds, and not once it is chosen', () => {
    const [first] = suggest(collab, { product: 'business', selections: { seats: 80 } });
    assert.equal(first!.item, 'business/advanced-security');
    assert.equal(first!.value, true);
    assert.equal(first!.rule, 'recommend-security-from-50');
    assert.equal(first!.reason.code, 'catalog-recommends');
    assert.deepEqual(suggest(collab, { product: 'business', selections: { seats: 40 } }), []);
    assert.deepEqual(suggest(collab, { product: 'business', selections: { seats: 80, 'advanced-security': true } }), []);
  });

  it('does not suggest what the configuration excludes: advanced security with monthly billing', () => {
    assert.deepEqual(suggest(collab, { product: 'business', selections: { seats: 80, billing: 'monthly' } }), []);
  });

  // Five deals, hand-counted: advanced security in 2 (deals 1, 3), e-signature in 1 (deal 4), Business in 4, webinar in 2.
  const deals = [
    ['business', 'business/webinar', 'business/advanced-security'],
    ['business', 'business/webinar'],
    ['business', 'business/advanced-security'],
    ['business', 'business/e-signature'],
    ['starter', 'starter/e-signature'],
  ];

  it('computes support, confidence and lift as counted by hand', () => {
    const found = associations(deals, ['business', 'business/seats', 'business/webinar'], { minSupport: 0, minConfidence: 0, minLift: 0 });
    // Advanced security: with Business 2 of 5 deals (support 0.4), 2 of the 4 Business deals (confidence 0.5),
    // against 2 of 5 deals at large (0.4): lift 1.25. With the webinar: support 0.2, confidence 1/2, lift 1.25; Business wins on support.
    assert.deepEqual(found.get('business/advanced-security'), { because: 'business', support: 0.4, confidence: 0.5, lift: 1.25, count: 2 });
    // E-signature: 1 of the 4 Business deals (0.25) against 1 of 5 (0.2): lift 1.25.
    assert.deepEqual(found.get('business/e-signature'), { because: 'business', support: 0.2, confidence: 0.25, lift: 1.25, count: 1 });
    assert.equal(found.has('business/webinar'), false, 'already in the configuration');
    assert.deepEqual(found.get('starter/e-signature'), undefined, 'never with anything the configuration has');
  });

  it('turns associations into suggestions, strongest first, filtered by the thresholds', () => {
    const configuration = { product: 'business', selections: { seats: 20, webinar: true } };
    const all = suggest(collab, configuration, { deals });
    assert.deepEqual(all.map((s) => [s.item, s.value, s.association?.because]), [
      ['business/advanced-security', true, 'business'],
      ['business/e-signature', true, 'business'],
    ]);
    assert.deepEqual(all[0]!.reason, { code: 'also-added', params: { because: 'business', percent: 50, lift: 1.25 }, text: 'Customers who chose business also added business/advanced-security (50% of them)' });
    assert.deepEqual(suggest(collab, configuration, { deals, minConfidence: 0.3 }).map((s) => s.item), ['business/advanced-security']);
    assert.deepEqual(suggest(collab, configuration, { deals, minSupport: 0.5 }), []);
    assert.deepEqual(suggest(collab, configuration, { deals, minLift: 1.3 }), []);
    assert.equal(suggest(collab, configuration, { deals, limit: 1 }).length, 1);
  });

  it('never suggests from deals what the rules exclude: e-signature on Starter with monthly billing', () => {
    const starterDeals = [['starter', 'starter/e-signature'], ['starter', 'starter/e-signature'], ['starter'], ['business']];
    assert.deepEqual(suggest(collab, { product: 'starter', selections: { billing: 'monthly' } }, { deals: starterDeals }), []);
    assert.deepEqual(suggest(collab, { product: 'starter', selections: {} }, { deals: starterDeals }).map((s) => s.item), ['starter/e-signature']);
  });

  it('reports a bad configuration or bad deals with paths', () => {
    assert.deepEqual(problemsOf(() => suggest(collab, { product: 'busines', selections: {} })), [{ path: 'configuration.product', message: 'unknown product "busines" (did you mean "business"?)' }]);
    assert.deepEqual(problemsOf(() => suggest(collab, { product: 'business', selections: { sets: 3 } })).map((p) => p.path), ['configuration.selections.sets']);
    assert.deepEqual(problemsOf(() => suggest(collab, { product: 'business', selections: {} }, { deals: [['business', 7 as unknown as string]] })).map((p) => p.path), ['options.deals[0][1]']);
  });

  const RUNS = Number(process.env['RECOMMEND_PROPERTY_RUNS'] ?? 100);
  const compiled: CompiledProduct[] = [
    compile(collab, { product: 'starter' }),
    compile(collab, { product: 'business' }),
    compile(av, { product: 'huddle-room' }),
    compile(av, { product: 'meeting-room' }),
  ];
  const catalogOf = (c: CompiledProduct): Catalog => (c.catalog.id === 'av-rooms' ? av : collab);
  /** Every item id of a product, for random deals. */
  const itemIds = (c: CompiledProduct): string[] =>
    [c.product.id, ...c.product.attributes.flatMap((a) => (a.kind === 'single' || a.kind === 'multiple' ? a.options.map((o) => `${c.product.id}/${a.id}:${o.id}`) : [`${c.product.id}/${a.id}`]))];

  it('never suggests a value outside the valid domains, over random sessions and random deals (fast-check)', () => {
    let suggested = 0;
    fc.assert(
      fc.property(fc.nat(compiled.length - 1), fc.array(fc.nat(10_000), { maxLength: 6 }), fc.array(fc.array(fc.nat(10_000), { maxLength: 6 }), { maxLength: 30 }), (which, picks, rawDeals) => {
        const product = compiled[which]!;
        const session = new ConfigurationSession(product);
        for (const pick of picks) {
          const attribute = product.product.attributes[pick % product.product.attributes.length]!;
          const domain = session.domains()[attribute.id]!;
          if (domain.length > 0 && !(attribute.id in session.selections)) session.select(attribute.id, domain[Math.floor(pick / 7) % domain.length]!);
        }
        const ids = itemIds(product);
        const deals = rawDeals.map((deal) => deal.map((n) => ids[n % ids.length]!));
        const domains = session.domains();
        for (const s of suggest(catalogOf(product), session.toConfiguration(), { deals, minSupport: 0, minConfidence: 0, minLift: 0 })) {
          suggested++;
          assert.ok(domains[s.attribute]!.includes(s.value), `${s.item} = ${String(s.value)} is outside the valid domain`);
          // And the session takes it: the suggestion can really be added.
          new ConfigurationSession(product, session.selections).select(s.attribute, s.value);
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(suggested > RUNS, `only ${suggested} suggestions were made, too few to mean much`);
  });
});

describe('recommend: the quick path agrees with the configuration session', () => {
  // A questionnaire with needs that clash with the rules (monthly billing and advanced security
  // on Business; webinars under 10 users), so that both the quick path and the fallback are taken.
  const catalog = loadCatalog(withQuestionnaire((q) => {
    const questions = q['questions'] as unknown[];
    questions.push({
      id: 'term',
      kind: 'single',
      name: 'Billing',
      options: [
        { id: 'monthly', name: 'Monthly', requires: [{ select: 'billing:monthly' }] },
        { id: 'three-years', name: '3 years', requires: [{ select: 'billing:3-year' }] },
        { id: 'premium', name: 'Premium support', requires: [{ select: 'support:premium' }] },
      ],
    });
    (q['triage'] as unknown[]).length = 0;
  }));
  const questions = catalog.questionnaire!.questions;
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const answers = fc
    .record({
      seats: fc.integer({ min: 1, max: 400 }),
      sso: maybe(fc.constantFrom('yes', 'no')),
      webinars: maybe(fc.constantFrom('yes', 'no')),
      compliance: maybe(fc.subarray(['audit-log', 'data-in-switzerland', 'own-keys'])),
      integrations: maybe(fc.constantFrom('none', 'api')),
      term: maybe(fc.constantFrom('monthly', 'three-years', 'premium')),
    })
    .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Answers);

  it('gives the same configuration and misses either way, for every product (fast-check)', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('starter', 'business', 'enterprise'), (given, id) => {
        const product = catalog.products.find((p) => p.id === id)!;
        const asked = needsOf(questions, given);
        const quick = evaluate(catalog, product, {}, asked, 'p');
        const exact = evaluate(catalog, product, {}, asked, 'p', true);
        assert.deepEqual(quick.misses, exact.misses);
        assert.deepEqual(quick.configuration.selections, exact.configuration.selections);
      }),
      { numRuns: Number(process.env['RECOMMEND_PROPERTY_RUNS'] ?? 100) },
    );
  });
});
