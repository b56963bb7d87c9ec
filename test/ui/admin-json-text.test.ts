/**
 * The admin editor's text helpers: the pretty-printer (round trip, short arrays inline, id and name
 * first), parsing with the position of a syntax error, and finding the text of a validation path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatJson,
  lineColumnOf,
  locateJsonPath,
  matchKey,
  parseJsonText,
  splitPath,
} from '../../static/admin/src/json-text';

const demoText = readFileSync(join(__dirname, '../../static/admin/dev/demo-database.json'), 'utf8');

describe('formatJson', () => {
  it.each<[string, unknown]>([
    ['the demo database', JSON.parse(demoText)],
    ['nested arrays and objects', { a: [[1, [2, 3]], { b: [] }, {}], c: null, d: 'x"y\\z' }],
    ['a long array of strings', { holidays: Array.from({ length: 30 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`) }],
    ['unicode and escapes', { name: 'Café ☕\n\t"quoted"' }],
    ['a bare array', [1, 'two', false, null]],
  ])('round-trips %s to the same value', (_name, value) => {
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });

  it('keeps short arrays of plain values on one line', () => {
    expect(formatJson({ week: { mon: [['09:00', '17:00']] }, labels: ['a', 'b'] })).toBe(
      '{\n  "week": {\n    "mon": [["09:00", "17:00"]]\n  },\n  "labels": ["a", "b"]\n}\n',
    );
  });

  it('breaks arrays that hold objects, or that are too long for one line', () => {
    const long = Array.from({ length: 12 }, () => '2026-12-25');
    expect(formatJson({ items: [{ a: 1 }] })).toBe('{\n  "items": [\n    {\n      "a": 1\n    }\n  ]\n}\n');
    expect(formatJson({ long }).split('\n')).toHaveLength(long.length + 5);
  });

  it('puts id and name first and keeps the order of the other keys', () => {
    expect(Object.keys(JSON.parse(formatJson({ week: 1, name: 'N', timeZone: 'UTC', id: 'x' })) as object)).toEqual(['id', 'name', 'week', 'timeZone']);
  });

  it('drops undefined properties and writes undefined array items as null, as JSON.stringify does', () => {
    expect(formatJson({ a: undefined, b: [undefined] })).toBe('{\n  "b": [null]\n}\n');
  });

  it('writes empty containers compactly and ends with a newline', () => {
    expect(formatJson({ a: [], b: {} })).toBe('{\n  "a": [],\n  "b": {}\n}\n');
  });
});

describe('parseJsonText', () => {
  it('answers the value of valid JSON', () => {
    expect(parseJsonText('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it.each<[string, string, number]>([
    ['a missing value', '{"a": }', 6],
    ['a trailing comma', '{"a": 1,}', 8],
    ['a doubled comma on line 2', '{\n  "a": 1,,\n  "b": 2\n}', 11],
  ])('names the offset of %s', (_name, text, offset) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.offset).toBe(offset);
  });

  it.each<[string, string, number]>([
    ['an unexpected end', '{"a": [1, 2', 11],
    ['a misspelt literal', '{"a": tru}', 6],
    ['an unterminated string', '{"a": "x', 8],
    ['text after the document', '{"a": 1} x', 9],
  ])('places %s', (_name, text, offset) => {
    expect(parseJsonText(text)).toMatchObject({ ok: false, offset });
  });
});

describe('lineColumnOf', () => {
  it.each<[string, number, { line: number; column: number }]>([
    ['the start', 0, { line: 1, column: 1 }],
    ['the second line', 4, { line: 2, column: 3 }],
    ['right after a newline', 2, { line: 2, column: 1 }],
    ['past the end (clamped)', 99, { line: 3, column: 2 }],
  ])('%s', (_name, offset, expected) => {
    expect(lineColumnOf('{\n  "a": 1\n}', offset)).toEqual(expected);
  });
});

describe('splitPath and matchKey', () => {
  it('splits a path; the root has no segments', () => {
    expect(splitPath('contracts.0.versions')).toEqual(['contracts', '0', 'versions']);
    expect(splitPath('(root)')).toEqual([]);
  });

  it('prefers the longest key made of the next segments (keys may contain dots)', () => {
    expect(matchKey(['P1', 'P1. Critical'], ['P1', ' Critical'], 0)).toEqual({ key: 'P1. Critical', used: 2 });
    expect(matchKey(['a', 'b'], ['x', 'b'], 1)).toEqual({ key: 'b', used: 1 });
    expect(matchKey(['a'], ['x'], 0)).toBeNull();
  });
});

describe('locateJsonPath', () => {
  const text = formatJson({
    contracts: [{ id: 'acme', versions: [{ version: 1, effectiveFrom: '2026-01-01' }, { version: 2, effectiveFrom: '2026-13-45' }] }],
    settings: { priorities: { byJiraPriority: { 'P1. Critical': 'P1', 'Sev "2"': 'P2' } } },
  });
  const at = (path: string) => {
    const found = locateJsonPath(text, path);
    return found === null ? null : { text: text.slice(found.start, found.end), exact: found.exact };
  };

  it.each<[string, string, { text: string; exact: boolean }]>([
    ['a value deep in arrays', 'contracts.0.versions.1.effectiveFrom', { text: '"2026-13-45"', exact: true }],
    ['an array item', 'contracts.0.versions.0.version', { text: '1', exact: true }],
    ['a key containing dots', 'settings.priorities.byJiraPriority.P1. Critical', { text: '"P1"', exact: true }],
    ['a key with escaped quotes', 'settings.priorities.byJiraPriority.Sev "2"', { text: '"P2"', exact: true }],
    ['a missing property: its object', 'contracts.0.customer.name', { text: text.slice(text.indexOf('{\n      "id": "acme"'), text.indexOf('\n    }\n  ],\n  "settings"') + 6), exact: false }],
    ['an index past the end: the array', 'contracts.3', { text: text.slice(text.indexOf('[\n    {'), text.indexOf('\n  ],\n  "settings"') + 4), exact: false }],
  ])('%s', (_name, path, expected) => {
    expect(at(path)).toEqual(expected);
  });

  it('answers the whole document for the root', () => {
    expect(locateJsonPath('  {"a": 1}\n', '(root)')).toEqual({ start: 2, end: 10, exact: true });
  });

  it('takes the last of duplicated keys, as JSON.parse does', () => {
    const duplicated = '{"a": 1, "a": 22}';
    expect(locateJsonPath(duplicated, 'a')).toEqual({ start: 14, end: 16, exact: true });
  });

  it.each(['{"a": ', '{"a": "x\\q"}', '[1 2]', '{"a": 1} trailing', '{"a": nul}', '{"a": 01}'])('answers null for text that is not JSON: %s', (bad) => {
    expect(locateJsonPath(bad, 'a')).toBeNull();
  });

  it('finds every error path of the demo database text', () => {
    const demo = formatJson(JSON.parse(demoText));
    const found = locateJsonPath(demo, 'contracts.3.versions.1.coveredServices.1.bespoke.targets.P1.resolutionMinutes');
    expect(found?.exact).toBe(true);
    expect(demo.slice(found?.start, found?.end)).toMatch(/^\d+$/);
  });
});
