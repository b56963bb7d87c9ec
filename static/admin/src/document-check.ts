/**
 * The last check of a document (the editor's text or an import): its errors, the parsed document
 * (for readable error trails) and the text that was checked, so the page can say when the text
 * has changed since.
 *
 * Pure: no React, no DOM, no Forge bridge.
 */
import { parseJsonText, type TextSpan, locateJsonPath } from './json-text';
import { syntaxError, type ListedError } from './validation-errors';

export interface DocumentCheck {
  errors: ListedError[];
  /** The parsed document; null when the text was not JSON. */
  document: unknown;
  text: string;
}

export type ParsedText = { ok: true; value: unknown } | { ok: false; check: DocumentCheck };

/**
 * Parses a text before it is sent: a syntax error becomes a check with that one error (and its
 * line and column), so nothing malformed reaches the resolver.
 *
 * @example parseForSending('{"a":').ok // false
 */
export function parseForSending(text: string): ParsedText {
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, check: { errors: [syntaxError(text, parsed.message, parsed.offset)], document: null, text } };
}

/**
 * The span of text an error is about: the place of a syntax error (one character), or the value
 * its path names (or the nearest enclosing one). Null when the text has no such place.
 *
 * @example spanOfError('{"a": 1}', { path: 'a', message: 'x' }) // { start: 6, end: 7, exact: true }
 */
export function spanOfError(text: string, error: ListedError): TextSpan | null {
  if (error.position !== undefined) {
    const start = Math.min(error.position.offset, text.length);
    return { start, end: Math.min(start + 1, text.length) };
  }
  return locateJsonPath(text, error.path);
}
