/**
 * Scheduled trigger (every five minutes): finds the clocks that are due, the requests whose clock
 * needs repair and the clocks still in the old storage format, and queues them for the sweep's
 * consumer (on-sweep-event.ts). Reads the due index in app storage, never every open clock.
 */
import { resolveDeps, type DepsSource } from '../app/deps';
import { startSweep } from '../app/sweep-open-clocks';
import { productionDeps } from './production-deps';
import { describeError } from './run-trigger';

export function createRunSweep(deps: DepsSource = productionDeps) {
  return async (_request?: unknown): Promise<{ statusCode: number }> => {
    const d = resolveDeps(deps);
    try {
      const report = await startSweep(d);
      d.log.info('sweep: queued', { due: report.due, repair: report.repair, adopt: report.adopt, renewals: report.renewals, jobs: report.jobs });
    } catch (error) {
      d.log.error('sweep: failed', describeError(error));
    }
    return { statusCode: 204 };
  };
}

export const runSweep = createRunSweep();
