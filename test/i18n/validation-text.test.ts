/**
 * Validation messages in Dutch (issue 12.6): every template of the validation catalogue can be read
 * back from its English text and rendered in Dutch with the same values; messages a broken database
 * really produces (schema, references, history, a lost race) come out in Dutch; texts that are not
 * ours pass through unchanged.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { staleMessage } from '../../src/app/contract-database-store';
import { contractDatabaseShape, parseContractDatabase, type ContractDatabaseInput } from '../../src/contract/contract-database';
import { vt } from '../../src/contract/validation-message';
import { findHistoryConflicts } from '../../src/domain/database-history';
import { validationEn } from '../../src/i18n/catalogues/validation.en';
import { validationNl } from '../../src/i18n/catalogues/validation.nl';
import { createTranslator } from '../../src/i18n/messages';
import { recogniseValidationMessage, translateFieldErrors, translateValidationMessage, validationMessages } from '../../src/i18n/validation-text';
import example from '../fixtures/contract-database.example.json';

const keys = Object.keys(validationEn) as (keyof typeof validationEn)[];
const en = createTranslator(validationMessages, 'en-GB').t as (key: string, values?: Record<string, string>) => string;
const nl = createTranslator(validationMessages, 'nl-NL').t as (key: string, values?: Record<string, string>) => string;

function argumentsOf(text: string): string[] {
  return parse(text, { ignoreTag: true }).flatMap((element) => (element.type === TYPE.argument ? [element.value] : []));
}

describe('the validation catalogue', () => {
  it('uses plain {arguments} only, so that every text can be read back', () => {
    for (const key of keys) {
      for (const element of parse(validationEn[key], { ignoreTag: true })) {
        expect([TYPE.literal, TYPE.argument]).toContain(element.type);
      }
      for (const element of parse(validationNl[key], { ignoreTag: true })) {
        expect([TYPE.literal, TYPE.argument]).toContain(element.type);
      }
    }
  });

  it.each(keys)('%s: the English text reads back into its own template and renders in Dutch', (key) => {
    const values = Object.fromEntries(argumentsOf(validationEn[key]).map((name, index) => [name, `v${index}-${name}`]));
    const english = en(key, values);
    if (Object.keys(values).length > 0 || english.length > 0) {
      const read = recogniseValidationMessage(english);
      // Another template may match only if it renders exactly the same Dutch.
      expect(translateValidationMessage(english, 'nl')).toBe(nl(key, values));
      expect(read).not.toBeNull();
    }
    expect(translateValidationMessage(english, 'en')).toBe(english);
  });

  it('translates catalogue words inside values ("open-ended", "calendar")', () => {
    const english = vt('validation.version.overlap', { version: 2, other: 1, from: '2026-01-01', to: vt('validation.version.openEnded') });
    expect(translateValidationMessage(english, 'nl-NL')).toBe('Versie 2 overlapt met versie 1 (2026-01-01 – zonder einddatum).');
    const duplicate = vt('validation.duplicateId', { what: vt('validation.what.calendar'), id: 'office', list: 'calendars', first: 0 });
    expect(translateValidationMessage(duplicate, 'nl')).toBe("Dubbele werkrooster-id 'office' (ook calendars.0).");
  });

  it('leaves texts that are not from the catalogue unchanged', () => {
    expect(translateValidationMessage('Invalid input: expected string, received number', 'nl')).toBe('Invalid input: expected string, received number');
  });
});

describe('messages a broken database produces', () => {
  function errorsOf(mutate: (db: ContractDatabaseInput & Record<string, unknown>) => void): { path: string; message: string }[] {
    const db = structuredClone(example) as unknown as ContractDatabaseInput & Record<string, unknown>;
    mutate(db);
    const result = parseContractDatabase(db);
    if (result.ok) throw new Error('expected errors');
    return result.errors;
  }

  it('are all in Dutch: structure, references, calendars, unknown fields', () => {
    const errors = errorsOf((db) => {
      const calendar = (db.calendars as Record<string, unknown>[])[0]!;
      calendar.timeZone = 'Mars/Olympus';
      calendar.week = { mon: [['09:00', '08:00']], tue: [['09:00', '12:00'], ['11:00', '13:00']], wed: [['25:00', '26:00']] };
      calendar.holidays = ['2026-02-30', { yearly: '13-01' }];
      calendar.nmae = 'typo';
      const level = (db.levels as Record<string, unknown>[])[0]!;
      level.name = '';
      level.colour = 'gold';
      const revisions = level.revisions as Record<string, unknown>[];
      revisions[0]!.calendarId = 'moon';
      const contract = (db.contracts as Record<string, unknown>[])[0]!;
      contract.currency = 'XYZ';
    });
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const error of errors) {
      const dutch = translateValidationMessage(error.message, 'nl');
      expect({ path: error.path, translated: dutch !== error.message }).toEqual({ path: error.path, translated: true });
    }
  });

  it('history conflicts and a lost race are in Dutch too', () => {
    const before = contractDatabaseShape.parse(example);
    const after = structuredClone(before);
    after.contracts = after.contracts.slice(1);
    const conflicts = findHistoryConflicts(before, after, new Date('2027-06-01T10:00:00Z'));
    expect(conflicts.length).toBeGreaterThan(0);
    for (const conflict of conflicts) expect(translateValidationMessage(conflict.message, 'nl')).not.toBe(conflict.message);
    const stale = staleMessage('loaded', { who: 'Ada Admin', at: '2026-10-05T08:00:00.000Z', revision: 8, loaded: 7 });
    expect(translateValidationMessage(stale, 'nl')).toBe(
      'Een andere beheerder (Ada Admin) heeft de contractdatabase opgeslagen op 2026-10-05T08:00:00.000Z (revisie 8) nadat u revisie 7 laadde. Er is niets opgeslagen: laad opnieuw om hun wijzigingen te zien en breng de uwe dan opnieuw aan.',
    );
  });

  it('translates the field errors of an answer, path by path', () => {
    expect(translateFieldErrors({ 'calendars.0.timeZone': ['Unknown time zone.'], '(root)': [] }, 'nl')).toEqual({ 'calendars.0.timeZone': ['Onbekende tijdzone.'], '(root)': [] });
  });
});
