/**
 * The audit log's change lines in the reader's language (ADR 0035): every template of the `changes`
 * catalogue reads back from its English text and renders in Dutch with the same values; lines that
 * describeDatabaseChanges really writes (targets, prices, dates, holidays, names, the generic
 * "… changed" line, settings) come out in Dutch, and render back to the same English; lines that
 * are not ours are shown as stored.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { ContractDatabase } from '../../src/contract/contract-database';
import { describeDatabaseChanges } from '../../src/domain/database-changes';
import { changesEn } from '../../src/i18n/catalogues/changes.en';
import { changesNl } from '../../src/i18n/catalogues/changes.nl';
import { changeMessages } from '../../src/i18n/change-messages';
import { recogniseChangeLine, rerenderChangeLine, translateChangeLine, translateChangeLines } from '../../src/i18n/change-text';
import { createTranslator } from '../../src/i18n/messages';
import { loadExampleDatabase } from '../domain/clock-fixtures';

type Values = Record<string, string | number>;
const keys = Object.keys(changesEn) as (keyof typeof changesEn)[];
const en = createTranslator(changeMessages, 'en-GB').t as (key: string, values?: Values) => string;
const nl = createTranslator(changeMessages, 'nl-NL').t as (key: string, values?: Values) => string;

/** A value per argument name, as English writes it and as a Dutch reader should read it. */
function sample(name: string, type: TYPE): [Values[string], Values[string]] {
  if (type === TYPE.number) return [12.5, 12.5];
  const values: Record<string, [string, string]> = {
    kind: ['Level', 'Serviceniveau'],
    date: ['2027-01-01', '2027-01-01'],
    version: ['3', '3'],
    id: ['gold', 'gold'],
    priorityClass: ['P1', 'P1'],
    delta: ['+mail, +post −fax', '+mail, +post −fax'],
    fromAmount: ['€1,250.00', '€\u00a01.250,00'],
    toAmount: ['none', 'geen'],
    from: ['open-ended', 'zonder einddatum'],
    to: ['1 h 30 min', '1 u 30 min'],
    holidays: ['every 12-25, 2026-12-24', 'elk jaar 12-25, 2026-12-24'],
    credits: ['P1 2.5 %, P2 1 %', 'P1 2,5 %, P2 1 %'],
    change: ['weekly hours changed', 'werktijden per week gewijzigd'],
  };
  return values[name] ?? [`v-${name}`, `v-${name}`];
}

function argumentsOf(text: string): { name: string; type: TYPE }[] {
  return parse(text, { ignoreTag: true }).flatMap((element) => (element.type === TYPE.argument || element.type === TYPE.number ? [{ name: element.value, type: element.type }] : []));
}

describe('the changes catalogue', () => {
  it('uses plain {arguments} and {numbers} only, so that every line can be read back', () => {
    for (const key of keys) {
      for (const text of [changesEn[key], changesNl[key]]) {
        for (const element of parse(text, { ignoreTag: true })) expect([TYPE.literal, TYPE.argument, TYPE.number]).toContain(element.type);
      }
    }
  });

  it.each(keys)('%s: the English text reads back into its own key and renders in Dutch', (key) => {
    const english: Values = {};
    const dutch: Values = {};
    for (const { name, type } of argumentsOf(changesEn[key])) [english[name], dutch[name]] = sample(name, type);
    const line = en(key, english);
    expect(recogniseChangeLine(line)?.key).toBe(key);
    expect(translateChangeLine(line, 'nl-NL')).toBe(nl(key, dutch));
    expect(rerenderChangeLine(line)).toBe(line);
    expect(translateChangeLine(line, 'en-GB')).toBe(line);
  });
});

const before = loadExampleDatabase();
const level = (db: ContractDatabase, id: string) => db.levels.find((l) => l.id === id)!;
const contract = (db: ContractDatabase, id: string) => db.contracts.find((c) => c.id === id)!;

describe('change lines describeDatabaseChanges writes, read in Dutch', () => {
  it.each<[string, (db: ContractDatabase) => void, string[]]>([
    [
      'a target in a new revision',
      (db) => {
        const gold = level(db, 'gold');
        gold.revisions = [gold.revisions[0]!, { ...structuredClone(gold.revisions[0]!), effectiveFrom: '2026-11-01', targets: { ...gold.revisions[0]!.targets, P1: { resolutionMinutes: 180, responseMinutes: 30 } } }, gold.revisions[1]!];
      },
      ["Serviceniveau 'Gold': P1 oplostijd 4 u → 3 u vanaf 2026-11-01"],
    ],
    [
      'a first-response target removed and one of 1 h 30 min',
      (db) => {
        const targets = level(db, 'gold').revisions[1]!.targets;
        targets.P2 = { resolutionMinutes: targets.P2.resolutionMinutes };
        targets.P3 = { ...targets.P3, responseMinutes: 90 };
      },
      ["Serviceniveau 'Gold': voorwaarden vanaf 2027-01-01: P2 eerste reactie 1 u → geen", "Serviceniveau 'Gold': voorwaarden vanaf 2027-01-01: P3 eerste reactie 2 u → 1 u 30 min"],
    ],
    ['a price, re-formatted for a Dutch reader', (db) => void (level(db, 'gold').revisions[1]!.monthlyPrices.email = 125_050), ["Serviceniveau 'Gold': voorwaarden vanaf 2027-01-01: prijs E-mail €\u00a0412,00 → €\u00a01.250,50"]],
    ['an objective with decimals', (db) => void (level(db, 'silver').objectivePercent = 97.5), ["Serviceniveau 'Silver': doel 90 % → 97,5 %"]],
    ['a name', (db) => void (level(db, 'silver').name = 'Zilver'), ["Serviceniveau 'Silver' hernoemd tot 'Zilver'"]],
    [
      'an end date and a new version',
      (db) => {
        const acme = contract(db, 'acme');
        acme.versions[1]!.effectiveTo = '2026-12-31';
        acme.versions.push({ ...structuredClone(acme.versions[1]!), version: 3, effectiveFrom: '2027-01-01', effectiveTo: undefined });
      },
      ["Contract 'ACME Managed Workplace': versie 2: eindigt zonder einddatum → 2026-12-31", "Contract 'ACME Managed Workplace': versie 3 toegevoegd vanaf 2027-01-01"],
    ],
    ['a notice date', (db) => void (contract(db, 'acme').versions[1]!.noticeDate = '2026-10-31'), ["Contract 'ACME Managed Workplace': versie 2: opzegdatum 2026-09-30 → 2026-10-31"]],
    ['a fee where there was none', (db) => void (contract(db, 'initech').versions[0]!.monthlyFee = 12_500), ["Contract 'Initech Basic': versie 1: maandbedrag geen → €\u00a0125,00"]],
    ['a notice reminder', (db) => void (contract(db, 'initech').noticeReminderDays = 30), ["Contract 'Initech Basic': herinnering opzegdatum uit → 30 dagen"]],
    [
      'holidays, dated and yearly',
      (db) => {
        const cal = db.calendars.find((c) => c.id === 'nl-business')!;
        cal.holidays = [...(cal.holidays ?? []).filter((h) => h !== '2026-04-06'), '2027-04-27', { yearly: '05-05', name: 'Bevrijdingsdag' }];
      },
      ["Kalender 'Business hours NL': feestdagen 2027-04-27, elk jaar 05-05 toegevoegd", "Kalender 'Business hours NL': feestdag 2026-04-06 verwijderd"],
    ],
    ['weekly hours (a generic "… changed" line)', (db) => void (db.calendars.find((c) => c.id === 'nl-business')!.week.sat = [['10:00', '12:00']]), ["Kalender 'Business hours NL': werktijden per week gewijzigd"]],
    ['a covered service (a generic "… changed" line)', (db) => void contract(db, 'acme').versions[1]!.coveredServices.pop(), ["Contract 'ACME Managed Workplace': versie 2: gedekte diensten gewijzigd"]],
    ['a service added', (db) => void db.services.push({ id: 'backup', name: 'Backup', rule: { requestTypeIds: [], components: [], labels: [] } }), ["Dienst 'Backup' (backup) toegevoegd"]],
    ['a recognition rule', (db) => void db.services[0]!.rule.labels.push('mail'), ["Dienst 'E-mail': labels +mail"]],
    ['a contract removed', (db) => void (db.contracts = db.contracts.filter((c) => c.id !== 'globex')), ["Contract 'Globex Support' (globex) verwijderd"]],
    ['the at-risk threshold', (db) => void (db.settings.atRiskThresholdPercent = 80), ['Instellingen: drempel voor risico 75 % → 80 %']],
    ['the fallback level', (db) => void (db.settings.fallbackLevelId = null), ['Instellingen: terugvalniveau Best effort → geen']],
    ['the priority mapping', (db) => void (db.settings.priorities.defaultClass = db.settings.priorities.defaultClass === 'P4' ? 'P3' : 'P4'), ['Instellingen: koppeling van prioriteiten gewijzigd']],
  ])('%s', (_name, change, dutch) => {
    const after = structuredClone(before);
    change(after);
    const lines = describeDatabaseChanges(before, after);
    expect(translateChangeLines(lines, 'nl-NL')).toEqual(dutch);
    expect(translateChangeLines(lines, 'nl_BE')).toEqual(dutch);
    // Back to English: exactly the stored line, whether rendered again from its template or passed through.
    expect(lines.map(rerenderChangeLine)).toEqual(lines);
    expect(translateChangeLines(lines, 'en-GB')).toEqual(lines);
  });

  it('reads lines stored before the catalogue (their wording, plain numbers)', () => {
    expect(translateChangeLine("Contract 'Initech Basic': notice reminder 1000 days → off", 'nl')).toBe("Contract 'Initech Basic': herinnering opzegdatum 1.000 dagen → uit");
    expect(translateChangeLine("Level 'Gold': credit rule P1 10 %, P2 2.5 % per missed request, at most 20 % a month", 'nl')).toBe(
      "Serviceniveau 'Gold': creditregeling P1 10 %, P2 2,5 % per gemiste aanvraag, hoogstens 20 % per maand",
    );
  });

  it('shows a line no template matches as stored', () => {
    // Not ours; cut short at the storage limit; a known frame around a part that is not ours (never half translated).
    for (const line of ['Something the app never wrote', "Level 'Gold': P1 resolution 4 h → 3 h from 2026-11-0…", "Contract 'X': version 2: something new"]) {
      expect(translateChangeLine(line, 'nl-NL')).toBe(line);
    }
  });

  it('keeps an amount whose currency the symbol does not tell for certain', () => {
    expect(translateChangeLine("Contract 'X': version 1: monthly fee $5.00 → none", 'nl')).toBe("Contract 'X': versie 1: maandbedrag $5.00 → geen");
  });
});
