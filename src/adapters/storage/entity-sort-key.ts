/**
 * Order-preserving byte encoding of custom-entity index entries, so a database that compares keys
 * as bytes (SQLite BLOBs compare with memcmp) keeps an index in exactly the order entity-rules.ts
 * defines: partition values, then range values, then the item key; scalars as boolean < number <
 * string, numbers by value, strings by UTF-16 code units.
 *
 * Each scalar is a type byte followed by its value:
 * - boolean `0x01`, then `0x00` / `0x01`;
 * - number `0x02`, then the IEEE 754 double big-endian with the sign bit flipped (positive) or every
 *   bit inverted (negative), so byte order is numeric order (-0 is stored as 0, as JSON does);
 * - string `0x03`, then each UTF-16 code unit big-endian, a `0x00` byte escaped as `0x00 0xFF`, and
 *   a `0x00` terminator — so a string sorts before every longer string it begins.
 * The encoding of a tuple is the concatenation of its scalars; as every scalar's encoding ends where
 * it can be told apart, a tuple's encoding is a prefix of the encoding of every longer tuple that
 * begins with it.
 *
 * Pure: no I/O.
 */
import type { EntityScalar } from './entity-rules';

const BOOLEAN = 0x01;
const NUMBER = 0x02;
const STRING = 0x03;

function pushNumber(out: number[], value: number): void {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value === 0 ? 0 : value);
  const negative = (view.getUint8(0) & 0x80) !== 0;
  for (let i = 0; i < 8; i += 1) {
    const byte = view.getUint8(i);
    out.push(negative ? ~byte & 0xff : i === 0 ? byte | 0x80 : byte);
  }
}

/** The content bytes of a string (code units big-endian, 0x00 escaped), without the terminator. */
function pushStringContent(out: number[], value: string): void {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    for (const byte of [unit >> 8, unit & 0xff]) {
      out.push(byte);
      if (byte === 0) out.push(0xff);
    }
  }
}

function pushScalar(out: number[], value: EntityScalar): void {
  if (typeof value === 'boolean') {
    out.push(BOOLEAN, value ? 1 : 0);
  } else if (typeof value === 'number') {
    out.push(NUMBER);
    pushNumber(out, value);
  } else {
    out.push(STRING);
    pushStringContent(out, value);
    out.push(0x00);
  }
}

/**
 * The bytes of a tuple of scalars; `Buffer.compare` of two encodings orders them as entity-rules.ts
 * `compareScalars` does, element by element, a shorter tuple first.
 *
 * @example Buffer.compare(encodeTuple([1, 'a']), encodeTuple([1, 'b'])) // -1
 */
export function encodeTuple(values: readonly EntityScalar[]): Buffer {
  const out: number[] = [];
  for (const value of values) pushScalar(out, value);
  return Buffer.from(out);
}

/**
 * The bytes every string that begins with `prefix` starts with, after the tuple before it (what an
 * index query's BEGINS_WITH scans).
 *
 * @example encodeStringPrefix('due:') // <03 00 64 00 75 00 65 00 3a>
 */
export function encodeStringPrefix(prefix: string): Buffer {
  const out: number[] = [STRING];
  pushStringContent(out, prefix);
  return Buffer.from(out);
}

/**
 * The smallest byte string greater than every byte string that begins with `bytes`, or null when
 * there is none (empty, or all 0xFF): the exclusive upper bound of a prefix scan.
 *
 * @example prefixSuccessor(Buffer.from([1, 2, 0xff])) // <01 03>
 */
export function prefixSuccessor(bytes: Buffer): Buffer | null {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0xff) end -= 1;
  if (end === 0) return null;
  const out = Buffer.from(bytes.subarray(0, end));
  out[end - 1] = (out[end - 1] ?? 0) + 1;
  return out;
}
