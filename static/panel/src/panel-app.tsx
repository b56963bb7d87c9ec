/**
 * The Contract Clock issue panel: loads the view model with one `panel/get` call and shows the
 * state, time left, deadlines, terms, the agent's actions and the details (why, pauses, history).
 * Every action reloads through `panel/get`; its result is announced in an aria-live region and
 * focus lands on the status. All texts come from the message catalogues.
 */
import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { PanelUncovered, PanelView } from '../../../src/contract/panel-api';
import { navigateToModule } from '../../shared/forge-bridge';
import { useI18n } from './messages';
import { Disclosure } from '../../shared/ui/disclosure';
import { Notice } from '../../shared/ui/notice';
import { ActionBar } from './components/action-bar';
import { ClockActionForm } from './components/clock-action-form';
import { ErrorNotice } from './components/error-notice';
import { ExplanationList } from './components/explanation-list';
import { HistoryList } from './components/history-list';
import { PausesList } from './components/pauses-list';
import { ReapplyForm } from './components/reapply-form';
import { StatusSummary } from './components/status-summary';
import { TellCustomerForm } from './components/tell-customer-form';
import { TermsList } from './components/terms-list';
import { listAllowedActions, type PanelAction } from './panel-actions';
import { usePanelView } from './use-panel-view';
import { appRootStyle } from '../../shared/ui/app-root-style';

/** The admin page's module key in manifest.yml (`jira:adminPage`). */
export const ADMIN_PAGE_MODULE_KEY = 'contract-clock-admin';

export function PanelApp() {
  const { t } = useI18n();
  const { load, reload } = usePanelView();

  return (
    <main data-testid="panel-root" data-status={load.status} aria-busy={load.status === 'loading'} style={appRootStyle}>
      {load.status === 'loading' ? (
        <div role="status" data-testid="panel-loading" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <Spinner size="medium" label={t('panel.loading')} />
          <span style={{ color: token('color.text.subtle') }}>{t('panel.loading')}</span>
        </div>
      ) : null}
      {load.status === 'failed' ? (
        <div data-testid="panel-load-error">
          <ErrorNotice
            title={t('panel.loadFailed')}
            error={load.error}
            onReload={() => void reload()}
            onRetry={() => void reload()}
            testId="panel-load-error-notice"
          />
        </div>
      ) : null}
      {load.status === 'ready' ? (
        <PanelBody view={load.view} refreshing={load.refreshing} refreshError={load.refreshError} reload={reload} />
      ) : null}
    </main>
  );
}

interface PanelBodyProps {
  view: PanelView;
  refreshing: boolean;
  refreshError: Extract<ReturnType<typeof usePanelView>['load'], { status: 'ready' }>['refreshError'];
  reload: () => Promise<void>;
}

function PanelBody({ view, refreshing, refreshError, reload }: PanelBodyProps) {
  const { t } = useI18n();
  const [active, setActive] = useState<PanelAction | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const status = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const agentZone = view.viewer.timeZone;
  const termsHeadingId = useId();
  const showActionsArea = announcement !== null || active !== null || listAllowedActions(view.can).length > 0;

  function open(action: PanelAction, button: HTMLElement): void {
    opener.current = button;
    setAnnouncement(null);
    setActive((current) => (current === action ? null : action));
  }

  function cancel(): void {
    setActive(null);
    opener.current?.focus();
  }

  function done(message: string): void {
    setActive(null);
    setAnnouncement(message);
    status.current?.focus();
    void reload();
  }

  const formProps = { view, onDone: done, onCancel: cancel, onReload: () => void reload() };

  return (
    <>
      <StatusSummary ref={status} view={view} />

      {view.uncovered !== null || view.state === 'uncovered' ? (
        <UncoveredNotice uncovered={view.uncovered} isJiraAdmin={view.viewer.isJiraAdmin} />
      ) : null}
      {view.state === 'error' ? (
        <Notice appearance="error" title={t('problem.title')} testId="panel-problem">
          {view.problem ?? t('problem.unknown')}
        </Notice>
      ) : null}

      {refreshing ? (
        <div data-testid="panel-refreshing" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), color: token('color.text.subtle') }}>
          <Spinner size="small" label={t('common.updating')} />
          <span>{t('common.updating')}</span>
        </div>
      ) : null}
      {refreshError === null ? null : <ErrorNotice error={refreshError} onReload={() => void reload()} onRetry={() => void reload()} testId="panel-refresh-error" />}

      {showActionsArea ? (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {/* In the DOM before any result, so screen readers announce the result when it appears. */}
          <div role="status" aria-live="polite" data-testid="panel-live">
            {announcement === null ? null : (
              <div style={{ paddingBottom: token('space.150') }}>
                <Notice appearance="success" testId="action-result">
                  {announcement}
                </Notice>
              </div>
            )}
          </div>
          <ActionBar can={view.can} active={active} disabled={refreshing} onOpen={open} />
          {active === null ? null : (
            <div style={{ marginTop: token('space.150') }}>
              {active === 'tell' ? <TellCustomerForm {...formProps} /> : null}
              {active === 'reapply' ? <ReapplyForm {...formProps} /> : null}
              {active === 'pause' || active === 'resume' || active === 'extend' ? (
                <ClockActionForm key={active} action={active} {...formProps} />
              ) : null}
            </div>
          )}
        </div>
      ) : null}

      {view.terms === null ? null : (
        <section aria-labelledby={termsHeadingId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          <Heading size="xxsmall" as="h3" id={termsHeadingId}>
            {t('terms.title')}
          </Heading>
          <TermsList terms={view.terms} resolution={view.resolution} />
        </section>
      )}

      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), borderTop: `${token('border.width')} solid ${token('color.border')}`, paddingTop: token('space.100') }}>
        <Disclosure
          title={t(view.state === 'uncovered' ? 'explanation.titleUncovered' : 'explanation.title')}
          testId="panel-explanation"
          defaultOpen={view.state === 'uncovered' || view.state === 'error'}
        >
          <ExplanationList steps={view.explanation} />
        </Disclosure>
        <Disclosure title={t('pauses.title', { count: view.pauses.length })} testId="panel-pauses">
          <PausesList pauses={view.pauses} agentZone={agentZone} />
        </Disclosure>
        <Disclosure title={t('history.title', { count: view.history.length })} testId="panel-history">
          <HistoryList entries={view.history} agentZone={agentZone} />
        </Disclosure>
      </div>
    </>
  );
}

/**
 * Why no contract covers the request (no contract, expired, not in force, service not covered) and
 * the out-of-contract rate when the contract defines one (issue 11 item 4); admins get the way to the
 * settings. The message for the customer is the action bar's "Tell the customer", which opens on
 * the not-covered draft — offered there only, not twice.
 */
function UncoveredNotice({ uncovered, isJiraAdmin }: { uncovered: PanelUncovered | null; isJiraAdmin: boolean }) {
  const { t } = useI18n();
  const actions = (
    <Button
      testId="settings-link"
      onClick={() => {
        void navigateToModule(ADMIN_PAGE_MODULE_KEY);
      }}
    >
      {t('uncovered.settings')}
    </Button>
  );
  const subtle = { marginTop: token('space.050'), color: token('color.text.subtle') } as const;
  return (
    <Notice
      appearance="information"
      title={t('uncovered.title')}
      testId="panel-uncovered"
      {...(isJiraAdmin ? { actions } : {})}
    >
      {uncovered === null ? (
        <div>{t('uncovered.body')}</div>
      ) : (
        <div data-testid="uncovered-reason" data-reason={uncovered.reason}>
          {uncovered.reason === 'no-organization' || uncovered.reason === 'unknown-organization'
            ? t(`uncovered.reason.${uncovered.reason}`)
            : t(`uncovered.reason.${uncovered.reason}`, { contract: uncovered.contract ?? 'none', service: uncovered.service ?? 'none' })}
        </div>
      )}
      {uncovered?.bestEffort === true ? <div style={subtle}>{t('uncovered.bestEffort')}</div> : null}
      {uncovered?.rate == null ? null : (
        <div data-testid="uncovered-rate" style={{ marginTop: token('space.050') }}>
          {t('uncovered.rate', { rate: uncovered.rate })}
          {uncovered.pricesHidden ? <div style={subtle}>{t('uncovered.pricesHidden')}</div> : null}
        </div>
      )}
      {isJiraAdmin ? null : <div style={subtle}>{t('uncovered.askAdmin')}</div>}
    </Notice>
  );
}
