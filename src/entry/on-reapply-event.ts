/**
 * Queue consumer of `contract-clock-reapply` (@forge/events): one step of a re-apply to open
 * requests (preview or apply) per event. A malformed event is logged and dropped; a failing step
 * throws so Forge redelivers it (a step that was already done is recognised and skipped).
 */
import Resolver from '@forge/resolver';
import { resolveDeps, type DepsSource } from '../app/deps';
import { reapplyStepSchema, runReapplyStep } from '../app/reapply-open-clocks';
import { queueResolverRequestSchema } from '../contract/forge-events';
import { productionDeps } from './production-deps';
import { ownKeysOnly } from './resolver-kit';
import { describeError } from './run-trigger';

/** The `method` of the consumer module in manifest.yml. */
export const REAPPLY_METHOD = 'reapply-terms';

export function createOnReapplyEvent(deps: DepsSource = productionDeps) {
  const resolver = new Resolver();
  resolver.define(REAPPLY_METHOD, async (request: unknown) => {
    const d = resolveDeps(deps);
    const parsed = queueResolverRequestSchema(reapplyStepSchema).safeParse(request);
    if (!parsed.success) {
      d.log.warn('reapply: malformed event dropped', { fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5).join(',') });
      return;
    }
    try {
      const job = await runReapplyStep(d, parsed.data.payload);
      d.log.info('reapply: step done', { jobId: parsed.data.payload.jobId, step: parsed.data.payload.step, status: job?.status ?? 'skipped', scanned: job?.scanned ?? null });
    } catch (error) {
      d.log.error('reapply: step failed', describeError(error));
      throw error; // Forge redelivers the event; a step that was done is skipped
    }
  });
  return ownKeysOnly('queue', [REAPPLY_METHOD], resolver.getDefinitions());
}

export const onReapplyEvent = createOnReapplyEvent();
