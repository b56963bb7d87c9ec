/**
 * Build stand-in for src/contract/validation-message.ts in the apps that only parse the backend's
 * answers with the contract schemas (admin, terms; scripts/build-ui.mjs): there a schema message can
 * only describe a malformed answer, which static/shared/resolver-envelope.ts reports by path, never
 * by message. Every message the admin reads comes from the backend, in the reader's language. So
 * these bundles carry the key (and values) instead of the English validation catalogue (~4 kB gzip).
 */
import type { ValidationKey } from '../../src/contract/validation-message';

export type { ValidationKey };

/** The key and its values, e.g. `validation.tooMany {"max":100}`. */
export function vt(key: ValidationKey, ...params: readonly unknown[]): string {
  return params[0] === undefined ? key : `${key} ${JSON.stringify(params[0])}`;
}
