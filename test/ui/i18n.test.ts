/** Language choice from Forge locales, placeholder filling and the translator. */
import { createTranslator, fillTemplate, listPlaceholders, selectLanguage } from '../../static/shared/i18n';

describe('selectLanguage', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl_NL', 'nl'],
    ['nl-BE', 'nl'],
    ['NL', 'nl'],
    ['nl', 'nl'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['nb-NO', 'en'], // Norwegian starts with "n" but is not Dutch
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(selectLanguage(locale)).toBe(language);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['one placeholder', '{duration} left', { duration: '2 h' }, '2 h left'],
    ['two placeholders and a number', '{count} / {max} characters', { count: 12, max: 500 }, '12 / 500 characters'],
    ['the same placeholder twice', '{a} and {a}', { a: 'x' }, 'x and x'],
    ['a missing value stays visible', 'Due {time}', {}, 'Due {time}'],
    ['a value that looks like a placeholder is not re-filled', '{a}', { a: '{b}', b: 'no' }, '{b}'],
  ])('%s', (_name, template, params, expected) => {
    expect(fillTemplate(template, params)).toBe(expected);
  });
});

describe('listPlaceholders', () => {
  it('lists names once, in order', () => {
    expect(listPlaceholders('{b} {a} {b}')).toEqual(['b', 'a']);
    expect(listPlaceholders('no placeholders')).toEqual([]);
  });
});

describe('createTranslator', () => {
  it('translates into the chosen language and fills the parameters', () => {
    expect(createTranslator('en')('clock.left', { duration: '3 h' })).toBe('3 h left');
    expect(createTranslator('nl')('clock.left', { duration: '3 u' })).toBe('Nog 3 u');
    expect(createTranslator('nl')('common.cancel')).toBe('Annuleren');
  });
});
