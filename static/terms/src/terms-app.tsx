/**
 * The Contract Clock terms page (`jira:adminPage` contract-clock-terms): loads the database and the
 * site's Jira names (for the pickers), then shows the forms; a clear notice for non-admins and for
 * failures. All texts come from the message catalogues.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import type { AdminGetData, JiraOptionsData } from '../../../src/contract/admin-api';
import type { ResolverError } from '../../../src/contract/envelope';
import { Notice } from '../../shared/ui/notice';
import { useI18n } from './messages';
import { termsClient } from './terms-client';
import { TermsPage } from './terms-page';

type Load = { status: 'loading' } | { status: 'failed'; error: ResolverError } | { status: 'ready'; data: AdminGetData; options: JiraOptionsData | null; optionsError: ResolverError | null };

export function TermsApp() {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    const [data, options] = await Promise.all([termsClient.get(), termsClient.jiraOptions()]);
    if (!data.ok) setLoad({ status: 'failed', error: data.error });
    else setLoad({ status: 'ready', data: data.data, options: options.ok ? options.data : null, optionsError: options.ok ? null : options.error });
  }, []);
  useEffect(() => {
    void start();
  }, [start]);
  const reload = useCallback(async (): Promise<AdminGetData | null> => {
    const answer = await termsClient.get();
    if (!answer.ok) return null;
    setLoad((current) => (current.status === 'ready' ? { ...current, data: answer.data } : current));
    return answer.data;
  }, []);
  return (
    <main className="terms-root" data-testid="terms-root" data-status={load.status} aria-busy={load.status === 'loading'}>
      {load.status === 'loading' ? (
        <div role="status" className="terms-loading" data-testid="terms-loading">
          <Spinner size="large" label={t('admin.loading')} />
          <span>{t('admin.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' && load.error.code === 'forbidden' ? (
        <div data-testid="terms-forbidden">
          <Notice appearance="warning" title={t('admin.forbidden.title')} role="alert">
            {t('admin.forbidden.body')}
          </Notice>
        </div>
      ) : null}
      {load.status === 'failed' && load.error.code !== 'forbidden' ? (
        <div data-testid="terms-load-error">
          <Notice appearance="error" title={t('admin.loadFailed')} role="alert">
            {`${t(`admin.error.${load.error.code}`)} ${load.error.message}`}
          </Notice>
          <Button onClick={() => void start()}>{t('common.retry')}</Button>
        </div>
      ) : null}
      {load.status === 'ready' ? (
        <>
          {load.optionsError === null ? null : (
            <Notice appearance="warning" title={t('terms.options.failed')}>
              {load.optionsError.message}
            </Notice>
          )}
          <TermsPage loaded={load.data} options={load.options} reload={reload} />
        </>
      ) : null}
    </main>
  );
}
