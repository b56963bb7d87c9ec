/**
 * Loads the panel's view model with ONE resolver call (`panel/get`) and reloads it after every
 * action. While reloading, the last view stays on screen; a failed reload keeps it and reports
 * the error beside it. Late answers of superseded requests are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { PanelView } from '../../../src/contract/panel-api';
import { panelClient } from './panel-client';

export type PanelLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ResolverError }
  | { status: 'ready'; view: PanelView; refreshing: boolean; refreshError: ResolverError | null };

export function usePanelView(): { load: PanelLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<PanelLoad>({ status: 'loading' });
  const latestRequest = useRef(0);

  const reload = useCallback(async () => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setLoad((current) =>
      current.status === 'ready' ? { ...current, refreshing: true, refreshError: null } : { status: 'loading' },
    );
    const answer = await panelClient.get();
    if (request !== latestRequest.current) return;
    setLoad((current) => {
      if (answer.ok) return { status: 'ready', view: answer.data, refreshing: false, refreshError: null };
      return current.status === 'ready'
        ? { ...current, refreshing: false, refreshError: answer.error }
        : { status: 'failed', error: answer.error };
    });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { load, reload };
}
