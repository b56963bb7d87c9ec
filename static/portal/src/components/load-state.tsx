/**
 * What a panel shows while its view loads or when loading failed: a spinner with a label, or a
 * notice in the customer's language with "Try again" where trying again can help.
 */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { Notice } from '../../../shared/ui/notice';
import { useI18n } from '../messages';
import type { Load } from '../use-load';

export function LoadState<T>({ load, onRetry, testId, children }: { load: Load<T>; onRetry: () => void; testId: string; children: (view: T) => ReactNode }) {
  const { t } = useI18n();
  if (load.status === 'loading') {
    return (
      <div role="status" data-testid={`${testId}-loading`} style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <Spinner size="medium" label={t('portal.loading')} />
        <span style={{ color: token('color.text.subtle') }}>{t('portal.loading')}</span>
      </div>
    );
  }
  if (load.status === 'failed') {
    const retry = load.error.code === 'unavailable' || load.error.code === 'internal';
    return (
      <div data-testid={`${testId}-error`} data-error-code={load.error.code}>
        <Notice
          appearance={load.error.code === 'forbidden' || load.error.code === 'not-found' ? 'information' : 'error'}
          role="alert"
          title={t('portal.loadFailed')}
          {...(retry
            ? {
                actions: (
                  <Button onClick={onRetry} testId={`${testId}-retry`}>
                    {t('common.retry')}
                  </Button>
                ),
              }
            : {})}
        >
          {t(`error.${load.error.code}`)}
        </Notice>
      </div>
    );
  }
  return <>{children(load.view)}</>;
}
