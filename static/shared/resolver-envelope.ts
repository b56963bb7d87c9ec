/**
 * Reading resolver answers in the browser: every answer is parsed with the shared envelope schema
 * of src/contract/envelope.ts, so a malformed answer becomes an `internal` error value instead of
 * bad data on screen, and a failed bridge call becomes an `unavailable` error value.
 *
 * Pure: no Forge bridge, no React (the bridge call itself is in ./forge-bridge).
 */
import { z } from 'zod';
import { envelopeSchema, type Envelope, type ResolverError } from '../../src/contract/envelope';

/**
 * Parses a raw resolver answer against the envelope of the given data schema.
 *
 * @example parseEnvelope({ ok: true, data: 1 }, z.number()) // { ok: true, data: 1 }
 */
export function parseEnvelope<T extends z.ZodType>(raw: unknown, data: T): Envelope<z.output<T>> {
  // Two steps keep the types simple: the envelope with opaque data, then the data itself.
  const envelope = envelopeSchema(z.unknown()).safeParse(raw);
  if (!envelope.success) return malformed(envelope.error.issues, []);
  if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
  const parsed = data.safeParse(envelope.data.data);
  if (!parsed.success) return malformed(parsed.error.issues, ['data']);
  return { ok: true, data: parsed.data };
}

function malformed(issues: readonly z.core.$ZodIssue[], prefix: readonly string[]): { ok: false; error: ResolverError } {
  const paths = issues.map((issue) => [...prefix, ...issue.path.map(String)].join('.') || '(root)');
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `The app answered in an unexpected shape (${[...new Set(paths)].slice(0, 5).join(', ')}).`,
    },
  };
}

/**
 * Turns a thrown bridge failure (network, rate limit, resolver crash) into an error value.
 *
 * @example describeTransportError(new Error('timeout')) // { code: 'unavailable', message: 'timeout' }
 */
export function describeTransportError(error: unknown): ResolverError {
  const message = error instanceof Error && error.message.trim() !== '' ? error.message.trim() : String(error);
  return { code: 'unavailable', message };
}
