/**
 * UTC-offset tables of IANA time zones, the only place where the business-time engine asks `Intl`
 * anything.
 *
 * Why tables: turning an instant into wall-clock time with `Intl.DateTimeFormat` costs about 1.5 µs,
 * and a deadline must cost a fraction of that. A zone's offset is a step function of the instant, so
 * it is stored as segments `[starts[i], starts[i+1])` of constant offset. The table is built in chunks
 * of 2^35 ms (≈ 398 days): the offset is sampled once per day and every change is pinned to its exact
 * second by bisection (tz data changes offsets on whole seconds, at most once within a day). One table
 * per zone, kept in a module-level cache and shared by every calendar of that zone.
 * `prepareRange` builds the years ordinary queries use when a calendar is compiled; a query outside
 * them builds the missing chunk on first use, once.
 *
 * Supported instants: 1800-01-01T00:00Z up to 2400-01-01T00:00Z (`MIN_SUPPORTED_TIME`,
 * `MAX_SUPPORTED_TIME`). May not touch: anything but its own cache; no I/O, no clock.
 */
import { DAY_MS, daysFromCivil } from './business-time/civil-days';

/** First supported instant, 1800-01-01T00:00:00Z. */
export const MIN_SUPPORTED_TIME = -5_364_662_400_000;
/** Last supported instant, 2400-01-01T00:00:00Z. */
export const MAX_SUPPORTED_TIME = 13_569_465_600_000;

const CHUNK_MS = 2 ** 35;
const FIRST_CHUNK = Math.floor(MIN_SUPPORTED_TIME / CHUNK_MS);
const LAST_CHUNK = Math.floor(MAX_SUPPORTED_TIME / CHUNK_MS);
// No zone has ever been more than 26 h from UTC; anything beyond means Intl answered nonsense.
const MAX_ABS_OFFSET_MS = 26 * 3_600_000;

/**
 * Offsets over `[start, end)`: segment `i` is `[starts[i], starts[i + 1])` with local time =
 * instant + `offsets[i]`; `starts` ends with `end` as a sentinel.
 */
export interface OffsetChunk {
  readonly start: number;
  readonly end: number;
  readonly starts: Float64Array;
  readonly offsets: Float64Array;
}

// Matches no instant (t < 0 or t >= 0 always holds), so the first lookup goes to the table.
const EMPTY_CHUNK: OffsetChunk = { start: 0, end: 0, starts: new Float64Array([0]), offsets: new Float64Array(0) };

/** The offset table of one zone, filled chunk by chunk. */
export class ZoneOffsets {
  /** The most recently used chunk: consecutive queries nearly always stay in it. */
  recent: OffsetChunk;
  private readonly chunks: (OffsetChunk | undefined)[];

  constructor(
    /** Canonical zone name as `Intl` resolves it (aliases share one table). */
    readonly timeZone: string,
    private readonly formatter: Intl.DateTimeFormat,
  ) {
    this.chunks = new Array<OffsetChunk | undefined>(LAST_CHUNK - FIRST_CHUNK + 1).fill(undefined);
    this.recent = EMPTY_CHUNK;
  }

  /**
   * The chunk holding instant `t` (ms), built on first use.
   * @throws RangeError when `t` is outside the supported range.
   */
  chunkAt(t: number): OffsetChunk {
    if (!(t >= MIN_SUPPORTED_TIME && t <= MAX_SUPPORTED_TIME)) {
      throw new RangeError(`instant ${t} is outside the supported range 1800-01-01T00:00Z..2400-01-01T00:00Z`);
    }
    const index = Math.floor(t / CHUNK_MS);
    let chunk = this.chunks[index - FIRST_CHUNK];
    if (chunk === undefined) {
      chunk = this.buildChunk(index);
      this.chunks[index - FIRST_CHUNK] = chunk;
    }
    this.recent = chunk;
    return chunk;
  }

  /** UTC offset (ms) in force at instant `t`. */
  offsetAt(t: number): number {
    const chunk = this.chunkAt(t);
    let i = 0;
    while ((chunk.starts[i + 1] ?? Infinity) <= t) i++;
    return chunk.offsets[i] ?? 0;
  }

  /** Builds every chunk overlapping `[from, to]` now, so that queries there never call `Intl`. */
  prepareRange(from: number, to: number): void {
    for (let index = Math.floor(from / CHUNK_MS); index <= Math.floor(to / CHUNK_MS); index++) {
      this.chunkAt(Math.max(MIN_SUPPORTED_TIME, Math.min(MAX_SUPPORTED_TIME, index * CHUNK_MS)));
    }
  }

  /** Number of chunks built so far (for memory reports and tests). */
  builtChunks(): number {
    return this.chunks.filter((chunk) => chunk !== undefined).length;
  }

  /** Bytes held by the built chunks' typed arrays (for memory reports). */
  tableBytes(): number {
    let bytes = 0;
    for (const chunk of this.chunks) {
      if (chunk !== undefined) bytes += chunk.starts.byteLength + chunk.offsets.byteLength;
    }
    return bytes;
  }

  private buildChunk(index: number): OffsetChunk {
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const starts = [start];
    const offsets = [this.sample(start)];
    let from = start;
    let fromOffset = offsets[0] ?? 0;
    while (from < end) {
      const to = Math.min(from + DAY_MS, end);
      const toOffset = this.sample(to);
      // Each pass pins the first change in (from, to]; repeat in case the day held more than one.
      while (toOffset !== fromOffset) {
        const change = this.firstChange(from, fromOffset, to);
        if (change >= end) break; // a change exactly at `end` opens the next chunk
        const changeOffset = this.sample(change);
        starts.push(change);
        offsets.push(changeOffset);
        from = change;
        fromOffset = changeOffset;
      }
      from = to;
      fromOffset = toOffset;
    }
    starts.push(end);
    return { start, end, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
  }

  /** First whole second in `(from, to]` whose offset differs from `fromOffset` (one is known to). */
  private firstChange(from: number, fromOffset: number, to: number): number {
    let low = Math.floor(from / 1000); // offset here is fromOffset
    let high = Math.floor(to / 1000); // offset here differs
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.sample(middle * 1000) === fromOffset) low = middle;
      else high = middle;
    }
    return high * 1000;
  }

  /** Offset at `t` straight from `Intl` (whole-second resolution). */
  private sample(t: number): number {
    const second = Math.floor(t / 1000) * 1000;
    // en-US with h23 formats as "M/D/YYYY, HH:MM:SS"; take the six numbers in that order.
    const numbers = (this.formatter.format(second).match(/\d+/g) ?? []).map(Number);
    const [month, day, year, hour, minute, sec] = numbers;
    if (
      numbers.length !== 6 ||
      month === undefined ||
      day === undefined ||
      year === undefined ||
      hour === undefined ||
      minute === undefined ||
      sec === undefined
    ) {
      throw new Error(`unexpected Intl output for ${this.timeZone}`);
    }
    const local = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + sec * 1000;
    const offset = local - second;
    if (!(Math.abs(offset) <= MAX_ABS_OFFSET_MS)) throw new Error(`implausible UTC offset in ${this.timeZone}`);
    return offset;
  }
}

const zones = new Map<string, ZoneOffsets>();

/**
 * The shared offset table of an IANA zone (aliases such as "US/Eastern" share the canonical table).
 * @throws RangeError when `Intl` does not know the zone.
 *
 * @example getZoneOffsets('Asia/Kathmandu').offsetAt(Date.parse('2026-01-01T00:00Z')) // 20_700_000 (+05:45)
 */
export function getZoneOffsets(timeZone: string): ZoneOffsets {
  const known = zones.get(timeZone);
  if (known !== undefined) return known;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const canonical = formatter.resolvedOptions().timeZone;
  let table = zones.get(canonical);
  if (table === undefined) {
    table = new ZoneOffsets(canonical, formatter);
    zones.set(canonical, table);
  }
  zones.set(timeZone, table);
  return table;
}
