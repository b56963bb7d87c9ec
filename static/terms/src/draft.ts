/**
 * The forms' draft of the contract database and the small pure operations on it: immutable updates
 * at a path, fresh ids, money typed in major units, the example request of a preview, errors by
 * path, and a new contract version (or level revision) from a date.
 *
 * Pure: no React, no DOM, no Forge bridge (unit-tested in Node).
 */
import type { ExampleRequestData, JiraOptionsData, ValidationError } from '../../../src/contract/admin-api';
import type { ContractDatabase, Contract, ServiceLevel } from '../../../src/contract/contract-database-shape';
import type { PriorityClass } from '../../../src/contract/building-blocks';

export type Path = readonly (string | number)[];

/** The dotted path the backend names errors by: `contracts.0.versions.1.effectiveFrom`. */
export function pathKey(path: Path): string {
  return path.join('.');
}

/**
 * A copy of `value` with `update` applied at `path`; untouched branches are shared.
 *
 * @example updateIn({ a: [1, 2] }, ['a', 1], () => 3) // { a: [1, 3] }
 */
export function updateIn<T>(value: T, path: Path, update: (current: unknown) => unknown): T {
  if (path.length === 0) return update(value) as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    copy[head as number] = updateIn(copy[head as number], rest, update);
    return copy as T;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const next = updateIn(record[head as string], rest, update);
  const others = Object.entries(record).filter(([key]) => key !== head);
  return Object.fromEntries(next === undefined ? others : [...others, [head as string, next]]) as T;
}

/** Sets a value (undefined removes the key). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  return updateIn(value, path, () => next);
}

/**
 * A new id from a name that is not among `taken`: `platinum`, `platinum-2`.
 *
 * @example freshId('Platinum 24/7', ['platinum-24-7']) // 'platinum-24-7-2'
 */
export function freshId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${String(n)}`)) return `${base}-${String(n)}`;
}

/**
 * Minor units of an amount typed in major units (`1234.50`, `1234,5`, `1 234`), or undefined when
 * it is not an amount with at most two decimals.
 *
 * @example parseMajorAmount('49,50') // 4950
 */
export function parseMajorAmount(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0']/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (match === null) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Minor units as typed back: `4950` → `49.50`. */
export function formatMajorAmount(minor: number): string {
  return `${String(Math.floor(minor / 100))}.${String(minor % 100).padStart(2, '0')}`;
}

/** Errors of one path exactly. */
export function errorsAt(errors: readonly ValidationError[], path: Path): string[] {
  const key = pathKey(path);
  return errors.filter((error) => error.path === key).map((error) => error.message);
}

/** How many errors lie at or under a path (a list item's badge). */
export function errorCountUnder(errors: readonly ValidationError[], path: Path): number {
  const key = pathKey(path);
  return errors.filter((error) => error.path === key || error.path.startsWith(`${key}.`)).length;
}

/** The Jira priority names of a priority class in the draft's map (`P1` → `Highest`). */
export function prioritiesOfClass(db: ContractDatabase, priorityClass: PriorityClass): string[] {
  return Object.entries(db.settings.priorities.byJiraPriority)
    .filter(([, cls]) => cls === priorityClass)
    .map(([name]) => name);
}

/**
 * The example request of a preview: a request of the contract's customer (its organizations, by
 * the site's names), of the service (recognised by its first request type, component or label) at a
 * Jira priority.
 */
export function exampleRequest(
  db: ContractDatabase,
  options: JiraOptionsData | null,
  pick: { contractId: string; serviceId: string; priority: string },
): ExampleRequestData {
  const contract = db.contracts.find((c) => c.id === pick.contractId);
  const service = db.services.find((s) => s.id === pick.serviceId);
  const orgName = (id: string) => options?.organizations.find((org) => org.id === id)?.name ?? id;
  const requestTypeId = service?.rule.requestTypeIds[0];
  const requestTypeName =
    requestTypeId === undefined
      ? null
      : (options?.serviceDesks.flatMap((desk) => desk.requestTypes).find((type) => type.id === requestTypeId)?.name ?? requestTypeId);
  const byType = requestTypeId !== undefined;
  const component = byType ? undefined : service?.rule.components[0];
  const label = byType || component !== undefined ? undefined : service?.rule.labels[0];
  return {
    organizations: (contract?.customer.organizationIds ?? []).map((id) => ({ id, name: orgName(id) })),
    requestType: requestTypeId === undefined || requestTypeName === null ? null : { id: requestTypeId, name: requestTypeName },
    components: component === undefined ? [] : [component],
    labels: label === undefined ? [] : [label],
    priority: pick.priority === '' ? null : pick.priority,
  };
}

/** The day before a local date (`2027-01-01` → `2026-12-31`). */
export function dayBefore(date: string): string {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/**
 * A contract with a new version from `from`: a copy of the version in force that day (or the latest)
 * numbered after the highest, and the versions it would overlap ended the day before.
 *
 * @example newContractVersion(acme, '2027-01-01').versions.at(-1)?.effectiveFrom // '2027-01-01'
 */
export function newContractVersion(contract: Contract, from: string): Contract {
  const sorted = [...contract.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const base = [...sorted].reverse().find((v) => v.effectiveFrom <= from) ?? sorted[sorted.length - 1];
  if (base === undefined) return contract;
  const number = Math.max(...contract.versions.map((v) => v.version)) + 1;
  const versions = contract.versions.map((v) =>
    v.effectiveFrom < from && (v.effectiveTo === undefined || v.effectiveTo >= from) ? { ...v, effectiveTo: dayBefore(from) } : v,
  );
  const { effectiveTo: _end, ...copy } = structuredClone(base);
  const next = { ...copy, version: number, effectiveFrom: from };
  const later = contract.versions.filter((v) => v.effectiveFrom > from).map((v) => v.effectiveFrom).sort()[0];
  return { ...contract, versions: [...versions, later === undefined ? next : { ...next, effectiveTo: dayBefore(later) }] };
}

/** A level with a new revision from `from`: a copy of the latest revision. */
export function newLevelRevision(level: ServiceLevel, from: string): ServiceLevel {
  const latest = [...level.revisions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  if (latest === undefined) return level;
  return { ...level, revisions: [...level.revisions, { ...structuredClone(latest), effectiveFrom: from, note: undefined }].map(dropUndefinedNote) };
}

function dropUndefinedNote<T extends { note?: string | undefined }>(revision: T): T {
  if (revision.note !== undefined) return revision;
  const { note: _note, ...rest } = revision;
  return rest as T;
}

/** The day after a local date (`2026-12-31` → `2027-01-01`). */
export function dayAfter(date: string): string {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** A record's entry, or undefined for a key it does not have (a new item has no history lock). */
export function entryOf<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
