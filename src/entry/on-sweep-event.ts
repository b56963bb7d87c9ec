/**
 * Queue consumer of `contract-clock-sweep` (@forge/events): one job of the sweep per event — the due
 * clocks of one shard, or a batch of issues to reconcile, repair or adopt (ADR 0017), or the notice
 * reminders due this hour (ADR 0024). A malformed
 * event is logged and dropped; a job that runs out of its time budget pushes what is left itself, and
 * a clock that fails stays due for the next sweep, so the consumer never asks Forge to redeliver.
 */
import Resolver from '@forge/resolver';
import { resolveDeps, type DepsSource } from '../app/deps';
import { sendNoticeReminders } from '../app/renewal-reminders';
import { runSweepJob, sweepJobSchema } from '../app/sweep-open-clocks';
import { queueResolverRequestSchema } from '../contract/forge-events';
import { productionDeps } from './production-deps';
import { ownKeysOnly } from './resolver-kit';
import { describeError } from './run-trigger';

/** The `method` of the consumer module in manifest.yml. */
export const SWEEP_METHOD = 'sweep-clocks';

export function createOnSweepEvent(deps: DepsSource = productionDeps) {
  const resolver = new Resolver();
  resolver.define(SWEEP_METHOD, async (request: unknown) => {
    const d = resolveDeps(deps);
    const parsed = queueResolverRequestSchema(sweepJobSchema).safeParse(request);
    if (!parsed.success) {
      d.log.warn('sweep job: malformed event dropped', { fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5).join(',') });
      return;
    }
    const job = parsed.data.payload;
    try {
      if (job.kind === 'renewals') {
        const report = await sendNoticeReminders(d);
        d.log.info('notice reminders: done', { due: report.due, sent: report.sent.length, alreadyClaimed: report.alreadyClaimed, retryLater: report.retryLater.length, unknown: report.unknown });
        return;
      }
      const report = await runSweepJob(d, job);
      d.log.info('sweep job: done', { handled: report.handled, notified: report.notified.length, failed: report.failed, continued: report.continued });
    } catch (error) {
      d.log.error('sweep job: failed', describeError(error));
    }
  });
  return ownKeysOnly('queue', [SWEEP_METHOD], resolver.getDefinitions());
}

export const onSweepEvent = createOnSweepEvent();
