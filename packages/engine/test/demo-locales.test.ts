// The demo catalogs are translated completely: every catalog text (a `{ "en": ..., "de": ... }`
// object) has a text for every locale the catalog lists, so a page in any of them never falls
// back to English in the middle of a form.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadCatalog } from '../src/index.js';

const folder = new URL('../../../examples/catalogs/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'));

/** The paths of the catalog texts (objects with a string for the default locale) that lack one of `locales`. */
function untranslated(value: unknown, locales: readonly string[], defaultLocale: string, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => untranslated(v, locales, defaultLocale, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record[defaultLocale] === 'string') return locales.filter((l) => typeof record[l] !== 'string').map((l) => `${path}: no "${l}"`);
  return Object.entries(record).flatMap(([key, v]) => untranslated(v, locales, defaultLocale, path ? `${path}.${key}` : key));
}

describe('demo catalog translations', () => {
  for (const file of files) {
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
});
