/**
 * The message catalogues: Dutch has exactly the English keys, every text is filled in, both use
 * the same placeholders per key, and every enum value the backend can send (states, error codes,
 * history kinds, explanation steps) has a text — so a new value cannot reach the screen untranslated.
 */
import { errorCodeSchema } from '../../src/contract/envelope';
import {
  explanationStepKindSchema,
  historyKindSchema,
  panelStateSchema,
  targetStateSchema,
} from '../../src/contract/panel-api';
import { catalogues, listPlaceholders } from '../../static/shared/i18n';
import { messagesEn } from '../../static/shared/messages.en';
import { messagesNl } from '../../static/shared/messages.nl';

const english = new Map(Object.entries(messagesEn));
const dutch = new Map(Object.entries(messagesNl));
const englishKeys = [...english.keys()].sort();

describe('message catalogues', () => {
  it('Dutch defines exactly the English keys', () => {
    expect([...dutch.keys()].sort()).toEqual(englishKeys);
  });

  it.each(Object.entries(catalogues))('%s has no empty or untrimmed text', (_language, catalogue) => {
    const bad = Object.entries(catalogue).filter(([, text]) => text.trim() === '' || text !== text.trim());
    expect(bad).toEqual([]);
  });

  it.each(englishKeys)('%s uses the same placeholders in English and Dutch', (key) => {
    expect(listPlaceholders(dutch.get(key) ?? '').sort()).toEqual(listPlaceholders(english.get(key) ?? '').sort());
  });

  it('has no unbalanced braces (a typo would show raw braces to the user)', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const text of Object.values(catalogue)) {
        const opens = (text.match(/\{/g) ?? []).length;
        const closes = (text.match(/\}/g) ?? []).length;
        expect({ text, opens }).toEqual({ text, opens: closes });
      }
    }
  });

  it('is really translated: most Dutch texts differ from the English ones', () => {
    const same = englishKeys.filter((key) => english.get(key) === dutch.get(key));
    // Product names, units and "Contract" are the same in both languages; a copied catalogue is not.
    expect(same.length).toBeLessThan(englishKeys.length / 10);
  });

  const enumKeys: [string, readonly string[], (value: string) => string][] = [
    ['panel states', panelStateSchema.options, (value) => `state.${value}`],
    ['target states', targetStateSchema.options, (value) => `state.${value}`],
    ['error codes', errorCodeSchema.options, (value) => `error.${value}`],
    ['history kinds', historyKindSchema.options, (value) => `history.kind.${value}`],
    ['explanation steps', explanationStepKindSchema.options, (value) => `explanation.kind.${value}`],
  ];

  it.each(enumKeys)('has a text for every value of the %s', (_name, values, toKey) => {
    const missing = values.map(toKey).filter((key) => !english.has(key) || !dutch.has(key));
    expect(missing).toEqual([]);
  });
});
