/**
 * The Contract Clock settings page (`jira:adminPage`): loads the contract database with ONE
 * `admin/get` call and shows the loading state, a clear notice for non-admins (forbidden) and for
 * failures, or the page itself. All texts come from the message catalogues.
 */
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useI18n } from './messages';
import { Notice } from '../../shared/ui/notice';
import { failureResult } from './action-result';
import { AdminPage } from './admin-page';
import { ResultRegion } from './components/result-region';
import { useAdminDatabase } from './use-admin-database';

const rootStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.300'),
  maxWidth: '1280px',
  margin: '0 auto',
  padding: `${token('space.300')} ${token('space.300')} ${token('space.600')}`,
  color: token('color.text'),
  font: token('font.body'),
} as const;

export function AdminApp() {
  const { t } = useI18n();
  const { load, reload } = useAdminDatabase();
  return (
    <main className="admin-root" data-testid="admin-root" data-status={load.status} aria-busy={load.status === 'loading'} style={rootStyle}>
      {load.status === 'loading' ? (
        <div role="status" data-testid="admin-loading" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), minHeight: '12rem', justifyContent: 'center' }}>
          <Spinner size="large" label={t('admin.loading')} />
          <span style={{ color: token('color.text.subtle') }}>{t('admin.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' && load.error.code === 'forbidden' ? (
        <div data-testid="admin-forbidden" data-error-code="forbidden">
          <Notice appearance="warning" title={t('admin.forbidden.title')} role="alert">
            {t('admin.forbidden.body')}
          </Notice>
        </div>
      ) : null}
      {load.status === 'failed' && load.error.code !== 'forbidden' ? (
        <div data-testid="admin-load-error" data-error-code={load.error.code} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
          <ResultRegion result={{ ...failureResult(t, load.error), title: t('admin.loadFailed') }} testId="admin-load-error-notice" />
          <div>
            <Button onClick={() => void reload()} testId="admin-retry">
              {t('common.retry')}
            </Button>
          </div>
        </div>
      ) : null}
      {load.status === 'ready' ? <AdminPage data={load.data} refreshing={load.refreshing} refreshError={load.refreshError} reload={reload} /> : null}
    </main>
  );
}
