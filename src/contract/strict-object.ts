/**
 * Strict objects and field errors people can act on. Every object schema of the contract database
 * and of every resolver payload refuses keys it does not know (a typo such as `effectivTo` or a
 * root-level `contarcts` must not be dropped silently); `strictObject` adds the nearest known key as
 * a suggestion. `describeIssues` turns zod issues into `{ path, message }` pairs with the unknown key
 * in the path (`contracts.0.versions.1.effectivTo`), one per key.
 *
 * Pure zod: no I/O, no Forge; bundled into the browser too.
 */
import { z } from 'zod';
import { vt } from './validation-message';

/** How far a typo may be from a known key to be suggested (edits). */
function maxDistance(key: string): number {
  return key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
}

/** Levenshtein distance, with adjacent transpositions counting as one edit ("contarcts"). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The message for one unknown key, with the closest known key when there is one.
 *
 * @example unknownKeyMessage('effectivTo', ['effectiveFrom', 'effectiveTo']) // "Unknown field 'effectivTo' (did you mean 'effectiveTo'?)."
 */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= maxDistance(key) ? vt('validation.unknownFieldSuggestion', { key, suggestion: best }) : vt('validation.unknownField', { key });
}

/**
 * `z.strictObject` whose unknown-key issue names each key (one line per key, in order) with a
 * suggestion from the shape.
 *
 * @example strictObject({ effectiveTo: z.string() }).safeParse({ effectivTo: 'x' }) // issue: Unknown field 'effectivTo' (did you mean 'effectiveTo'?).
 */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => unknownKeyMessage(key, known)).join('\n') : undefined),
  });
}

/** One problem of a document or payload: where (path segments) and what. */
export interface FieldIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Zod issues as field issues: an unknown-keys issue becomes one issue per key, its path ending in
 * the key, so the error names exactly what to fix.
 *
 * @example describeIssues(result.error.issues) // [{ path: ['contracts', 0, 'versions', 1, 'effectivTo'], message: "Unknown field 'effectivTo' (did you mean 'effectiveTo'?)." }]
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (issue.code !== 'unrecognized_keys') {
      out.push({ path, message: issue.message });
      continue;
    }
    const lines = issue.message.split('\n');
    issue.keys.forEach((key, index) => {
      const line = lines.length === issue.keys.length ? lines[index] : undefined;
      out.push({ path: [...path, key], message: line ?? vt('validation.unknownField', { key }) });
    });
  }
  return out;
}

/**
 * A path as the dotted text forms and import reports show: `contracts.0.versions.1.effectiveTo`;
 * the root is `(root)`. A key that would not read as one segment — empty, blank or with a dot (an
 * unknown key can be anything) — is shown quoted, so the path still names it.
 *
 * @example formatIssuePath(['contracts', 0, 'name']) // 'contracts.0.name'
 * @example formatIssuePath(['', 'a.b']) // '""."a.b"'
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.map(formatSegment).join('.');
}

function formatSegment(segment: string | number): string {
  const text = String(segment);
  return text.trim() === '' || text.includes('.') ? JSON.stringify(text) : text;
}
