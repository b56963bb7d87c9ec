/**
 * "Your agreement" — the portal's request detail panel: the request's service and level, and in
 * plain words when we expect to resolve it and to respond first, in the customer's own time zone
 * (and in the zone of our business hours when that differs). A link opens "My contract".
 */
import { token } from '@atlaskit/tokens';
import type { CustomerExpectation, PortalRequestView } from '../../../src/contract/portal-api';
import { zonesShowSameTime } from '../../../src/i18n/format';
import { navigateToSitePath } from '../../shared/forge-bridge';
import { Notice } from '../../shared/ui/notice';
import { LevelName } from './components/level-name';
import { LoadState } from './components/load-state';
import { formatCustomerInstant, instantOf, wordExpectation } from './customer-words';
import { useI18n } from './messages';
import { portalClient } from './portal-client';
import { useLoad } from './use-load';

/** JSM's customer profile page, where the "My contract" profile panel shows. */
export const PROFILE_PAGE_PATH = '/servicedesk/customer/user/profile';

const labelStyle = { color: token('color.text.subtle'), font: token('font.body.small') } as const;
const subtleStyle = { color: token('color.text.subtlest'), font: token('font.body.small') } as const;
const agreementGrid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(5.5rem, max-content) 1fr',
  columnGap: token('space.150'),
  rowGap: token('space.075'),
  alignItems: 'baseline',
  margin: 0,
  padding: 0,
} as const;

export function RequestPanel() {
  const { load, reload } = useLoad(portalClient.request);
  return (
    <div data-testid="portal-request" data-status={load.status === 'ready' ? load.view.status : load.status}>
      <LoadState load={load} onRetry={reload} testId="portal-request">
        {(view) => <RequestView view={view} />}
      </LoadState>
    </div>
  );
}

function RequestView({ view }: { view: PortalRequestView }) {
  const { t } = useI18n();
  const reason = view.notCoveredReason === null ? null : <div style={subtleStyle} data-testid="portal-not-covered-reason">{t(`notCovered.${view.notCoveredReason}`)}</div>;
  const notice =
    view.status === 'pending' ? t('request.pending') : view.status === 'not-covered' ? t('request.notCovered') : view.status === 'unavailable' ? t('request.unavailable') : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {view.agreement === null ? null : (
        <dl data-testid="portal-agreement" style={agreementGrid}>
          {view.agreement.service === null ? null : (
            <>
              <dt style={labelStyle}>{t('request.service')}</dt>
              <dd style={{ margin: 0 }} data-testid="portal-service">
                {view.agreement.service}
              </dd>
            </>
          )}
          <dt style={labelStyle}>{t('request.level')}</dt>
          <dd style={{ margin: 0 }}>
            <LevelName name={view.agreement.level.name} colour={view.agreement.level.colour} testId="portal-level" />
            {view.agreement.bespoke ? <div style={subtleStyle}>{t('request.bespoke')}</div> : null}
          </dd>
          {view.agreement.contractName === null ? null : (
            <>
              <dt style={labelStyle}>{t('request.contract')}</dt>
              <dd style={{ margin: 0 }} data-testid="portal-contract-name">
                {view.agreement.contractName}
              </dd>
            </>
          )}
        </dl>
      )}
      {view.agreement?.bestEffort === true ? (
        <Notice appearance="information" testId="portal-best-effort">
          <div>{t('request.bestEffort')}</div>
          {reason}
        </Notice>
      ) : null}
      {notice === null ? null : (
        <Notice appearance="information" testId="portal-request-notice">
          <div>{notice}</div>
          {view.status === 'not-covered' ? reason : null}
        </Notice>
      )}
      {view.resolution === null ? null : <ExpectationBlock view={view} target="resolution" expectation={view.resolution} />}
      {view.response === null ? null : <ExpectationBlock view={view} target="response" expectation={view.response} />}
      {view.resolution === null && view.response === null ? null : (
        <div style={subtleStyle} data-testid="portal-your-zone">
          {t('time.yourZone', { zone: view.timeZone })}
        </div>
      )}
      <div>
        {/* A real link (keyboard, screen readers); the host navigates the page, not the iframe. */}
        <a
          href={PROFILE_PAGE_PATH}
          data-testid="portal-my-contract-link"
          style={{ color: token('color.link') }}
          onClick={(event) => {
            event.preventDefault();
            void navigateToSitePath(PROFILE_PAGE_PATH);
          }}
        >
          {t('request.myContract')}
        </a>
      </div>
    </div>
  );
}

function ExpectationBlock({ view, target, expectation }: { view: PortalRequestView; target: 'resolution' | 'response'; expectation: CustomerExpectation }) {
  const { t, locale } = useI18n();
  const now = new Date(view.computedAt);
  const time = (iso: string, zone: string) => formatCustomerInstant(iso, zone, locale, now);
  const at = instantOf(expectation);
  const other = view.calendarTimeZone !== null && at !== null && !zonesShowSameTime(at, view.timeZone, view.calendarTimeZone) ? view.calendarTimeZone : null;
  return (
    <section data-testid={`portal-${target}`} data-kind={expectation.kind} style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <span style={labelStyle}>{target === 'resolution' ? t('request.resolution') : t('request.response')}</span>
      <strong data-testid={`portal-${target}-text`} style={{ font: token('font.body.large') }}>
        {wordExpectation(t, target, expectation, (iso) => time(iso, view.timeZone))}
      </strong>
      {other === null || at === null ? null : (
        <span style={subtleStyle} data-testid={`portal-${target}-other-zone`}>
          {t('time.otherZone', { time: time(at, other), zone: other })}
        </span>
      )}
    </section>
  );
}
