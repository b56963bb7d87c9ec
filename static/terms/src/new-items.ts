/**
 * What "Add" puts in the draft: a calendar with office hours, a service without rules, a level with
 * targets for every class, a contract with one version covering the first service. Each gets a fresh
 * id from its name; the admin then fills in the rest.
 *
 * Pure: no React, no DOM.
 */
import type { Calendar, ContractDatabase } from './types';
import { freshId } from './draft';

export function newCalendar(db: ContractDatabase, name: string, timeZone: string): Calendar {
  const hours: [string, string][] = [['08:30', '17:30']];
  return {
    id: freshId(name, db.calendars.map((c) => c.id)),
    name,
    timeZone,
    week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    holidays: [],
  };
}

export function newService(db: ContractDatabase, name: string): ContractDatabase['services'][number] {
  return { id: freshId(name, db.services.map((s) => s.id)), name, rule: { requestTypeIds: [], components: [], labels: [] } };
}

export function newLevel(db: ContractDatabase, name: string, today: string): ContractDatabase['levels'][number] {
  const hours = (h: number) => ({ resolutionMinutes: h * 60 });
  return {
    id: freshId(name, db.levels.map((l) => l.id)),
    name,
    colour: '#6B778C',
    revisions: [
      {
        effectiveFrom: today,
        calendarId: db.calendars[0]?.id ?? '',
        targets: { P1: hours(4), P2: hours(8), P3: hours(16), P4: hours(40), P5: hours(80) },
        monthlyPrices: {},
      },
    ],
  };
}

export function newContract(db: ContractDatabase, name: string, timeZone: string, today: string): ContractDatabase['contracts'][number] {
  const id = freshId(name, db.contracts.map((c) => c.id));
  const service = db.services[0];
  const level = db.levels[0];
  return {
    id,
    name,
    customer: { id: freshId(name, db.contracts.map((c) => c.customer.id)), name, organizationIds: [] },
    timeZone,
    showPricesToCustomer: false,
    versions: [
      {
        version: 1,
        effectiveFrom: today,
        coveredServices: service === undefined || level === undefined ? [] : [{ serviceId: service.id, levelId: level.id }],
        defaultServiceId: service?.id ?? '',
      },
    ],
  };
}
