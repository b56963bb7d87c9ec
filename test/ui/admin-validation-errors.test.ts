/**
 * How the admin page lists validation errors: field errors flattened in backend order, only
 * `invalid-input` answers become lists, syntax errors carry line and column, and paths read as
 * trails through the document (names, version numbers, covered services).
 */
import { failureResult } from '../../static/admin/src/action-result';
import { parseForSending, spanOfError } from '../../static/admin/src/document-check';
import { describePath, errorsOfAnswer, listFieldErrors, syntaxError, type PathStep } from '../../static/admin/src/validation-errors';
import { createTranslator } from '../../src/i18n/messages';
import { adminMessages } from '../../static/admin/src/messages';

describe('listFieldErrors', () => {
  it('answers one entry per message, in the order the backend reported them', () => {
    expect(
      listFieldErrors({
        'levels.0.calendarId': ["Unknown calendar 'x'."],
        '(root)': ['Bad.', 'Worse.'],
      }),
    ).toEqual([
      { path: 'levels.0.calendarId', message: "Unknown calendar 'x'." },
      { path: '(root)', message: 'Bad.' },
      { path: '(root)', message: 'Worse.' },
    ]);
  });

  it('answers nothing for absent field errors', () => {
    expect(listFieldErrors(undefined)).toEqual([]);
  });
});

describe('errorsOfAnswer', () => {
  it('lists the field errors of invalid-input', () => {
    expect(errorsOfAnswer({ code: 'invalid-input', message: 'm', fieldErrors: { a: ['x'] } })).toEqual([{ path: 'a', message: 'x' }]);
  });

  it.each(['forbidden', 'unavailable', 'internal', 'conflict', 'not-found'] as const)('lists nothing for %s (one notice instead)', (code) => {
    expect(errorsOfAnswer({ code, message: 'm', fieldErrors: { a: ['x'] } })).toEqual([]);
  });
});

describe('syntaxError', () => {
  it('carries offset, line and column when known', () => {
    expect(syntaxError('{\n  "a": ,\n}', 'Unexpected token', 9)).toEqual({
      path: 'json',
      message: 'Unexpected token',
      position: { offset: 9, line: 2, column: 8 },
    });
  });

  it('has no position when the engine named none', () => {
    expect(syntaxError('x', 'Bad JSON', null)).toEqual({ path: 'json', message: 'Bad JSON' });
  });
});

describe('describePath', () => {
  const document = {
    calendars: [{ id: 'office', name: 'Office hours' }],
    contracts: [
      {
        id: 'acme',
        name: ' ACME Support ',
        versions: [{ version: 3, coveredServices: [{ serviceId: 'email' }, { levelId: 'gold' }] }],
      },
    ],
    levels: [{ id: 'gold' }, 7],
    settings: { priorities: { byJiraPriority: { 'P1. Critical': 'P9' } } },
  };
  const key = (text: string): PathStep => ({ kind: 'key', text });

  it.each<[string, string, PathStep[]]>([
    ['an item by its (trimmed) name', 'contracts.0.name', [key('contracts'), { kind: 'item', text: 'ACME Support' }, key('name')]],
    [
      'a version by its number and a covered service by its id',
      'contracts.0.versions.0.coveredServices.0.levelId',
      [key('contracts'), { kind: 'item', text: 'ACME Support' }, key('versions'), { kind: 'version', version: 3 }, key('coveredServices'), { kind: 'item', text: 'email' }, key('levelId')],
    ],
    [
      'an item without name, version or service by its position',
      'contracts.0.versions.0.coveredServices.1.levelId',
      [key('contracts'), { kind: 'item', text: 'ACME Support' }, key('versions'), { kind: 'version', version: 3 }, key('coveredServices'), { kind: 'position', position: 2 }, key('levelId')],
    ],
    ['an item by its id when it has no name', 'levels.0.calendarId', [key('levels'), { kind: 'item', text: 'gold' }, key('calendarId')]],
    ['a plain value by its position', 'levels.1', [key('levels'), { kind: 'position', position: 2 }]],
    ['a key with dots', 'settings.priorities.byJiraPriority.P1. Critical', [key('settings'), key('priorities'), key('byJiraPriority'), key('P1. Critical')]],
    ['a path beyond the document, kept as written', 'calendars.4.week.mon', [key('calendars'), key('4'), key('week'), key('mon')]],
    ['the root', '(root)', []],
  ])('%s', (_name, path, expected) => {
    expect(describePath(document, path)).toEqual(expected);
  });

  it('keeps every segment for a document that is not an object', () => {
    expect(describePath(null, 'a.0')).toEqual([key('a'), key('0')]);
  });
});

describe('parseForSending and spanOfError', () => {
  it('passes JSON through and turns a syntax error into a check with its place', () => {
    expect(parseForSending('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseForSending('{\n"a": }');
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.check.document).toBeNull();
    expect(broken.check.text).toBe('{\n"a": }');
    expect(broken.check.errors).toEqual([expect.objectContaining({ path: 'json', position: { offset: 7, line: 2, column: 6 } })]);
  });

  it('spans one character at a syntax error and the named value for a path', () => {
    const text = '{"a": [1, "two"]}';
    expect(spanOfError(text, { path: 'json', message: 'x', position: { offset: 3, line: 1, column: 4 } })).toEqual({ start: 3, end: 4 });
    expect(spanOfError(text, { path: 'a.1', message: 'x' })).toEqual({ start: 10, end: 15, exact: true });
    expect(spanOfError('not json', { path: 'a', message: 'x' })).toBeNull();
  });
});

describe('failureResult', () => {
  const t = createTranslator(adminMessages, 'en-GB').t;

  it('explains the code and adds the backend message', () => {
    expect(failureResult(t, { code: 'unavailable', message: ' Storage timed out ' })).toEqual({
      appearance: 'error',
      title: 'That did not work',
      lines: ['Jira or the app storage did not answer. Try again in a moment.', 'Details: Storage timed out'],
    });
  });

  it('warns (not errors) for a conflict and leaves out an empty message', () => {
    const result = failureResult(createTranslator(adminMessages, 'nl-NL').t, { code: 'conflict', message: '' });
    expect(result.appearance).toBe('warning');
    expect(result.lines).toEqual(['De database is intussen gewijzigd. Laad opnieuw en probeer het dan nog eens.']);
  });
});
