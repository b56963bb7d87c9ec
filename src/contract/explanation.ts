/**
 * The explanation trail of a deadline ("why these terms apply"): shown by the issue panel
 * (./panel-api.ts) and by the admin forms' preview (./admin-api.ts).
 *
 * Pure zod: no I/O, no Forge imports — bundled into the browser.
 */
import { z } from 'zod';

export const explanationStepKindSchema = z.enum([
  'customer',
  'contract',
  'service',
  'level',
  'priority',
  'target',
  'calendar',
  'fallback', // no contract: the configured best-effort terms apply
  'no-contract', // no contract and no fallback: uncovered
]);
export type ExplanationStepKind = z.infer<typeof explanationStepKindSchema>;

/**
 * One step of "why these terms apply", e.g. kind `service`, value `E-mail`,
 * because `request type 'E-mail problem'`. Texts are composed by the backend in the agent's language.
 */
export const explanationStepSchema = z.object({
  kind: explanationStepKindSchema,
  value: z.string().min(1),
  because: z.string().nullable(),
});
export type ExplanationStep = z.infer<typeof explanationStepSchema>;
