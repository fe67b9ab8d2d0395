// The demo catalogs are translated completely: every catalog text (a `{ "en": ..., "de": ... }`
// object) has a text for every locale the catalog lists, and every catalog lists every language
// the demo pages offer, so a page in any of them never falls back to English in the middle of a form.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadCatalog } from '../src/index.js';

const folder = new URL('../../../examples/catalogs/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'));

/** The languages of the demo pages' language pickers (`<select id="lang">` in examples/<page>/index.html). */
function offeredLanguages(): string[] {
  const examples = new URL('../../../examples/', import.meta.url);
  const offered = new Set<string>();
  for (const page of readdirSync(examples, { withFileTypes: true })) {
    if (!page.isDirectory()) continue;
    let html: string;
    try {
      html = readFileSync(new URL(`${page.name}/index.html`, examples), 'utf8');
    } catch {
      continue;
    }
    const picker = /<select id="lang">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    for (const [, lang] of picker.matchAll(/<option value="([^"]+)"/g)) offered.add(lang!);
  }
  return [...offered].sort();
}

/** Every text for `locale` in a catalog file (the `locale` member of each catalog text). */
function textsIn(value: unknown, locale: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => textsIn(v, locale));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record[locale] === 'string') return [record[locale] as string];
  return Object.values(record).flatMap((v) => textsIn(v, locale));
}

/** The paths of the catalog texts (objects with a string for the default locale) that lack one of `locales`. */
function untranslated(value: unknown, locales: readonly string[], defaultLocale: string, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => untranslated(v, locales, defaultLocale, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record[defaultLocale] === 'string') return locales.filter((l) => typeof record[l] !== 'string').map((l) => `${path}: no "${l}"`);
  return Object.entries(record).flatMap(([key, v]) => untranslated(v, locales, defaultLocale, path ? `${path}.${key}` : key));
}

describe('demo catalog translations', () => {
  const offered = offeredLanguages();

  it('the demo pages offer English, German and French', () => {
    assert.deepEqual(offered, ['de', 'en', 'fr']);
  });

  for (const file of files) {
    it(`${file} lists every language the demo pages offer`, () => {
      const catalog = loadCatalog(readFileSync(new URL(file, folder), 'utf8'));
      const locales = catalog.locales ?? [catalog.defaultLocale];
      assert.deepEqual(offered.filter((lang) => !locales.includes(lang)), [], `${file} lacks languages of the demo pages`);
    });

    it(`${file} has every text in every locale it lists`, () => {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const catalog = loadCatalog(text);
      const locales = catalog.locales ?? [catalog.defaultLocale];
      assert.deepEqual(untranslated(JSON.parse(text), locales, catalog.defaultLocale), []);
    });
  }

  it('collab-suite is in French too, questionnaire included', () => {
    const catalog = loadCatalog(readFileSync(new URL('collab-suite.json', folder), 'utf8'));
    assert.deepEqual(catalog.locales, ['en', 'de', 'fr']);
    const questionnaire = catalog.questionnaire!;
    assert.equal((questionnaire.name as Record<string, string>)['fr'], 'Trouvez votre offre');
    const seats = questionnaire.questions.find((q) => q.id === 'seats')!;
    assert.equal((seats.name as Record<string, string>)['fr'], 'Combien de personnes se connecteront ?');
  });

  it('av-rooms is in French too, rules and tax included, with French typography', () => {
    const text = readFileSync(new URL('av-rooms.json', folder), 'utf8');
    const catalog = loadCatalog(text);
    assert.deepEqual(catalog.locales, ['en', 'de', 'fr']);
    const meetingRoom = catalog.products.find((p) => p.id === 'meeting-room')!;
    assert.equal((meetingRoom.name as Record<string, string>)['fr'], 'Système pour salles de réunion');
    const rule = meetingRoom.rules!.find((r) => r.id === 'room-needs-microphones')!;
    assert.equal((rule.message as Record<string, string>)['fr'], 'Une salle de réunion a besoin de microphones\u00a0: ajoutez au moins un microphone de table ou un réseau de microphones de plafond.');
    const de = catalog.pricing!.tax!.regions.find((r) => r.id === 'de')!;
    assert.equal((de.rates[0]!.name as Record<string, string>)['fr'], 'TVA 19\u00a0%');
    // A no-break space before : ; ? ! % and », after «; the typographic apostrophe; inches in "pouces".
    for (const fr of textsIn(JSON.parse(text), 'fr')) {
      assert.doesNotMatch(fr, /[ ][:;?!%»]|«[ ]|'|\bpo\b|\bin\b|inch/, fr);
    }
  });
});
