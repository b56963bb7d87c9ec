/**
 * JQL for the managers' views, on the aliases the app indexes from its `contract-clock` property
 * (manifest.yml `jira:entityProperty`): `contractState`, `contractCustomer`, `contractService`,
 * `contractLevel`, `contractDeadline`. The same texts are run by the app and linked to in Jira's issue
 * navigator (`/issues/?jql=…`), so what a count says is what the link shows.
 *
 * Pure string building: no I/O.
 */
import type { ReportPeriod } from '../contract/report-period';
import { addMonths } from '../domain/report-period';

/** Names (not ids) the aliases index, for the scope of a view. */
export interface JqlScope {
  readonly customerName: string | null;
  readonly serviceName: string | null;
  readonly levelName: string | null;
}

/**
 * A JQL string literal: double quotes, with `"` and `\` escaped as Jira expects.
 *
 * @example jqlString('Acme "Logistics"') // '"Acme \\"Logistics\\""'
 */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function scopeClauses(scope: JqlScope): string[] {
  const clauses: string[] = [];
  if (scope.customerName !== null) clauses.push(`contractCustomer = ${jqlString(scope.customerName)}`);
  if (scope.serviceName !== null) clauses.push(`contractService = ${jqlString(scope.serviceName)}`);
  if (scope.levelName !== null) clauses.push(`contractLevel = ${jqlString(scope.levelName)}`);
  return clauses;
}

/** The open clock states the gadget counts. */
export type OpenState = 'running' | 'paused' | 'at-risk' | 'breached';

/**
 * Open requests in one clock state within the scope, most urgent deadline first.
 *
 * @example openStateJql('at-risk', { customerName: 'Acme Logistics', serviceName: null, levelName: null })
 * // 'contractState = "at-risk" AND contractCustomer = "Acme Logistics" ORDER BY contractDeadline ASC'
 */
export function openStateJql(state: OpenState, scope: JqlScope): string {
  return `${[`contractState = ${jqlString(state)}`, ...scopeClauses(scope)].join(' AND ')} ORDER BY contractDeadline ASC`;
}

/**
 * The local-date window to search a period in: a day wider on each side, because JQL reads dates in
 * the searcher's zone while the counting rule reads them in the calendar's. Callers filter exactly.
 */
function window(period: ReportPeriod): { from: string; until: string } {
  const start = new Date(`${period.from}-01T00:00:00Z`);
  const afterEnd = new Date(`${addMonths(period.to, 1)}-01T00:00:00Z`);
  const day = 86_400_000;
  return { from: new Date(start.getTime() - day).toISOString().slice(0, 10), until: new Date(afterEnd.getTime() + day).toISOString().slice(0, 10) };
}

/** Requests resolved late within (about) the period; the caller applies the counting rule exactly. */
export function missedJql(period: ReportPeriod, scope: JqlScope): string {
  const { from, until } = window(period);
  return `${['contractState = "missed"', `resolved >= "${from}"`, `resolved < "${until}"`, ...scopeClauses(scope)].join(' AND ')} ORDER BY resolved ASC`;
}

/**
 * The gadget's breaches: resolved late within (about) the period, or still open with a deadline
 * that passed within it.
 */
export function breachesJql(period: ReportPeriod, scope: JqlScope): string {
  const { from, until } = window(period);
  const when = `((contractState = "missed" AND resolved >= "${from}" AND resolved < "${until}") OR (contractState = "breached" AND contractDeadline >= "${from}" AND contractDeadline < "${until}"))`;
  return `${[when, ...scopeClauses(scope)].join(' AND ')} ORDER BY contractDeadline ASC`;
}

/**
 * Requests resolved within (about) the period without contract terms: no clock at all
 * (`uncovered`), or one on the best-effort level (when the settings name one).
 */
export function withoutContractJql(period: ReportPeriod, fallbackLevelName: string | null): string {
  const { from, until } = window(period);
  const which = fallbackLevelName === null ? 'contractState = "uncovered"' : `(contractState = "uncovered" OR contractLevel = ${jqlString(fallbackLevelName)})`;
  return `${which} AND resolved >= "${from}" AND resolved < "${until}" ORDER BY resolved ASC`;
}
