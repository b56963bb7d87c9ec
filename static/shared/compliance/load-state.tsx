/**
 * Loading and failure states of the managers' surfaces: a spinner with text while the one resolver
 * call runs, and the error in the reader's language — "who may see this" for `forbidden`, a retry for
 * everything else — with the backend's message as detail.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { Envelope, ResolverError } from '../../../src/contract/envelope';
import { Notice } from '../ui/notice';
import type { ComplianceI18n } from './compliance-i18n';

export type Load<T> = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; data: T; refreshing: boolean };

/**
 * Runs a resolver call on mount and whenever `key` changes (the last view stays while a new one
 * loads; late answers of superseded calls are dropped).
 */
export function useResolverLoad<T>(call: () => Promise<Envelope<T>>, key: string): { load: Load<T>; reload: () => void } {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const latest = useRef(0);
  const callRef = useRef(call);
  callRef.current = call;
  const run = useCallback(() => {
    latest.current += 1;
    const request = latest.current;
    setLoad((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    void callRef.current().then((answer) => {
      if (request !== latest.current) return;
      setLoad(answer.ok ? { status: 'ready', data: answer.data, refreshing: false } : { status: 'failed', error: answer.error });
    });
  }, []);
  useEffect(() => {
    run();
  }, [run, key]);
  return { load, reload: run };
}

export function LoadingState({ i18n, testId }: { i18n: ComplianceI18n; testId: string }) {
  return (
    <div role="status" data-testid={testId} style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.100') }}>
      <Spinner size="medium" label={i18n.t('compliance.loading')} />
      <span style={{ color: token('color.text.subtle') }}>{i18n.t('compliance.loading')}</span>
    </div>
  );
}

export function LoadError({ i18n, error, onRetry, testId }: { i18n: ComplianceI18n; error: ResolverError; onRetry: () => void; testId: string }) {
  const { t } = i18n;
  if (error.code === 'forbidden') {
    return (
      <div data-testid={testId} data-error-code={error.code}>
        <Notice appearance="warning" title={t('compliance.forbidden.title')}>
          {t('compliance.forbidden.body')}
        </Notice>
      </div>
    );
  }
  return (
    <div data-testid={testId} data-error-code={error.code}>
      <Notice
        appearance="error"
        role="alert"
        title={t('compliance.loadFailed')}
        actions={
          <Button onClick={onRetry} testId={`${testId}-retry`}>
            {t('common.retry')}
          </Button>
        }
      >
        <div>{t(`compliance.error.${error.code}`)}</div>
        {error.message.trim() === '' ? null : (
          <div style={{ marginTop: token('space.050'), font: token('font.body.small'), color: token('color.text.subtle') }}>{t('error.details', { message: error.message })}</div>
        )}
      </Notice>
    </div>
  );
}
