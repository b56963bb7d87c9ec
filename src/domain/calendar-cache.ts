/**
 * Compiles each distinct calendar definition once. Records embed their calendar, so the same
 * definition arrives as many separate objects; a canonical JSON key (object keys sorted) makes equal
 * definitions share one compiled calendar.
 *
 * Pure apart from a bounded memo table: no I/O, no clock.
 */
import type { CalendarDefinition } from '../contract/calendar';
import { compileCalendar, type CompiledCalendar } from './business-time';

/** Enough for every calendar of a contract database plus the odd old one in records. */
const MAX_ENTRIES = 128;

const compiled = new Map<string, CompiledCalendar>();
// Definitions are immutable values; one object is usually asked for many times in a row (every
// segment of a timeline), so its identity short-cuts the canonical key.
const byObject = new WeakMap<CalendarDefinition, CompiledCalendar>();

/**
 * JSON with object keys sorted at every level, so equal values give equal text whatever the key order.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify answers undefined (despite its declared type) for a bare undefined.
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const entries: [string, unknown][] = Object.entries(inner);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/**
 * The compiled form of a calendar definition, compiled at most once per distinct definition (the
 * table keeps the most recently used ones). Throws what `compileCalendar` throws for a bad definition.
 *
 * @example
 * const cal = compileCalendarOnce({ timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } });
 */
export function compileCalendarOnce(definition: CalendarDefinition): CompiledCalendar {
  const known = byObject.get(definition);
  if (known !== undefined) return known;
  const calendar = compileByContent(definition);
  byObject.set(definition, calendar);
  return calendar;
}

function compileByContent(definition: CalendarDefinition): CompiledCalendar {
  const key = canonicalJson(definition);
  const hit = compiled.get(key);
  if (hit !== undefined) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const calendar = compileCalendar(definition);
  compiled.set(key, calendar);
  if (compiled.size > MAX_ENTRIES) {
    const oldest = compiled.keys().next();
    if (oldest.done !== true) compiled.delete(oldest.value);
  }
  return calendar;
}
