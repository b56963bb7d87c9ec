/**
 * Validation errors of the contract database as the admin page lists them: the `fieldErrors` of an
 * `invalid-input` answer flattened to one entry per message (backend order kept), a JSON syntax
 * error as an entry with its line and column, and a readable trail for a path that names the
 * entities on the way ("contracts › ACME Support › version 2 › effectiveFrom").
 *
 * Pure: no React, no DOM, no Forge bridge (unit-tested in Node).
 */
import type { ResolverError } from '../../../src/contract/envelope';
import { lineColumnOf, matchKey, splitPath } from './json-text';

/** One error to show: the path into the document ("(root)" for the whole) and the message. */
export interface ListedError {
  path: string;
  message: string;
  /** Where a JSON syntax error is, when known (syntax errors have no path into the document). */
  position?: { offset: number; line: number; column: number };
}

/** The pseudo-path of a JSON syntax error, as the import resolver names it. */
export const SYNTAX_ERROR_PATH = 'json';

/**
 * Flattens `fieldErrors` (`{ path: [messages] }`) into one entry per message, keeping the order
 * in which the backend reported them.
 *
 * @example listFieldErrors({ 'levels.0.calendarId': ["Unknown calendar 'x'."] })
 * // [{ path: 'levels.0.calendarId', message: "Unknown calendar 'x'." }]
 */
export function listFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>> | undefined): ListedError[] {
  const out: ListedError[] = [];
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    for (const message of messages) out.push({ path, message });
  }
  return out;
}

/**
 * The errors an answer carries: the field errors of `invalid-input`, or nothing for other codes
 * (those are shown as one notice, not as a list).
 *
 * @example errorsOfAnswer({ code: 'invalid-input', message: '…', fieldErrors: { a: ['x'] } }) // [{ path: 'a', message: 'x' }]
 */
export function errorsOfAnswer(error: ResolverError): ListedError[] {
  return error.code === 'invalid-input' || error.code === 'confirmation-required' ? listFieldErrors(error.fieldErrors) : [];
}

/**
 * The list entry of a JSON syntax error found in the browser.
 *
 * @example syntaxError('{', 'Unexpected end of JSON input', 1) // { path: 'json', message: …, position: { offset: 1, line: 1, column: 2 } }
 */
export function syntaxError(text: string, message: string, offset: number | null): ListedError {
  if (offset === null) return { path: SYNTAX_ERROR_PATH, message };
  return { path: SYNTAX_ERROR_PATH, message, position: { offset, ...lineColumnOf(text, offset) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One step of a readable path: a property name, an array item by its name / id / covered service,
 * a contract version by its number, or an item by its 1-based position.
 */
export type PathStep =
  | { kind: 'key'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'version'; version: number }
  | { kind: 'position'; position: number };

function stepOfItem(item: unknown, index: number): PathStep {
  if (isRecord(item)) {
    const { name, version, serviceId, id } = item;
    if (typeof name === 'string' && name.trim() !== '') return { kind: 'item', text: name.trim() };
    if (typeof version === 'number') return { kind: 'version', version };
    if (typeof serviceId === 'string') return { kind: 'item', text: serviceId };
    if (typeof id === 'string') return { kind: 'item', text: id };
  }
  return { kind: 'position', position: index + 1 };
}

/**
 * A readable trail for a validation path: array indexes become the item in the document (its name,
 * version number or covered service id), property names stay. Where the document has no such
 * item, the raw segments are kept as keys.
 *
 * @example describePath({ contracts: [{ name: 'ACME', versions: [{ version: 2 }] }] }, 'contracts.0.versions.0.effectiveFrom')
 * // [key contracts, item ACME, key versions, version 2, key effectiveFrom]
 */
export function describePath(document: unknown, path: string): PathStep[] {
  const segments = splitPath(path);
  const trail: PathStep[] = [];
  let node: unknown = document;
  let index = 0;
  while (index < segments.length) {
    const segment = segments[index] ?? '';
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const position = Number(segment);
      const item: unknown = node[position];
      trail.push(item === undefined ? { kind: 'key', text: segment } : stepOfItem(item, position));
      node = item;
      index += 1;
      continue;
    }
    if (isRecord(node)) {
      const match = matchKey(Object.keys(node), segments, index);
      if (match !== null) {
        trail.push({ kind: 'key', text: match.key });
        node = node[match.key];
        index += match.used;
        continue;
      }
    }
    // The document does not go this far: show the rest as written.
    trail.push(...segments.slice(index).map((text): PathStep => ({ kind: 'key', text })));
    break;
  }
  return trail;
}
