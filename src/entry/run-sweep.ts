/**
 * Scheduled trigger (every five minutes): marks clocks at risk and breached, once each, with an
 * internal note and a notification. Reads open clocks from the storage index, never by scanning Jira.
 */
import { resolveDeps, type DepsSource } from '../app/deps';
import { sweepOpenClocks } from '../app/sweep-open-clocks';
import { productionDeps } from './production-deps';
import { describeError } from './run-trigger';

export function createRunSweep(deps: DepsSource = productionDeps) {
  return async (_request?: unknown): Promise<{ statusCode: number }> => {
    const d = resolveDeps(deps);
    try {
      const report = await sweepOpenClocks(d);
      d.log.info('sweep: done', {
        scanned: report.scanned,
        due: report.due,
        notified: report.notified.length,
        failed: report.failed,
        deferred: report.deferred,
      });
    } catch (error) {
      d.log.error('sweep: failed', describeError(error));
    }
    return { statusCode: 204 };
  };
}

export const runSweep = createRunSweep();
