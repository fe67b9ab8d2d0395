// Generated catalogs for the comparison benchmarks (Node and browser): plain JSON, loaded by
// the caller with loadCatalog. Not a benchmark itself (scripts/bench.mjs runs only the files
// directly in scripts/bench).
/** One product with 200 attributes of every kind, each priced, with a spec on each option; 50 configurations of it. */
export function wideConfigurations(items = 50, attributes = 200) {
  const specs = {};
  const list = [];
  const prices = { p: { amount: '990.00' } };
  for (let i = 0; i < attributes; i++) {
    const id = `a${i}`;
    specs[`s${i}`] = { name: `Spec ${i}`, type: i % 3 === 2 ? 'boolean' : 'number', ...(i % 3 === 2 ? {} : { better: i % 2 ? 'higher' : 'lower' }) };
    const spec = (v) => ({ [`s${i}`]: i % 3 === 2 ? v % 2 === 0 : v + i });
    switch (i % 4) {
      case 0:
        list.push({ id, kind: 'single', name: `Choice ${i}`, options: ['x', 'y', 'z'].map((o, j) => ({ id: o, name: `${o} ${i}`, specs: spec(j) })) });
        for (const [j, o] of ['x', 'y', 'z'].entries()) prices[`p/${id}:${o}`] = { amount: `${100 + i + j * 10}.50` };
        break;
      case 1:
        list.push({ id, kind: 'quantity', name: `Quantity ${i}`, max: 100, specs: spec(1) });
        prices[`p/${id}`] = { amount: `${5 + (i % 20)}.25`, recurring: 'month' };
        break;
      case 2:
        list.push({ id, kind: 'boolean', name: `Service ${i}`, specs: spec(2) });
        prices[`p/${id}`] = { amount: `${10 + (i % 50)}.90`, recurring: 'year' };
        break;
      default:
        list.push({ id, kind: 'multiple', name: `Extras ${i}`, options: ['e', 'f'].map((o, j) => ({ id: o, name: `${o} ${i}`, specs: spec(j + 3) })) });
        for (const o of ['e', 'f']) prices[`p/${id}:${o}`] = { amount: `${20 + (i % 9)}.00` };
    }
  }
  const catalog = {
    id: 'wide', version: '1', name: 'Wide', defaultCurrency: 'EUR', defaultLocale: 'en', specs,
    products: [{ id: 'p', name: 'P', attributes: list }],
    pricing: { books: [{ id: 'list', currency: 'EUR', taxRegion: 'de', prices }], tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] } },
  };
  const configurations = [];
  for (let n = 0; n < items; n++) {
    const selections = {};
    list.forEach((a, i) => {
      const k = (n * 7 + i * 3) % 5;
      if (a.kind === 'single') selections[a.id] = ['x', 'y', 'z'][k % 3];
      else if (a.kind === 'quantity') selections[a.id] = k * 4;
      else if (a.kind === 'boolean') selections[a.id] = k % 2 === 0;
      else selections[a.id] = k % 3 === 0 ? [] : k % 3 === 1 ? ['e'] : ['e', 'f'];
    });
    configurations.push({ id: `c${n}`, configuration: { product: 'p', selections } });
  }
  return { catalog, items: configurations };
}

/** 50 plans of a software family, each stating 200 features of its own, with seats, an add-on, a billing term and support. */
export function widePlans(items = 50, features = 200) {
  const specs = {};
  for (let f = 0; f < features; f++) {
    specs[`f${f}`] = f % 4 === 0 ? { name: `Limit ${f}`, type: 'number', better: 'higher' } : f % 4 === 1 ? { name: `Feature ${f}`, type: 'boolean', preferred: true } : f % 4 === 2 ? { name: `Level ${f}`, type: 'text' } : { name: `Time ${f}`, type: 'number', unit: 'h', better: 'lower' };
  }
  const products = [];
  const prices = {};
  for (let n = 0; n < items; n++) {
    const id = `plan${n}`;
    const own = {};
    for (let f = 0; f < features; f++) own[`f${f}`] = f % 4 === 1 ? (n + f) % 3 !== 0 : f % 4 === 2 ? ['basic', 'plus', 'max'][(n + f) % 3] : ((n * 13 + f * 7) % 97) + 1;
    products.push({
      id, name: `Plan ${n}`, family: 'plans', specs: own,
      sections: [{ id: 'users', name: 'Users' }, { id: 'terms', name: 'Terms' }],
      attributes: [
        { id: 'seats', kind: 'quantity', section: 'users', name: 'Users', min: 1, max: 1000, default: 10 + n },
        { id: 'security', kind: 'boolean', section: 'users', name: 'Security', default: n % 2 === 0 },
        { id: 'billing', kind: 'single', section: 'terms', name: 'Billing', default: 'annual', options: [{ id: 'monthly', name: 'Monthly' }, { id: 'annual', name: 'Annual' }] },
        { id: 'support', kind: 'single', section: 'terms', name: 'Support', default: 'standard', options: [{ id: 'standard', name: 'Standard' }, { id: 'priority', name: 'Priority' }] },
      ],
    });
    Object.assign(prices, {
      [id]: { included: true },
      [`${id}/seats`]: { amount: `${5 + n}.50`, recurring: 'month' },
      [`${id}/security`]: { amount: '3.00', recurring: 'month', per: 'seats' },
      [`${id}/billing:monthly`]: { amount: '1.00', recurring: 'month', per: 'seats' },
      [`${id}/billing:annual`]: { included: true },
      [`${id}/support:standard`]: { included: true },
      [`${id}/support:priority`]: { amount: '99.00', recurring: 'month' },
    });
  }
  const catalog = { id: 'plans', version: '1', name: 'Plans', defaultCurrency: 'EUR', defaultLocale: 'en', specs, products, pricing: { books: [{ id: 'list', currency: 'EUR', prices }] } };
  return { catalog, items: products.map((p) => ({ product: p.id })) };
}

