/**
 * The review document for the meeting with the customer, in sections that each start a new page when
 * printed: summary (on time against the previous period, "All Gold agreements met", per customer),
 * objectives per level, the contracts in force (versions, services × levels with targets, coverage
 * hours and monthly prices, bespoke terms marked, and what each version is worth per month and per
 * year), the contracts whose notice date or end of term is in the next 90 days (account manager,
 * notice reminder), volume per service / level / priority class (the CSV's rows), the monthly trend, the service
 * credits due per service and month (the credits CSV's rows), every missed request with its
 * extensions, and the requests without a contract. Shows what the backend computed; formats only.
 */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { ComplianceFigures, CreditRow, LevelVerdict, MissedRequest, ReviewReport, VolumeRow } from '../../../src/contract/compliance-api';
import type { ContractInForce, TermTarget } from '../../../src/contract/contracts-in-force';
import { REPORT_PRIORITY_CLASSES } from '../../../src/contract/report-primitives';
import { RENEWALS_HORIZON_DAYS, type AdminRenewal } from '../../../src/contract/renewals-api';
import { headlineTitle, monthLabel, moneyText, percentText, periodDatesText, periodName } from '../../shared/compliance/compliance-i18n';
import { sectionHeadingStyle, subtleStyle, tableStyle, tdNumStyle, tdStyle, thNumStyle, thStyle } from '../../shared/compliance/table-styles';
import { TrendChart } from '../../shared/compliance/trend-chart';
import { issueNavigatorPath, navigateHost, openIssue } from '../../shared/forge-view';
import { Notice } from '../../shared/ui/notice';
import { coverageRuns } from './coverage-text';
import type { ReportsI18n } from './messages';
import { reminderText } from '../../shared/renewal-reminder';

export function ReportDocument({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  const who = report.customer?.name ?? t('compliance.customer.all');
  const empty = report.figures.resolved === 0;
  return (
    <article data-testid="report-document" className="cc-report-document" aria-labelledby="report-title" style={{ display: 'flex', flexDirection: 'column', gap: token('space.400') }}>
      <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <h2 id="report-title" data-testid="report-title" style={{ font: token('font.heading.large'), margin: 0 }}>
          {t('reports.document.title', { customer: who, period: periodName(i18n, report.period) })}
        </h2>
        <div style={subtleStyle} data-testid="report-period-line">
          {t('reports.document.period', {
            dates: periodDatesText(i18n, report.period),
            previous: periodName(i18n, report.previousPeriod),
          })}
        </div>
        <div style={subtleStyle} data-testid="report-reconciled">
          {report.lastReconciledAt === null ? t('compliance.neverReconciled') : t('compliance.reconciled', { when: i18n.instant(report.lastReconciledAt, i18n.timeZone) })}
        </div>
      </header>
      {empty ? (
        <Notice appearance="information" title={t('reports.empty.title')} testId="report-empty">
          {t('reports.empty.body')}
        </Notice>
      ) : null}
      <SummarySection i18n={i18n} report={report} />
      <LevelsSection i18n={i18n} report={report} />
      <ContractsSection i18n={i18n} contracts={report.contracts} />
      <RenewalsSection i18n={i18n} renewals={report.renewals} />
      <VolumeSection i18n={i18n} report={report} />
      <Section id="trend" title={t('reports.section.trend')}>
        <TrendChart i18n={i18n} points={report.trend} testId="report-trend" />
      </Section>
      <CreditsSection i18n={i18n} report={report} />
      <MissedSection i18n={i18n} report={report} />
      <UncoveredSection i18n={i18n} report={report} />
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cc-report-section" data-testid={`report-section-${id}`} aria-labelledby={`report-section-${id}-title`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <h2 id={`report-section-${id}-title`} style={{ font: token('font.heading.medium'), margin: 0, paddingBottom: token('space.050'), borderBottom: `2px solid ${token('color.border')}` }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** `+2.5 points` / `−4.0 points` / `—`. */
function deltaText(i18n: ReportsI18n, now: number | null, before: number | null): string {
  if (now === null || before === null) return i18n.t('compliance.notApplicable');
  const delta = Math.round((now - before) * 10) / 10;
  const number = new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(delta);
  return i18n.t('reports.delta', { delta: number });
}

/** "previous period 86.0% (+3.5 points)", or that the previous period had nothing to compare with. */
function previousText(i18n: ReportsI18n, now: number | null, before: number | null): string {
  if (before === null) return i18n.t('reports.previousNone');
  return i18n.t('reports.previous', { value: percentText(i18n, before), delta: deltaText(i18n, now, before) });
}

function Figure({ label, value, detail, testId, tone }: { label: string; value: string; detail: string; testId: string; tone?: string }) {
  return (
    <div data-testid={testId} style={{ flex: '1 1 200px', padding: token('space.150'), border: `1px solid ${token('color.border')}`, borderRadius: token('radius.medium') }}>
      <div style={subtleStyle}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ font: token('font.heading.large'), color: tone ?? token('color.text') }}>
        {value}
      </div>
      <div style={subtleStyle}>{detail}</div>
    </div>
  );
}

function SummarySection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  const { figures, previousFigures, headline } = report;
  const goldValue = !headline.applicable
    ? t('compliance.notApplicable')
    : `${headline.met ? t('compliance.headline.yes') : t('compliance.headline.no')}${headline.missedRequests > 0 ? ` (${t('compliance.headline.missed', { count: headline.missedRequests })})` : ''}`;
  return (
    <Section id="summary" title={t('reports.section.summary')}>
      <div style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap' }}>
        <Figure
          label={t('compliance.onTime')}
          value={percentText(i18n, figures.onTimePercent)}
          detail={`${t('compliance.figures.detail', { met: figures.met, resolved: figures.resolved })} · ${previousText(i18n, figures.onTimePercent, previousFigures.onTimePercent)}`}
          testId="report-on-time"
        />
        <Figure
          label={t('compliance.firstResponse')}
          value={percentText(i18n, figures.responsePercent)}
          detail={previousText(i18n, figures.responsePercent, previousFigures.responsePercent)}
          testId="report-first-response"
        />
        <Figure
          label={headlineTitle(i18n, headline.levels)}
          value={goldValue}
          detail={headline.applicable ? t('reports.agreementsMissed', { count: headline.missedAgreements }) : t('compliance.headline.notApplicable')}
          testId="report-gold"
          {...(headline.applicable ? { tone: headline.met ? token('color.text.success') : token('color.text.danger') } : {})}
        />
      </div>
      {report.withoutContract > 0 ? <p style={{ ...subtleStyle, margin: 0 }}>{t('compliance.withoutContract', { count: report.withoutContract })}</p> : null}
      {report.customerSummaries.length === 0 ? null : (
        <table data-testid="report-customers" style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>{t('compliance.customer')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.missed')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
              <th scope="col" style={thNumStyle}>{t('reports.previousPeriod')}</th>
              <th scope="col" style={thNumStyle}>{t('reports.change')}</th>
              <th scope="col" style={thStyle}>{headlineTitle(i18n, headline.levels)}</th>
            </tr>
          </thead>
          <tbody>
            {report.customerSummaries.map((summary) => (
              <tr key={summary.customer.id} data-customer={summary.customer.id}>
                <th scope="row" style={tdStyle}>{summary.customer.name}</th>
                <td style={tdNumStyle}>{summary.figures.resolved}</td>
                <td style={tdNumStyle}>{summary.figures.missed}</td>
                <td style={tdNumStyle}>{percentText(i18n, summary.figures.onTimePercent)}</td>
                <td style={tdNumStyle}>{percentText(i18n, summary.previous.onTimePercent)}</td>
                <td style={tdNumStyle}>{deltaText(i18n, summary.figures.onTimePercent, summary.previous.onTimePercent)}</td>
                <td style={tdStyle} data-verdict={summary.headline.applicable ? (summary.headline.met ? 'met' : 'missed') : 'none'}>
                  {summary.headline.applicable ? (summary.headline.met ? t('compliance.verdict.met') : t('compliance.verdict.notMet')) : t('compliance.notApplicable')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function verdictText(i18n: ReportsI18n, verdict: LevelVerdict | undefined): string {
  if (verdict === undefined || verdict.figures.resolved === 0) return i18n.t('compliance.verdict.none');
  return verdict.met ? i18n.t('compliance.verdict.met') : i18n.t('compliance.verdict.notMet');
}

function LevelsSection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  const rows = report.customerSummaries.flatMap((summary) =>
    summary.levels.map((verdict) => ({ summary, verdict, previous: summary.previousLevels.find((p) => p.level.id === verdict.level.id) })),
  );
  return (
    <Section id="levels" title={t('reports.section.levels')}>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.levels.intro')}</p>
      {rows.length === 0 ? (
        <p style={{ margin: 0 }}>{t('compliance.figures.nothing')}</p>
      ) : (
        <table data-testid="report-levels" style={tableStyle}>
          <thead>
            <tr>
              {report.customer === null ? <th scope="col" style={thStyle}>{t('compliance.customer')}</th> : null}
              <th scope="col" style={thStyle}>{t('compliance.level')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.objective')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
              <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
              <th scope="col" style={thStyle}>{t('reports.levels.verdict')}</th>
              <th scope="col" style={thNumStyle}>{t('reports.previousPeriod')}</th>
              <th scope="col" style={thStyle}>{t('reports.levels.previousVerdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ summary, verdict, previous }) => (
              <tr key={`${summary.customer.id}-${verdict.level.id}`} data-level={verdict.level.id} data-met={String(verdict.met)}>
                {report.customer === null ? <th scope="row" style={tdStyle}>{summary.customer.name}</th> : null}
                <td style={tdStyle}>{verdict.level.name}</td>
                <td style={tdNumStyle}>{verdict.objectivePercent === null ? t('compliance.objective.none') : percentText(i18n, verdict.objectivePercent)}</td>
                <td style={tdNumStyle}>{verdict.figures.resolved}</td>
                <td style={tdNumStyle}>{percentText(i18n, verdict.figures.onTimePercent)}</td>
                <td style={{ ...tdStyle, color: verdict.met ? token('color.text.success') : token('color.text.danger'), fontWeight: token('font.weight.semibold') }}>{verdictText(i18n, verdict)}</td>
                <td style={tdNumStyle}>{percentText(i18n, previous?.figures.onTimePercent ?? null)}</td>
                <td style={tdStyle}>{verdictText(i18n, previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function targetText(i18n: ReportsI18n, target: TermTarget): string {
  const resolution = i18n.duration(target.resolutionMinutes);
  return target.responseMinutes === null ? resolution : i18n.t('reports.contract.targetWithResponse', { resolution, response: i18n.duration(target.responseMinutes) });
}

const PRIORITY_COLUMNS = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;

function ContractsSection({ i18n, contracts }: { i18n: ReportsI18n; contracts: readonly ContractInForce[] }) {
  const { t, locale } = i18n;
  return (
    <Section id="contracts" title={t('reports.section.contracts')}>
      {contracts.length === 0 ? <p style={{ margin: 0 }}>{t('reports.contract.none')}</p> : <ContractValues i18n={i18n} contracts={contracts} />}
      {contracts.length === 0 ? null : <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.contract.targetsNote')}</p>}
      {contracts.map((contract) => (
        <div key={contract.contract.id} className="cc-report-contract" data-testid={`report-contract-${contract.contract.id}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
          <h3 style={{ ...sectionHeadingStyle, font: token('font.heading.small') }}>
            {contract.contract.name.includes(contract.customer.name) ? contract.contract.name : `${contract.customer.name} — ${contract.contract.name}`}
          </h3>
          {contract.versions.map((version) => (
            <div key={version.version} data-version={version.version} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
              <div style={{ font: token('font.body'), fontWeight: token('font.weight.semibold') }}>
                {t('reports.contract.version', {
                  version: version.version,
                  from: i18n.localDate(version.effectiveFrom),
                  to: version.effectiveTo === null ? t('reports.contract.openEnded') : i18n.localDate(version.effectiveTo),
                })}
              </div>
              <div style={subtleStyle}>
                {[
                  version.monthlyFee === null ? null : t('reports.contract.fee', { amount: moneyText(locale, version.monthlyFee) }),
                  version.noticeDate === null ? null : t('reports.contract.notice', { date: i18n.localDate(version.noticeDate) }),
                  version.endDate === null ? null : t('reports.contract.ends', { date: i18n.localDate(version.endDate) }),
                  t('reports.contract.zone', { zone: contract.timeZone }),
                ]
                  .filter((part): part is string => part !== null)
                  .join(' · ')}
              </div>
              {version.note === null ? null : <div style={{ ...subtleStyle, fontStyle: 'italic' }}>{version.note}</div>}
              <div style={{ overflowX: 'auto' }}>
                <table style={tableStyle} data-testid="report-contract-services">
                  <thead>
                    <tr>
                      <th scope="col" style={thStyle}>{t('compliance.service')}</th>
                      <th scope="col" style={thStyle}>{t('compliance.level')}</th>
                      {PRIORITY_COLUMNS.map((priorityClass) => (
                        <th key={priorityClass} scope="col" style={thStyle} title={t('reports.contract.targets')}>
                          {priorityClass}
                        </th>
                      ))}
                      <th scope="col" style={thStyle}>{t('reports.contract.coverage')}</th>
                      <th scope="col" style={thNumStyle}>{t('reports.contract.price')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {version.services.map((service) => (
                      <tr key={service.service.id} data-service={service.service.id} data-bespoke={String(service.bespoke)}>
                        <th scope="row" style={tdStyle}>
                          {service.service.name}
                          {service.isDefault ? <div style={subtleStyle}>{t('reports.contract.default')}</div> : null}
                        </th>
                        <td style={tdStyle}>
                          {service.level.name}
                          {service.bespoke ? (
                            <div>
                              <BespokeMark i18n={i18n} />
                            </div>
                          ) : null}
                          {service.bespokeNote === null ? null : <div style={{ ...subtleStyle, fontStyle: 'italic' }}>{service.bespokeNote}</div>}
                        </td>
                        {PRIORITY_COLUMNS.map((priorityClass) => {
                          const target = service.targets.find((tg) => tg.priorityClass === priorityClass);
                          return (
                            <td key={priorityClass} style={{ ...tdStyle, whiteSpace: 'nowrap' }} data-target={priorityClass}>
                              {target === undefined ? t('compliance.notApplicable') : targetText(i18n, target)}
                              {target?.bespoke === true ? <div><BespokeMark i18n={i18n} /></div> : null}
                            </td>
                          );
                        })}
                        <td style={tdStyle}>
                          <div>
                            {service.calendar.name}
                            {service.calendar.bespoke ? <> <BespokeMark i18n={i18n} /></> : null}
                          </div>
                          {coverageRuns(locale, service.calendar.hours).map((run) => (
                            <div key={run} style={subtleStyle}>{run}</div>
                          ))}
                          <div style={subtleStyle}>
                            {service.calendar.hours.timeZone}
                            {service.calendar.hours.holidays.length > 0 ? ` · ${t('reports.contract.holidays', { count: service.calendar.hours.holidays.length })}` : ''}
                          </div>
                        </td>
                        <td style={tdNumStyle}>
                          {service.monthlyPrice === null ? t('compliance.notApplicable') : moneyText(locale, service.monthlyPrice)}
                          {service.priceBespoke ? <div><BespokeMark i18n={i18n} /></div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </div>
      ))}
    </Section>
  );
}

/** What every version in force is worth per month and per year: one line per price period. */
function ContractValues({ i18n, contracts }: { i18n: ReportsI18n; contracts: readonly ContractInForce[] }) {
  const { t, locale } = i18n;
  const rows = contracts.flatMap((contract) =>
    contract.versions.flatMap((version) =>
      version.value.periods.map((period, index) => ({ contract, version, period, first: index === 0 })),
    ),
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      <h3 style={{ ...sectionHeadingStyle, font: token('font.heading.small') }}>{t('reports.contract.value')}</h3>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.contract.valueIntro')}</p>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="report-contract-values" style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>{t('compliance.customer')}</th>
              <th scope="col" style={thStyle}>{t('reports.contract.valueFrom')}</th>
              <th scope="col" style={thStyle}>{t('reports.contract.valueTo')}</th>
              <th scope="col" style={thNumStyle}>{t('reports.contract.perMonth')}</th>
              <th scope="col" style={thNumStyle}>{t('reports.contract.perYear')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ contract, version, period, first }) => (
              <tr key={`${contract.contract.id}-${String(version.version)}-${period.from}`} data-contract={contract.contract.id} data-version={version.version}>
                <th scope="row" style={tdStyle}>
                  {first ? (
                    <>
                      {contract.customer.name}
                      <div style={subtleStyle}>{t('reports.contract.version', { version: version.version, from: i18n.localDate(version.effectiveFrom), to: version.effectiveTo === null ? t('reports.contract.openEnded') : i18n.localDate(version.effectiveTo) })}</div>
                      {version.value.unpricedServices.length > 0 ? (
                        <div style={{ ...subtleStyle, color: token('color.text.warning') }}>
                          {t('reports.contract.unpriced', { services: new Intl.ListFormat(locale, { type: 'conjunction' }).format(version.value.unpricedServices.map((s) => s.name)) })}
                        </div>
                      ) : null}
                    </>
                  ) : null}
                </th>
                <td style={tdStyle}>{i18n.localDate(period.from)}</td>
                <td style={tdStyle}>{period.to === null ? t('reports.contract.openEnded') : i18n.localDate(period.to)}</td>
                <td style={tdNumStyle} data-amount-minor={period.monthly.amountMinor}>{moneyText(locale, period.monthly)}</td>
                <td style={tdNumStyle} data-amount-minor={period.yearly.amountMinor}>{moneyText(locale, period.yearly)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function BespokeMark({ i18n }: { i18n: ReportsI18n }) {
  return (
    <span data-testid="bespoke-mark" style={{ display: 'inline-block', padding: `0 ${token('space.050')}`, borderRadius: token('radius.small'), background: token('color.background.discovery'), color: token('color.text.discovery'), font: token('font.body.small'), fontWeight: token('font.weight.semibold') }}>
      {i18n.t('reports.contract.bespoke')}
    </span>
  );
}

function FiguresCells({ i18n, figures }: { i18n: ReportsI18n; figures: ComplianceFigures }) {
  return (
    <>
      <td style={tdNumStyle}>{figures.resolved}</td>
      <td style={tdNumStyle}>{figures.met}</td>
      <td style={tdNumStyle}>{figures.missed}</td>
      <td style={tdNumStyle}>{percentText(i18n, figures.onTimePercent)}</td>
    </>
  );
}

function VolumeSection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  const allCustomers = report.customer === null;
  const rows: readonly VolumeRow[] = report.volume;
  return (
    <Section id="volume" title={t('reports.section.volume')}>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.volume.intro')}</p>
      {rows.length === 0 ? (
        <p style={{ margin: 0 }}>{t('compliance.figures.nothing')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="report-volume" style={tableStyle}>
            <thead>
              <tr>
                {allCustomers ? <th scope="col" style={thStyle}>{t('compliance.customer')}</th> : null}
                <th scope="col" style={thStyle}>{t('compliance.service')}</th>
                <th scope="col" style={thStyle}>{t('compliance.level')}</th>
                <th scope="col" style={thStyle}>{t('compliance.priority')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.missed')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.objective')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.firstResponse')}</th>
                <th scope="col" style={thNumStyle}>{t('compliance.extensions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.customer.id}-${row.service.id}-${row.level.id}-${row.priorityClass}`} data-row={`${row.customer.id}|${row.service.id}|${row.level.id}|${row.priorityClass}`}>
                  {allCustomers ? <th scope="row" style={tdStyle}>{row.customer.name}</th> : null}
                  <td style={tdStyle}>{row.service.name === '' ? t('compliance.service.none') : row.service.name}</td>
                  <td style={{ ...tdStyle, whiteSpace: 'nowrap' }}>{row.level.name}</td>
                  <td style={tdStyle}>{row.priorityClass}</td>
                  <td style={tdNumStyle}>{row.figures.resolved}</td>
                  <td style={tdNumStyle}>{row.figures.missed}</td>
                  <td style={tdNumStyle}>{percentText(i18n, row.figures.onTimePercent)}</td>
                  <td style={tdNumStyle}>{row.objectivePercent === null ? t('compliance.objective.none') : percentText(i18n, row.objectivePercent)}</td>
                  <td style={tdNumStyle}>{percentText(i18n, row.figures.responsePercent)}</td>
                  <td style={tdNumStyle}>{row.figures.extensions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <BreakdownTable i18n={i18n} title={t('compliance.dimension.level')} rows={report.breakdown.level} testId="report-by-level" />
      <BreakdownTable i18n={i18n} title={t('compliance.dimension.service')} rows={report.breakdown.service} testId="report-by-service" />
      <BreakdownTable i18n={i18n} title={t('compliance.dimension.priorityClass')} rows={report.breakdown.priorityClass} testId="report-by-class" />
    </Section>
  );
}

function BreakdownTable({ i18n, title, rows, testId }: { i18n: ReportsI18n; title: string; rows: ReviewReport['breakdown']['level']; testId: string }) {
  const { t } = i18n;
  if (rows.length === 0) return null;
  return (
    <table data-testid={testId} style={tableStyle}>
      <thead>
        <tr>
          <th scope="col" style={thStyle}>{title}</th>
          <th scope="col" style={thNumStyle}>{t('compliance.resolved')}</th>
          <th scope="col" style={thNumStyle}>{t('compliance.met')}</th>
          <th scope="col" style={thNumStyle}>{t('compliance.missed')}</th>
          <th scope="col" style={thNumStyle}>{t('compliance.onTime')}</th>
          <th scope="col" style={thNumStyle}>{t('compliance.firstResponse')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" style={tdStyle}>{row.name}</th>
            <FiguresCells i18n={i18n} figures={row.figures} />
            <td style={tdNumStyle}>{percentText(i18n, row.figures.responsePercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function missedByClassText(i18n: ReportsI18n, row: CreditRow): string {
  return REPORT_PRIORITY_CLASSES.flatMap((priorityClass) => {
    const count = row.missedByClass[priorityClass];
    return count === undefined ? [] : [i18n.t('reports.credits.byClass', { count, priorityClass })];
  }).join(' · ');
}

function CreditsSection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t, locale } = i18n;
  const allCustomers = report.customer === null;
  return (
    <Section id="credits" title={t('reports.section.credits')}>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.credits.intro')}</p>
      {report.credits.length === 0 ? (
        <p data-testid="report-credits-none" style={{ margin: 0 }}>{t('reports.credits.none')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="report-credits" style={tableStyle}>
            <thead>
              <tr>
                {allCustomers ? <th scope="col" style={thStyle}>{t('compliance.customer')}</th> : null}
                <th scope="col" style={thStyle}>{t('compliance.service')}</th>
                <th scope="col" style={thStyle}>{t('reports.credits.month')}</th>
                <th scope="col" style={thStyle}>{t('compliance.level')}</th>
                <th scope="col" style={thNumStyle}>{t('reports.credits.missed')}</th>
                <th scope="col" style={thNumStyle}>{t('reports.credits.percent')}</th>
                <th scope="col" style={thNumStyle}>{t('reports.credits.price')}</th>
                <th scope="col" style={thNumStyle}>{t('reports.credits.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.credits.map((row) => (
                <tr key={`${row.customer.id}-${row.service.id}-${row.month}`} data-row={`${row.customer.id}|${row.service.id}|${row.month}`}>
                  {allCustomers ? <th scope="row" style={tdStyle}>{row.customer.name}</th> : null}
                  <td style={tdStyle}>{row.service.name}</td>
                  <td style={{ ...tdStyle, whiteSpace: 'nowrap' }}>{monthLabel(locale, row.month, 'long')}</td>
                  <td style={tdStyle}>
                    {row.level.name}
                    {row.bespoke ? <div><BespokeMark i18n={i18n} /></div> : null}
                  </td>
                  <td style={tdNumStyle}>
                    {row.missed}
                    <div style={subtleStyle}>{missedByClassText(i18n, row)}</div>
                  </td>
                  <td style={tdNumStyle} data-credit-percent={row.creditPercent}>
                    {percentText(i18n, row.creditPercent, 2)}
                    {row.capped ? <div style={subtleStyle}>{t('reports.credits.capped', { cap: percentText(i18n, row.capPercent, 2) })}</div> : null}
                  </td>
                  <td style={tdNumStyle}>{row.monthlyPrice === null ? t('reports.credits.noPrice') : moneyText(locale, row.monthlyPrice)}</td>
                  <td style={{ ...tdNumStyle, fontWeight: token('font.weight.semibold') }} data-amount-minor={row.credit?.amountMinor ?? ''}>
                    {row.credit === null ? t('compliance.notApplicable') : moneyText(locale, row.credit)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {report.creditTotals.map((total) => (
                <tr key={total.currency} data-testid="report-credits-total" data-currency={total.currency}>
                  <th scope="row" colSpan={allCustomers ? 7 : 6} style={{ ...tdStyle, textAlign: 'right' }}>{t('reports.credits.total')}</th>
                  <td style={{ ...tdNumStyle, fontWeight: token('font.weight.bold') }} data-amount-minor={total.amountMinor}>{moneyText(locale, total)}</td>
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </Section>
  );
}

function RenewalDate({ i18n, value }: { i18n: ReportsI18n; value: AdminRenewal['notice'] }) {
  if (value === null) return <span style={subtleStyle}>{i18n.t('compliance.notApplicable')}</span>;
  return (
    <>
      {i18n.localDate(value.date)}
      <div style={{ ...subtleStyle, ...(value.days <= 30 ? { color: token('color.text.warning') } : {}) }}>{i18n.t('reports.renewals.in', { days: value.days })}</div>
    </>
  );
}

/** Today's list: contracts whose notice date or end of term is near, with the reminder's state. */
function RenewalsSection({ i18n, renewals }: { i18n: ReportsI18n; renewals: readonly AdminRenewal[] }) {
  const { t, locale } = i18n;
  return (
    <Section id="renewals" title={t('reports.section.renewals', { days: RENEWALS_HORIZON_DAYS })}>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.renewals.intro', { days: RENEWALS_HORIZON_DAYS })}</p>
      {renewals.length === 0 ? (
        <p data-testid="report-renewals-none" style={{ margin: 0 }}>{t('reports.renewals.none', { days: RENEWALS_HORIZON_DAYS })}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="report-renewals" style={tableStyle}>
            <thead>
              <tr>
                <th scope="col" style={thStyle}>{t('compliance.customer')}</th>
                <th scope="col" style={thStyle}>{t('reports.renewals.notice')}</th>
                <th scope="col" style={thStyle}>{t('reports.renewals.end')}</th>
                <th scope="col" style={thNumStyle}>{t('reports.renewals.value')}</th>
                <th scope="col" style={thStyle}>{t('reports.renewals.manager')}</th>
                <th scope="col" style={thStyle}>{t('reports.renewals.reminder')}</th>
              </tr>
            </thead>
            <tbody>
              {renewals.map((renewal) => (
                <tr key={`${renewal.contract.id}-${String(renewal.version)}`} data-contract={renewal.contract.id} data-reminder={renewal.reminder?.status ?? 'none'}>
                  <th scope="row" style={tdStyle}>
                    <a
                      href={issueNavigatorPath(renewal.requestsJql)}
                      className="cc-link"
                      aria-label={t('reports.renewals.requests', { customer: renewal.customer.name })}
                      onClick={(event) => {
                        event.preventDefault();
                        void navigateHost(issueNavigatorPath(renewal.requestsJql));
                      }}
                    >
                      {renewal.customer.name}
                    </a>
                    <div style={subtleStyle}>
                      {renewal.contract.name} · {t('reports.renewals.version', { version: renewal.version })}
                    </div>
                  </th>
                  <td style={tdStyle}><RenewalDate i18n={i18n} value={renewal.notice} /></td>
                  <td style={tdStyle}><RenewalDate i18n={i18n} value={renewal.end} /></td>
                  <td style={tdNumStyle} data-amount-minor={renewal.monthlyValue?.amountMinor ?? ''}>{renewal.monthlyValue === null ? t('compliance.notApplicable') : moneyText(locale, renewal.monthlyValue)}</td>
                  <td style={tdStyle}>{renewal.accountManager?.name ?? <span style={subtleStyle}>{t('reports.renewals.noManager')}</span>}</td>
                  <td style={tdStyle} data-testid={`report-renewal-reminder-${renewal.contract.id}`}>{reminderText(i18n, renewal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`/browse/${issueKey}`}
      className="cc-link"
      onClick={(event) => {
        event.preventDefault();
        void openIssue(issueKey);
      }}
    >
      {issueKey}
    </a>
  );
}

function ExtensionsCell({ i18n, request }: { i18n: ReportsI18n; request: MissedRequest }) {
  const { t } = i18n;
  if (request.extensions.length === 0) return <span style={subtleStyle}>{t('reports.missed.noExtensions')}</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: token('space.200') }}>
      {request.extensions.map((extension) => (
        <li key={`${extension.at}-${extension.minutes}`}>
          {t('reports.missed.extension', {
            duration: i18n.duration(extension.minutes),
            when: i18n.instant(extension.at, i18n.timeZone),
            by: extension.by ?? t('reports.missed.someone'),
            reason: extension.reason,
          })}
        </li>
      ))}
    </ul>
  );
}

function MissedSection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  const jql = report.missed.length === 0 ? null : `key in (${report.missed.map((m) => m.issueKey).join(', ')}) ORDER BY resolved ASC`;
  return (
    <Section id="missed" title={t('reports.section.missed')}>
      {report.missedMismatch ? (
        <Notice appearance="warning" testId="report-missed-mismatch">
          {t('reports.missed.mismatch', { expected: report.figures.missed, found: report.missed.length })}
        </Notice>
      ) : null}
      {report.missed.length === 0 ? (
        <p data-testid="report-missed-none" style={{ margin: 0 }}>{t('reports.missed.none')}</p>
      ) : (
        <>
          <div style={{ overflowX: 'auto' }}>
            <table data-testid="report-missed" style={tableStyle}>
              <thead>
                <tr>
                  <th scope="col" style={thStyle}>{t('reports.missed.key')}</th>
                  <th scope="col" style={thStyle}>{t('reports.missed.summary')}</th>
                  {report.customer === null ? <th scope="col" style={thStyle}>{t('compliance.customer')}</th> : null}
                  <th scope="col" style={thStyle}>{t('compliance.service')}</th>
                  <th scope="col" style={thStyle}>{t('compliance.level')}</th>
                  <th scope="col" style={thStyle}>{t('reports.missed.deadline')}</th>
                  <th scope="col" style={thStyle}>{t('reports.missed.resolved')}</th>
                  <th scope="col" style={thNumStyle}>{t('reports.missed.overdue')}</th>
                  <th scope="col" style={thStyle}>{t('compliance.extensions')}</th>
                </tr>
              </thead>
              <tbody>
                {report.missed.map((request) => (
                  <tr key={request.issueKey} data-issue-key={request.issueKey}>
                    <th scope="row" style={tdStyle}>
                      <IssueLink issueKey={request.issueKey} />
                    </th>
                    <td style={tdStyle}>{request.summary}</td>
                    {report.customer === null ? <td style={tdStyle}>{request.customer?.name ?? ''}</td> : null}
                    <td style={tdStyle}>{request.service?.name ?? t('compliance.service.none')}</td>
                    <td style={tdStyle}>
                      {request.level.name} · {request.priorityClass}
                    </td>
                    <td style={tdStyle}>{i18n.instant(request.deadline, i18n.timeZone)}</td>
                    <td style={tdStyle}>{i18n.instant(request.resolvedAt, i18n.timeZone)}</td>
                    <td style={{ ...tdNumStyle, color: token('color.text.danger') }} data-overdue-minutes={request.overdueMinutes}>
                      {i18n.duration(request.overdueMinutes)}
                    </td>
                    <td style={tdStyle}>
                      <ExtensionsCell i18n={i18n} request={request} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {jql === null ? null : (
            <div className="cc-no-print">
              <a
                href={issueNavigatorPath(jql)}
                className="cc-link"
                data-testid="report-missed-search"
                onClick={(event) => {
                  event.preventDefault();
                  void navigateHost(issueNavigatorPath(jql));
                }}
              >
                {t('reports.missed.search')}
              </a>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function UncoveredSection({ i18n, report }: { i18n: ReportsI18n; report: ReviewReport }) {
  const { t } = i18n;
  if (report.customer !== null) return null;
  return (
    <Section id="uncovered" title={t('reports.section.uncovered')}>
      <p style={{ ...subtleStyle, margin: 0 }}>{t('reports.uncovered.intro')}</p>
      {report.uncovered.length === 0 ? (
        <p style={{ margin: 0 }} data-testid="report-uncovered-none">
          {t('reports.uncovered.none')}
        </p>
      ) : (
        <table data-testid="report-uncovered" style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>{t('reports.missed.key')}</th>
              <th scope="col" style={thStyle}>{t('reports.missed.summary')}</th>
              <th scope="col" style={thStyle}>{t('reports.missed.resolved')}</th>
              <th scope="col" style={thStyle}>{t('reports.uncovered.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.uncovered.map((request) => (
              <tr key={request.issueKey} data-issue-key={request.issueKey}>
                <th scope="row" style={tdStyle}>
                  <IssueLink issueKey={request.issueKey} />
                </th>
                <td style={tdStyle}>{request.summary}</td>
                <td style={tdStyle}>{request.resolvedAt === null ? t('compliance.notApplicable') : i18n.instant(request.resolvedAt, i18n.timeZone)}</td>
                <td style={tdStyle}>{uncoveredReasonText(i18n, request.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

const UNCOVERED_REASONS = ['no-organization', 'unknown-organization', 'contract-not-in-force', 'contract-expired', 'service-not-covered', 'fallback'] as const;

function uncoveredReasonText(i18n: ReportsI18n, reason: string): string {
  const known = UNCOVERED_REASONS.find((r) => r === reason);
  return known === undefined ? reason : i18n.t(`reports.uncovered.reason.${known}`);
}
