/**
 * Wall times in a time zone ⇄ instants, for the clock's "set time" control: the form shows and
 * takes `YYYY-MM-DDTHH:mm` in the current sandbox user's zone. Uses Intl; pure functions.
 */

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = partFormatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, found);
  }
  return found;
}

function wallParts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The wall time of an instant in a zone as epoch-ms "as if UTC". */
function wallAsUtc(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/**
 * The wall time of an instant in a zone, as the value of an `<input type="datetime-local">`.
 *
 * @example toWallTimeInput(new Date('2026-10-05T07:30:00Z'), 'Europe/Amsterdam') // '2026-10-05T09:30'
 */
export function toWallTimeInput(date: Date, timeZone: string): string {
  return new Date(wallAsUtc(date.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant at which the zone's clocks show `local` (`YYYY-MM-DDTHH:mm[:ss]`). A wall time skipped
 * by a DST change resolves to the instant after the gap; a repeated one to its first occurrence.
 * Returns null for text that is not such a wall time.
 *
 * @example fromWallTimeInput('2026-10-05T09:30', 'Europe/Amsterdam')?.toISOString() // '2026-10-05T07:30:00.000Z'
 */
export function fromWallTimeInput(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (match === null) return null;
  const target = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0));
  if (Number.isNaN(target)) return null;
  // the zone's offsets half a day either side cover any DST change around the wall time
  const offsets = [-12 * 3_600_000, 12 * 3_600_000].map((shift) => wallAsUtc(target + shift, timeZone) - (target + shift));
  const candidates = [...new Set(offsets.map((offset) => target - offset))];
  const matching = candidates.filter((candidate) => wallAsUtc(candidate, timeZone) === target);
  // a repeated wall time: its first occurrence; a skipped one (no match): the instant after the gap
  const instant = matching.length > 0 ? Math.min(...matching) : Math.max(...candidates);
  return new Date(instant);
}
