/**
 * Pauses as the engine needs them: validated, clipped, sorted and merged into disjoint spans.
 *
 * A query with pauses must not allocate per call to stay fast, so one pooled `SpanList` is reused;
 * queries are synchronous, and the only user code that runs while the list is being filled is a
 * getter on a pause object, so a nested query started from such a getter gets a fresh list instead.
 * Pure; no I/O, no clock.
 */

/** Disjoint spans `[from[k], to[k])`, ascending, `count` of them (arrays may hold stale entries beyond). */
export class SpanList {
  readonly from: number[] = [];
  readonly to: number[] = [];
  count = 0;

  /** Adds `[from, to)`, merging it with any span it overlaps or touches; empty spans are dropped. */
  add(from: number, to: number): void {
    if (!(from < to)) return;
    const count = this.count;
    const lastFrom = count > 0 ? (this.from[count - 1] ?? 0) : -Infinity;
    if (from >= lastFrom) {
      // Sorted input (the usual case): append, or extend the last span.
      if (count > 0 && from <= (this.to[count - 1] ?? -Infinity)) {
        if (to > (this.to[count - 1] ?? Infinity)) this.to[count - 1] = to;
        return;
      }
      this.from[count] = from;
      this.to[count] = to;
      this.count = count + 1;
      return;
    }
    // Insertion sort for out-of-order input (lists are short; long ones arrive sorted).
    let k = count;
    while (k > 0 && (this.from[k - 1] ?? 0) > from) {
      this.from[k] = this.from[k - 1] ?? 0;
      this.to[k] = this.to[k - 1] ?? 0;
      k--;
    }
    this.from[k] = from;
    this.to[k] = to;
    this.count = count + 1;
    let at = k;
    if (at > 0 && from <= (this.to[at - 1] ?? -Infinity)) {
      at -= 1;
      this.to[at] = Math.max(this.to[at] ?? 0, to);
      this.remove(at + 1);
    }
    while (at + 1 < this.count && (this.from[at + 1] ?? Infinity) <= (this.to[at] ?? -Infinity)) {
      this.to[at] = Math.max(this.to[at] ?? 0, this.to[at + 1] ?? 0);
      this.remove(at + 1);
    }
  }

  /** Total length (ms) of the spans. */
  totalLength(): number {
    let total = 0;
    for (let k = 0; k < this.count; k++) total += (this.to[k] ?? 0) - (this.from[k] ?? 0);
    return total;
  }

  private remove(index: number): void {
    for (let k = index; k + 1 < this.count; k++) {
      this.from[k] = this.from[k + 1] ?? 0;
      this.to[k] = this.to[k + 1] ?? 0;
    }
    this.count -= 1;
  }
}

const pooled = new SpanList();
let pooledInUse = false;
// Above this many pauses, sort them first instead of inserting one by one.
const INSERTION_LIMIT = 32;

/**
 * Validates `pauses` (an array of `{ from: Date; to: Date }`) and returns them clipped to
 * `[lower, upper]`, sorted and merged. The returned list is valid until the next call.
 * @throws TypeError / RangeError naming the bad pause, e.g. `pauses[2].to`.
 *
 * @example
 * const spans = collectPauses([{ from: new Date(30), to: new Date(50) }, { from: new Date(10), to: new Date(40) }], 0, 100);
 * // spans.count === 1, spans.from[0] === 10, spans.to[0] === 50
 */
export function collectPauses(pauses: unknown, lower: number, upper: number): SpanList {
  if (!Array.isArray(pauses)) throw new TypeError('pauses must be an array of { from: Date; to: Date } (or left out)');
  const list = pooledInUse ? new SpanList() : pooled;
  const outer = pooledInUse;
  pooledInUse = true;
  try {
    list.count = 0;
    const length = pauses.length;
    if (length <= INSERTION_LIMIT) {
      for (let index = 0; index < length; index++) {
        const pause: unknown = pauses[index];
        const from = pauseTime(pause, 'from', index);
        const to = pauseTime(pause, 'to', index);
        list.add(from > lower ? from : lower, to < upper ? to : upper);
      }
    } else {
      const spans: [number, number][] = [];
      for (let index = 0; index < length; index++) {
        const pause: unknown = pauses[index];
        spans.push([pauseTime(pause, 'from', index), pauseTime(pause, 'to', index)]);
      }
      spans.sort((a, b) => a[0] - b[0]);
      for (const [from, to] of spans) list.add(from > lower ? from : lower, to < upper ? to : upper);
    }
  } finally {
    pooledInUse = outer;
  }
  return list;
}

/** Time value of `pause.from` / `pause.to`, or an error naming `pauses[i].from`. */
function pauseTime(pause: unknown, key: 'from' | 'to', index: number): number {
  if (typeof pause !== 'object' || pause === null) {
    throw new TypeError(`pauses[${index}] must be an object { from: Date; to: Date }`);
  }
  const value: unknown = key === 'from' ? ('from' in pause ? pause.from : undefined) : 'to' in pause ? pause.to : undefined;
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isNaN(time)) return time;
    throw new RangeError(`pauses[${index}].${key} is an invalid Date`);
  }
  return dateValueOf(value, `pauses[${index}].${key}`);
}

/**
 * Time value of a Date, also of one from another realm (a vm context or iframe fails `instanceof`);
 * a TypeError or RangeError naming `name` otherwise.
 *
 * @example dateValueOf(new Date('2026-01-01T00:00:00Z'), 'start') // 1767225600000
 */
export function dateValueOf(value: unknown, name: string): number {
  let time: unknown;
  if (value instanceof Date) {
    time = value.getTime();
  } else if (Object.prototype.toString.call(value) === '[object Date]') {
    try {
      // Reads the internal time value: throws for an object that only pretends to be a Date.
      // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to `value` right here
      time = Reflect.apply(Date.prototype.getTime, value, []);
    } catch {
      throw new TypeError(`${name} must be a Date`);
    }
  }
  if (typeof time !== 'number') throw new TypeError(`${name} must be a Date`);
  if (Number.isNaN(time)) throw new RangeError(`${name} is an invalid Date`);
  return time;
}
