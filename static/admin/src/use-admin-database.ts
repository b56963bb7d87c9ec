/**
 * Loads the contract database with `admin/get` and reloads it after a save or an import. While
 * reloading, the last answer stays on screen; a failed reload keeps it and reports the error
 * beside it. Late answers of superseded requests are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminGetData } from '../../../src/contract/admin-api';
import type { ResolverError } from '../../../src/contract/envelope';
import { adminClient } from './admin-client';

export type AdminLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ResolverError }
  | { status: 'ready'; data: AdminGetData; refreshing: boolean; refreshError: ResolverError | null };

export function useAdminDatabase(): { load: AdminLoad; reload: () => Promise<AdminGetData | null> } {
  const [load, setLoad] = useState<AdminLoad>({ status: 'loading' });
  const latestRequest = useRef(0);

  /** Fetches again; answers the new data, or null when it failed or a newer request superseded it. */
  const reload = useCallback(async (): Promise<AdminGetData | null> => {
    latestRequest.current += 1;
    const request = latestRequest.current;
    setLoad((current) =>
      current.status === 'ready' ? { ...current, refreshing: true, refreshError: null } : { status: 'loading' },
    );
    const answer = await adminClient.get();
    if (request !== latestRequest.current) return null;
    setLoad((current) => {
      if (answer.ok) return { status: 'ready', data: answer.data, refreshing: false, refreshError: null };
      return current.status === 'ready'
        ? { ...current, refreshing: false, refreshError: answer.error }
        : { status: 'failed', error: answer.error };
    });
    return answer.ok ? answer.data : null;
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { load, reload };
}
