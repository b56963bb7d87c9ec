/**
 * Queue consumer of `contract-clock-rebuild` (@forge/events): one step of the compliance aggregate
 * rebuild per event. A malformed event is logged and dropped; a failing step throws so Forge
 * redelivers it (steps are idempotent).
 */
import Resolver from '@forge/resolver';
import { resolveDeps, type DepsSource } from '../app/deps';
import { rebuildJobBodySchema, runRebuildStep } from '../app/rebuild-aggregates';
import { queueResolverRequestSchema } from '../contract/forge-events';
import { productionDeps } from './production-deps';
import { ownKeysOnly } from './resolver-kit';
import { describeError } from './run-trigger';

/** The `method` of the consumer module in manifest.yml. */
export const REBUILD_METHOD = 'rebuild-aggregates';

export function createOnRebuildEvent(deps: DepsSource = productionDeps) {
  const resolver = new Resolver();
  resolver.define(REBUILD_METHOD, async (request: unknown) => {
    const d = resolveDeps(deps);
    const parsed = queueResolverRequestSchema(rebuildJobBodySchema).safeParse(request);
    if (!parsed.success) {
      d.log.warn('rebuild: malformed event dropped', { fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5).join(',') });
      return;
    }
    try {
      const progress = await runRebuildStep(d, parsed.data.payload);
      d.log.info('rebuild: step done', { jobId: parsed.data.payload.jobId, phase: parsed.data.payload.phase, outcomes: progress?.outcomes ?? null });
    } catch (error) {
      d.log.error('rebuild: step failed', describeError(error));
      throw error; // Forge redelivers the event; the step is idempotent
    }
  });
  return ownKeysOnly('queue', [REBUILD_METHOD], resolver.getDefinitions());
}

export const onRebuildEvent = createOnRebuildEvent();
