/**
 * The gadget's view, from one `gadget/get` call: the scope and period; on time and first response;
 * "All Gold agreements met"; a line per customer; what is open now (each count a link to the same
 * JQL search in Jira's issue navigator); the worst breaches (links to the requests); the monthly
 * trend (chart or table); on time per level, service and priority class; and the footnotes
 * (requests without a contract, the way to the review report). Clear empty states.
 */
import { useState, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { BreakdownRow, CustomerSummary, GadgetView as GadgetViewModel, HeadlineVerdict } from '../../../src/contract/compliance-api';
import { headlineTitle, percentText, periodDatesText, periodName, type ComplianceI18n } from '../../shared/compliance/compliance-i18n';
import { LoadError, LoadingState, useResolverLoad } from '../../shared/compliance/load-state';
import { sectionHeadingStyle, subtleStyle, tableStyle, tdNumStyle, tdStyle, thNumStyle, thStyle } from '../../shared/compliance/table-styles';
import { TrendChart } from '../../shared/compliance/trend-chart';
import { issueNavigatorPath, navigateHost, openIssue, openModule } from '../../shared/forge-view';
import { Notice } from '../../shared/ui/notice';
import { gadgetClient } from './gadget-client';
import type { GadgetI18n } from './messages';

/** The review report page's module key in manifest.yml (`jira:globalPage`). */
export const REVIEWS_PAGE_MODULE_KEY = 'contract-clock-reviews';

/** Customers shown before "Show all". */
const CUSTOMERS_SHOWN = 8;

export function GadgetView({ i18n, siteUrl }: { i18n: GadgetI18n; siteUrl: string }) {
  const { load, reload } = useResolverLoad(gadgetClient.get, 'view');
  if (load.status === 'loading') return <LoadingState i18n={i18n} testId="gadget-view-loading" />;
  if (load.status === 'failed') return <LoadError i18n={i18n} error={load.error} onRetry={reload} testId="gadget-error" />;
  return <GadgetBody i18n={i18n} view={load.data} siteUrl={siteUrl} />;
}

function GadgetBody({ i18n, view, siteUrl }: { i18n: GadgetI18n; view: GadgetViewModel; siteUrl: string }) {
  const { t } = i18n;
  const period = periodName(i18n, view.period);
  const nothingResolved = view.figures.resolved === 0;
  return (
    <div data-testid="gadget-view" data-status="ready" style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      <ScopeLine i18n={i18n} view={view} period={period} />
      {!view.hasContracts ? (
        <Notice appearance="information" title={t('gadget.noContracts.title')} testId="gadget-no-contracts">
          {t('gadget.noContracts.body')}
        </Notice>
      ) : nothingResolved ? (
        <Notice appearance="information" title={t('gadget.empty.title', { period })} testId="gadget-empty">
          {t('gadget.empty.body')}
        </Notice>
      ) : (
        <>
          <Headline i18n={i18n} view={view} />
          <CustomerTable i18n={i18n} customers={view.customers} />
        </>
      )}
      <OpenNow i18n={i18n} view={view} siteUrl={siteUrl} />
      <WorstBreaches i18n={i18n} view={view} siteUrl={siteUrl} />
      {nothingResolved ? null : (
        <>
          <TrendChart i18n={i18n} points={view.trend} objectivePercent={objectiveInView(view)} testId="gadget-trend" />
          <BreakdownTables i18n={i18n} view={view} />
        </>
      )}
      <Footnotes i18n={i18n} view={view} />
    </div>
  );
}

/** The objective to draw on the trend: the level's when one level is in view. */
function objectiveInView(view: GadgetViewModel): number | null {
  if (view.scope.level === null) return null;
  return view.breakdown.level.find((row) => row.key === view.scope.level?.id)?.objectivePercent ?? null;
}

function ScopeLine({ i18n, view, period }: { i18n: GadgetI18n; view: GadgetViewModel; period: string }) {
  const { t } = i18n;
  const parts = [
    view.scope.customer?.name ?? t('compliance.customer.all'),
    view.scope.service?.name ?? null,
    view.scope.level?.name ?? null,
  ].filter((part): part is string => part !== null);
  return (
    <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <div data-testid="gadget-scope" style={{ font: token('font.heading.small'), color: token('color.text') }}>
        {t('gadget.scope', { scope: parts.join(' · '), period })}
      </div>
      <div data-testid="gadget-period-dates" style={subtleStyle}>
        {periodDatesText(i18n, view.period)}
      </div>
    </header>
  );
}

function Stat({ label, value, detail, testId, tone }: { label: string; value: ReactNode; detail: string; testId: string; tone?: 'danger' | 'success' }) {
  const colour = tone === 'danger' ? token('color.text.danger') : tone === 'success' ? token('color.text.success') : token('color.text');
  return (
    <div data-testid={testId} style={{ flex: '1 1 180px', minWidth: 0, padding: token('space.150'), borderRadius: token('radius.medium'), background: token('color.background.neutral.subtle'), border: `1px solid ${token('color.border')}` }}>
      <div style={subtleStyle}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ font: token('font.heading.large'), color: colour }}>
        {value}
      </div>
      <div style={subtleStyle}>{detail}</div>
    </div>
  );
}

function headlineValue(i18n: ComplianceI18n, headline: HeadlineVerdict): string {
  const { t } = i18n;
  if (!headline.applicable) return t('compliance.notApplicable');
  const word = headline.met ? t('compliance.headline.yes') : t('compliance.headline.no');
  return headline.missedRequests === 0 ? word : `${word} (${t('compliance.headline.missed', { count: headline.missedRequests })})`;
}

function Headline({ i18n, view }: { i18n: GadgetI18n; view: GadgetViewModel }) {
  const { t } = i18n;
  const { figures, headline } = view;
  return (
    <section aria-label={t('gadget.headline.label')} style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
      <Stat
        label={t('compliance.onTime')}
        value={percentText(i18n, figures.onTimePercent)}
        detail={t('compliance.figures.detail', { met: figures.met, resolved: figures.resolved })}
        testId="gadget-on-time"
      />
      <Stat
        label={t('compliance.firstResponse')}
        value={percentText(i18n, figures.responsePercent)}
        detail={
          figures.responseMet + figures.responseMissed === 0
            ? t('compliance.response.none')
            : t('compliance.response.detail', { met: figures.responseMet, total: figures.responseMet + figures.responseMissed })
        }
        testId="gadget-first-response"
      />
      <Stat
        label={headlineTitle(i18n, headline.levels)}
        value={headlineValue(i18n, headline)}
        detail={headline.applicable ? t('gadget.headline.agreements', { missed: headline.missedAgreements }) : t('compliance.headline.notApplicable')}
        testId="gadget-gold"
        {...(headline.applicable ? { tone: headline.met ? ('success' as const) : ('danger' as const) } : {})}
      />
    </section>
  );
}

function VerdictLozenge({ i18n, summary }: { i18n: ComplianceI18n; summary: CustomerSummary }) {
  const { t } = i18n;
  if (!summary.headline.applicable) return <span style={subtleStyle}>{t('compliance.notApplicable')}</span>;
  return (
    <span
      data-verdict={summary.headline.met ? 'met' : 'missed'}
      style={{
        display: 'inline-block',
        padding: `0 ${token('space.050')}`,
        borderRadius: token('radius.small'),
        font: token('font.body.small'),
        fontWeight: token('font.weight.semibold'),
        background: summary.headline.met ? token('color.background.success') : token('color.background.danger'),
        color: summary.headline.met ? token('color.text.success') : token('color.text.danger'),
        whiteSpace: 'nowrap',
      }}
    >
      {headlineValue(i18n, summary.headline)}
    </span>
  );
}

function CustomerTable({ i18n, customers }: { i18n: GadgetI18n; customers: readonly CustomerSummary[] }) {
  const { t } = i18n;
  const [all, setAll] = useState(false);
  if (customers.length === 0) return null;
  const shown = all ? customers : customers.slice(0, CUSTOMERS_SHOWN);
  const goldHeader = headlineTitle(i18n, customers[0]?.headline.levels ?? []);
  return (
    <section aria-labelledby="gadget-customers-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <h2 id="gadget-customers-heading" style={sectionHeadingStyle}>
        {t('gadget.customers.title')}
      </h2>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="gadget-customers" style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>{t('compliance.customer')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.firstResponse')}</th>
              <th scope="col" style={thStyle}>{goldHeader}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((summary) => (
              <tr key={summary.customer.id} data-customer={summary.customer.id}>
                <th scope="row" style={tdStyle}>{summary.customer.name}</th>
                <td style={tdNumStyle}>{summary.figures.resolved}</td>
                <td style={tdNumStyle}>{percentText(i18n, summary.figures.onTimePercent)}</td>
                <td style={tdNumStyle}>{percentText(i18n, summary.figures.responsePercent)}</td>
                <td style={tdStyle}>
                  <VerdictLozenge i18n={i18n} summary={summary} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {customers.length > CUSTOMERS_SHOWN ? (
        <div>
          <button type="button" className="cc-link cc-no-print" data-testid="gadget-customers-toggle" onClick={() => { setAll(!all); }} style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', font: token('font.body.small') }}>
            {all ? t('gadget.customers.showFewer') : t('gadget.customers.showAll', { count: customers.length })}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** A link that opens a site page in the host (Custom UI frames may not navigate the top window). */
function HostLink({ siteUrl, path, navigate, children, testId, className = 'cc-link', style, label }: {
  siteUrl: string;
  path: string;
  navigate: () => Promise<void>;
  children: ReactNode;
  testId: string;
  className?: string;
  style?: CSSProperties;
  label?: string;
}) {
  return (
    <a
      href={`${siteUrl}${path}`}
      className={className}
      data-testid={testId}
      aria-label={label}
      style={style}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        void navigate();
      }}
    >
      {children}
    </a>
  );
}

function OpenNow({ i18n, view, siteUrl }: { i18n: GadgetI18n; view: GadgetViewModel; siteUrl: string }) {
  const { t } = i18n;
  const tiles = [
    { key: 'running', label: t('gadget.open.running'), count: view.open.running, colour: token('color.text.information') },
    { key: 'paused', label: t('gadget.open.paused'), count: view.open.paused, colour: token('color.text.subtle') },
    { key: 'at-risk', label: t('gadget.open.atRisk'), count: view.open.atRisk, colour: token('color.text.warning') },
    { key: 'breached', label: t('gadget.open.breached'), count: view.open.breached, colour: token('color.text.danger') },
  ] as const;
  return (
    <section aria-labelledby="gadget-open-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <h2 id="gadget-open-heading" style={sectionHeadingStyle}>
        {t('gadget.open.title')}
      </h2>
      <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
        {tiles.map((tile) => {
          const path = issueNavigatorPath(tile.count.jql);
          return (
            <HostLink
              key={tile.key}
              siteUrl={siteUrl}
              path={path}
              navigate={() => navigateHost(path)}
              testId={`gadget-open-${tile.key}`}
              className="cc-tile"
              label={t('gadget.open.linkLabel', { count: tile.count.count, state: tile.label })}
              style={{ flex: '1 1 110px', display: 'flex', flexDirection: 'column', padding: token('space.100'), borderRadius: token('radius.medium'), border: `1px solid ${token('color.border')}` }}
            >
              <span style={{ font: token('font.heading.medium'), color: tile.colour }} data-testid={`gadget-open-${tile.key}-count`}>
                {tile.count.count}
              </span>
              <span style={subtleStyle}>{tile.label}</span>
            </HostLink>
          );
        })}
      </div>
    </section>
  );
}

function WorstBreaches({ i18n, view, siteUrl }: { i18n: GadgetI18n; view: GadgetViewModel; siteUrl: string }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="gadget-worst-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <h2 id="gadget-worst-heading" style={sectionHeadingStyle}>
        {t('gadget.worst.title')}
      </h2>
      {view.worstBreaches.length === 0 ? (
        <p data-testid="gadget-worst-none" style={{ ...subtleStyle, margin: 0 }}>
          {t('gadget.worst.none')}
        </p>
      ) : (
        <ol data-testid="gadget-worst" style={{ margin: 0, paddingLeft: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
          {view.worstBreaches.map((breach) => (
            <li key={breach.issueKey} data-issue-key={breach.issueKey}>
              <HostLink siteUrl={siteUrl} path={`/browse/${breach.issueKey}`} navigate={() => openIssue(breach.issueKey)} testId={`gadget-breach-${breach.issueKey}`}>
                {breach.issueKey}
              </HostLink>{' '}
              {breach.summary}
              <div style={subtleStyle}>
                {[breach.customer?.name, breach.service?.name, breach.level.name, breach.priorityClass].filter((part): part is string => part !== undefined).join(' · ')}
                {' — '}
                <strong style={{ color: token('color.text.danger') }}>{t('compliance.overdue', { duration: i18n.duration(breach.overdueMinutes) })}</strong>
                {breach.resolvedAt === null ? ` · ${t('compliance.stillOpen')}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
      {view.worstBreachesIncomplete ? <p style={{ ...subtleStyle, margin: 0 }}>{t('gadget.worst.incomplete')}</p> : null}
    </section>
  );
}

type Dimension = 'level' | 'service' | 'priorityClass';

function BreakdownTables({ i18n, view }: { i18n: GadgetI18n; view: GadgetViewModel }) {
  const { t } = i18n;
  const [dimension, setDimension] = useState<Dimension>('level');
  const rows: readonly BreakdownRow[] = view.breakdown[dimension];
  const dimensions: Dimension[] = ['level', 'service', 'priorityClass'];
  return (
    <section aria-labelledby="gadget-breakdown-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <h2 id="gadget-breakdown-heading" style={sectionHeadingStyle}>
          {t('gadget.breakdown.title')}
        </h2>
        <div role="group" aria-label={t('gadget.breakdown.by')} style={{ display: 'flex' }}>
          {dimensions.map((d, index) => (
            <button
              key={d}
              type="button"
              className="cc-segment"
              aria-pressed={dimension === d}
              data-testid={`gadget-breakdown-${d}`}
              onClick={() => {
                setDimension(d);
              }}
              style={{
                font: token('font.body.small'),
                padding: `${token('space.050')} ${token('space.150')}`,
                border: `1px solid ${token('color.border')}`,
                marginLeft: index === 0 ? 0 : -1,
                borderRadius: index === 0 ? '3px 0 0 3px' : index === dimensions.length - 1 ? '0 3px 3px 0' : 0,
                background: token('color.background.neutral.subtle'),
                color: token('color.text'),
                cursor: 'pointer',
              }}
            >
              {t(`compliance.dimension.${d}`)}
            </button>
          ))}
        </div>
      </div>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="gadget-breakdown" data-dimension={dimension} style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>{t(`compliance.dimension.${dimension}`)}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.missed')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
              {dimension === 'level' ? <th scope="col" style={thNumStyle}>{t('compliance.objective')}</th> : null}
              <th scope="col" style={thNumStyle}>{t('compliance.firstResponse')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" style={tdStyle}>{row.name}</th>
                <td style={tdNumStyle}>{row.figures.resolved}</td>
                <td style={tdNumStyle}>{row.figures.missed}</td>
                <td style={tdNumStyle}>{percentText(i18n, row.figures.onTimePercent)}</td>
                {dimension === 'level' ? <td style={tdNumStyle}>{row.objectivePercent === null ? t('compliance.objective.none') : percentText(i18n, row.objectivePercent)}</td> : null}
                <td style={tdNumStyle}>{percentText(i18n, row.figures.responsePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Footnotes({ i18n, view }: { i18n: GadgetI18n; view: GadgetViewModel }) {
  const { t } = i18n;
  return (
    <footer style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), ...subtleStyle }}>
      {view.withoutContract > 0 ? <div data-testid="gadget-without-contract">{t('compliance.withoutContract', { count: view.withoutContract })}</div> : null}
      <div className="cc-no-print">
        <button
          type="button"
          className="cc-link"
          data-testid="gadget-open-report"
          style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', font: token('font.body.small') }}
          onClick={() => {
            void openModule(REVIEWS_PAGE_MODULE_KEY);
          }}
        >
          {t('gadget.openReport')}
        </button>
      </div>
    </footer>
  );
}
