/**
 * Loads a view with one resolver call when the panel mounts, and again on `reload`. Late answers of
 * superseded calls are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope, ResolverError } from '../../../src/contract/envelope';

export type Load<T> = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; view: T };

export function useLoad<T>(fetchView: () => Promise<Envelope<T>>): { load: Load<T>; reload: () => void } {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(() => {
    latest.current += 1;
    const call = latest.current;
    setLoad({ status: 'loading' });
    void fetchView().then((answer) => {
      if (call !== latest.current) return;
      setLoad(answer.ok ? { status: 'ready', view: answer.data } : { status: 'failed', error: answer.error });
    });
  }, [fetchView]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { load, reload };
}
