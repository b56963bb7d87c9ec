/** The message system: language and locale choice, the typed translator with plural and select, formatMessage. */
import { defineMessages, createTranslator, formatMessage, selectLanguage, toIntlLocale } from '../../src/i18n/messages';
import { panelMessages } from '../../static/panel/src/messages';
import { adminMessages } from '../../static/admin/src/messages';
import { clockMessages } from '../../src/app/reader-text';

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
    [null, 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(selectLanguage(locale)).toBe(language);
  });
});

describe('toIntlLocale', () => {
  it.each([
    ['nl_NL', 'nl-NL'],
    ['en_US', 'en-US'],
    ['nl', 'nl'],
    [null, 'en-GB'],
    ['', 'en-GB'],
    ['not a locale!', 'en-GB'],
  ])('%s → %s', (locale, expected) => {
    expect(toIntlLocale(locale)).toBe(expected);
  });
});

describe('createTranslator', () => {
  const messages = defineMessages({
    en: {
      requests: '{count, plural, one {# request} other {# requests}} for {name}',
      state: '{state, select, breached {Breached} other {Fine}}',
      plain: 'Cancel',
    },
    nl: {
      requests: '{count, plural, one {# verzoek} other {# verzoeken}} voor {name}',
      state: '{state, select, breached {Overschreden} other {Goed}}',
      plain: 'Annuleren',
    },
  } as const);

  it('applies the plural rules and number format of the locale', () => {
    const en = createTranslator(messages, 'en-GB').t;
    const nl = createTranslator(messages, 'nl_NL').t;
    expect(en('requests', { count: 1, name: 'Acme' })).toBe('1 request for Acme');
    expect(en('requests', { count: 0, name: 'Acme' })).toBe('0 requests for Acme');
    expect(en('requests', { count: 1500, name: 'Acme' })).toBe('1,500 requests for Acme');
    expect(nl('requests', { count: 1, name: 'Acme' })).toBe('1 verzoek voor Acme');
    expect(nl('requests', { count: 1500, name: 'Acme' })).toBe('1.500 verzoeken voor Acme');
  });

  it('selects, and takes no parameters for a text without arguments', () => {
    const { t, language, locale } = createTranslator(messages, 'nl-BE');
    expect([language, locale]).toEqual(['nl', 'nl-BE']);
    expect(t('state', { state: 'breached' })).toBe('Overschreden');
    expect(t('state', { state: 'met' })).toBe('Goed');
    expect(t('plain')).toBe('Annuleren');
  });

  it('falls back to English for other languages and for no locale', () => {
    expect(createTranslator(messages, 'de-DE').t('plain')).toBe('Cancel');
    expect(createTranslator(messages, null).locale).toBe('en-GB');
  });

  it('words the apps’ own catalogues, units included', () => {
    expect(createTranslator(panelMessages, 'nl-NL').t('clock.left', { duration: '3 u' })).toBe('Nog 3 u');
    expect(createTranslator(adminMessages, 'en-GB').t('admin.editor.lines', { count: 1 })).toBe('1 line');
    expect(createTranslator(adminMessages, 'en-GB').t('admin.editor.lines', { count: 2 })).toBe('2 lines');
    expect(createTranslator(adminMessages, 'nl-NL').t('admin.result.invalid', { count: 1 })).toBe('1 fout gevonden. Los die op voordat je opslaat.');
    expect(createTranslator(clockMessages, 'nl-NL').t('because.strictest', { count: 2 })).toBe('strengste van 2 contracten');
    expect(createTranslator(clockMessages, 'en-GB').t('because.requestType', { value: 'E-mail problem' })).toBe("request type 'E-mail problem'");
  });

  it('keeps each app to its own texts', () => {
    expect(Object.keys(panelMessages.en).some((key) => key.startsWith('admin.'))).toBe(false);
    expect(Object.keys(adminMessages.en).some((key) => key.startsWith('tell.'))).toBe(false);
    expect(Object.keys(panelMessages.en)).toEqual(expect.arrayContaining(['common.cancel', 'duration.hours']));
  });

  it('throws for a key that is not in the catalogue (a caller without types)', () => {
    const { t } = createTranslator(messages, 'en-GB');
    // @ts-expect-error -- the types refuse the key; the run-time check is for untyped callers
    expect(() => t('nope')).toThrow(/No message 'nope'/);
  });
});

describe('formatMessage', () => {
  it('formats a text that is no catalogue entry', () => {
    expect(formatMessage('{n, plural, one {# minute} other {# minutes}}', 'en-GB', { n: 1 })).toBe('1 minute');
  });

  it('reads `<` as text, not as a rich-text tag', () => {
    expect(formatMessage('a <b>{x}</b>', 'en-GB', { x: 'y' })).toBe('a <b>y</b>');
  });

  it('throws for a text that does not parse and for a missing value', () => {
    expect(() => formatMessage('{count, plural, one {#}', 'en-GB', { count: 1 })).toThrow();
    expect(() => formatMessage('{name}', 'en-GB', {})).toThrow(/name/);
  });
});
