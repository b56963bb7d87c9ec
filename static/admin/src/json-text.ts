/**
 * The contract database as text in the admin editor: pretty-printing, parsing with the position of
 * a syntax error, and finding where a validation path ("contracts.0.versions.1.effectiveFrom") is
 * in the text, so a click on an error can select the value it is about.
 *
 * Pure: no React, no DOM, no Forge bridge (unit-tested in Node).
 */

/** A span of text: `start` inclusive, `end` exclusive, as `setSelectionRange` takes them. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Where a path points in the text; `exact` is false when only an enclosing value was found. */
export interface PathLocation extends TextSpan {
  exact: boolean;
}

export type JsonTextParse =
  | { ok: true; value: unknown }
  | { ok: false; message: string; offset: number | null };

/** The path validation uses for the document itself. */
export const ROOT_PATH = '(root)';

/** Short arrays of plain values stay on one line up to this many characters (at their indentation). */
const INLINE_WIDTH = 96;

/**
 * The document as the editor shows it: two-space indentation and a final newline, like
 * `JSON.stringify(value, null, 2)`, except that short arrays of plain values — working intervals,
 * holidays, rule values — stay on one line, so a calendar reads as a week rather than 30 lines,
 * and every object starts with its `id` and `name`. Key order means nothing to the document.
 *
 * @example formatJson({ mon: [['09:00', '17:00']] }) // '{\n  "mon": [["09:00", "17:00"]]\n}\n'
 */
export function formatJson(value: unknown): string {
  return `${formatValue(value, '')}\n`;
}

function formatValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inline = formatInline(value);
    if (inline !== null && indent.length + inline.length <= INLINE_WIDTH) return inline;
    const inner = `${indent}  `;
    return `[\n${value.map((item: unknown) => inner + formatValue(item ?? null, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const inner = `${indent}  `;
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined && typeof item !== 'function')
      .sort(([a], [b]) => keyRank(a) - keyRank(b));
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  // Strings, numbers, booleans, null; what JSON cannot hold becomes null, as in JSON.stringify's arrays.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  return JSON.stringify(value);
}

/** An entity's id and name come first, whatever order the document was built in (stable sort keeps the rest). */
function keyRank(key: string): number {
  return key === 'id' ? 0 : key === 'name' ? 1 : 2;
}

/** `["a", 1, ["b"]]` when the array holds only plain values and arrays of them; null otherwise. */
function formatInline(items: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      const nested = formatInline(item);
      if (nested === null) return null;
      parts.push(nested);
    } else if (item === null || item === undefined || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      parts.push(JSON.stringify(item ?? null));
    } else {
      return null;
    }
  }
  return `[${parts.join(', ')}]`;
}

/**
 * Parses editor text. A syntax error answers the engine's message and, when the engine names it,
 * the character offset (V8 says "at position N"; newer ones add "(line L column C)").
 *
 * @example parseJsonText('{"a":}') // { ok: false, message: 'Unexpected token …', offset: 5 }
 */
export function parseJsonText(text: string): JsonTextParse {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message, offset: findErrorOffset(text, message) };
  }
}

function findErrorOffset(text: string, message: string): number | null {
  const position = /\bposition (\d+)/i.exec(message);
  if (position?.[1] !== undefined) return Math.min(Number(position[1]), text.length);
  const lineColumn = /\bline (\d+) column (\d+)/i.exec(message);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    return offsetOfLineColumn(text, Number(lineColumn[1]), Number(lineColumn[2]));
  }
  // Some messages name no place ("Unexpected token '}', "{"a": }" is not valid JSON"): ask the scanner.
  return scanErrorOffset(text);
}

function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/**
 * The 1-based line and column of a character offset.
 *
 * @example lineColumnOf('{\n  "a": 1\n}', 4) // { line: 2, column: 3 }
 */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

/**
 * Splits a validation path into segments. The root is no segment at all.
 *
 * @example splitPath('contracts.0.versions') // ['contracts', '0', 'versions']
 */
export function splitPath(path: string): string[] {
  return path === ROOT_PATH || path === '' ? [] : path.split('.');
}

/**
 * Chooses the object key a path continues with. Keys may contain dots themselves (a Jira priority
 * "P1. Critical" in the priority map), so the longest key equal to the next segments joined wins.
 * Answers the key and how many segments it used, or null.
 *
 * @example matchKey(['byJiraPriority', 'Highest'], ['P1. Critical'], 0) // null
 */
export function matchKey(keys: readonly string[], segments: readonly string[], from: number): { key: string; used: number } | null {
  const available = new Set(keys);
  for (let used = segments.length - from; used >= 1; used--) {
    const candidate = segments.slice(from, from + used).join('.');
    if (available.has(candidate)) return { key: candidate, used };
  }
  return null;
}

/**
 * Finds the value a validation path names in JSON text. When the path goes further than the text
 * (a missing property), the deepest existing value on the way is answered with `exact: false`.
 * Answers null when the text is not JSON.
 *
 * @example locateJsonPath('{"a":[1,22]}', 'a.1') // { start: 8, end: 10, exact: true }
 */
export function locateJsonPath(text: string, path: string): PathLocation | null {
  const tree = scanJson(text);
  if (tree === null) return null;
  const segments = splitPath(path);
  let node = tree;
  let index = 0;
  while (index < segments.length) {
    const next = childOf(node, segments, index);
    if (next === null) return { start: node.start, end: node.end, exact: false };
    node = next.node;
    index += next.used;
  }
  return { start: node.start, end: node.end, exact: true };
}

function childOf(node: JsonNode, segments: readonly string[], from: number): { node: JsonNode; used: number } | null {
  if (node.kind === 'array') {
    const segment = segments[from] ?? '';
    if (!/^\d+$/.test(segment)) return null;
    const item = node.items[Number(segment)];
    return item === undefined ? null : { node: item, used: 1 };
  }
  if (node.kind === 'object') {
    const match = matchKey(
      node.entries.map((entry) => entry.key),
      segments,
      from,
    );
    if (match === null) return null;
    // A duplicated key: JSON.parse keeps the last one, so that is the one validation talked about.
    const entry = node.entries.findLast((candidate) => candidate.key === match.key);
    return entry === undefined ? null : { node: entry.value, used: match.used };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A small JSON scanner that keeps the position of every value (JSON.parse keeps none).

type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

class ScanError extends Error {
  constructor(readonly position: number) {
    super(`JSON syntax error at ${String(position)}`);
  }
}

function scanJson(text: string): JsonNode | null {
  try {
    return scanDocument(text);
  } catch (error: unknown) {
    if (error instanceof ScanError) return null;
    throw error;
  }
}

/** Where the scanner finds the text stop being JSON; null when it is JSON. */
function scanErrorOffset(text: string): number | null {
  try {
    scanDocument(text);
    return null;
  } catch (error: unknown) {
    if (error instanceof ScanError) return Math.min(error.position, text.length);
    throw error;
  }
}

function scanDocument(text: string): JsonNode {
  const scanner = new Scanner(text);
  const node = scanner.value();
  scanner.skipSpace();
  scanner.expectEnd();
  return node;
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

function decodeString(literal: string, start: number): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(literal);
  } catch {
    // A bad escape or a raw control character somewhere in the string.
    throw new ScanError(start);
  }
  if (typeof decoded !== 'string') throw new ScanError(start);
  return decoded;
}

class Scanner {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  expectEnd(): void {
    if (!this.atEnd()) throw new ScanError(this.position);
  }

  skipSpace(): void {
    while (!this.atEnd() && ' \t\n\r'.includes(this.peek())) this.position += 1;
  }

  private peek(): string {
    return this.text.charAt(this.position);
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw new ScanError(this.position);
    this.position += 1;
  }

  value(): JsonNode {
    this.skipSpace();
    const start = this.position;
    switch (this.peek()) {
      case '{':
        return this.object(start);
      case '[':
        return this.array(start);
      case '"':
        this.string();
        return { kind: 'scalar', start, end: this.position };
      default:
        this.literal();
        return { kind: 'scalar', start, end: this.position };
    }
  }

  private object(start: number): JsonNode {
    this.expect('{');
    const entries: { key: string; value: JsonNode }[] = [];
    this.skipSpace();
    if (this.peek() === '}') {
      this.position += 1;
      return { kind: 'object', start, end: this.position, entries };
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      entries.push({ key, value: this.value() });
      this.skipSpace();
      if (this.peek() === ',') {
        this.position += 1;
        continue;
      }
      this.expect('}');
      return { kind: 'object', start, end: this.position, entries };
    }
  }

  private array(start: number): JsonNode {
    this.expect('[');
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.peek() === ']') {
      this.position += 1;
      return { kind: 'array', start, end: this.position, items };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') {
        this.position += 1;
        continue;
      }
      this.expect(']');
      return { kind: 'array', start, end: this.position, items };
    }
  }

  /** Reads a string literal and answers its value (JSON.parse does the unescaping). */
  private string(): string {
    const start = this.position;
    this.expect('"');
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '\\') {
        this.position += 2;
        continue;
      }
      this.position += 1;
      if (char === '"') {
        return decodeString(this.text.slice(start, this.position), start);
      }
    }
    throw new ScanError(this.text.length);
  }

  /** Numbers, true, false, null: the text up to the next delimiter must be one of them. */
  private literal(): void {
    const start = this.position;
    while (!this.atEnd() && !',:[]{}" \t\n\r'.includes(this.peek())) this.position += 1;
    if (!LITERAL.test(this.text.slice(start, this.position))) throw new ScanError(start);
  }
}
