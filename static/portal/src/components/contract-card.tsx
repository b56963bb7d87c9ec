/**
 * One contract of "My contract": name, status and period with renewal and notice dates, the covered
 * services with level, price and targets per priority, the business hours, the monthly total and
 * last quarter's on-time figures. Laid out to read on a 360 px wide phone: everything stacks.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ContractCard, CoveredServiceView } from '../../../../src/contract/portal-api';
import { formatMoney } from '../../../../src/contract/money';
import { formatLongDate, formatMonth } from '../customer-words';
import { useI18n } from '../messages';
import { CoverageHours } from './coverage-hours';
import { LevelName } from './level-name';

const cardStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.200'),
  padding: token('space.200'),
  border: `${token('border.width')} solid ${token('color.border')}`,
  borderRadius: token('radius.medium'),
  background: token('elevation.surface'),
} as const;

const termGrid = {
  display: 'grid',
  gridTemplateColumns: 'minmax(6rem, max-content) 1fr',
  columnGap: token('space.200'),
  rowGap: token('space.050'),
  margin: 0,
  padding: 0,
} as const;

const subtle = { color: token('color.text.subtle') } as const;
const small = { font: token('font.body.small'), color: token('color.text.subtlest') } as const;
const tableStyle = { width: '100%', borderCollapse: 'collapse', font: token('font.body.small') } as const;
const cellStyle = { textAlign: 'left', padding: `${token('space.050')} ${token('space.075')}`, borderBottom: `${token('border.width')} solid ${token('color.border')}`, verticalAlign: 'top' } as const;

export function ContractCardView({ contract }: { contract: ContractCard }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const date = (iso: string) => formatLongDate(iso, locale);
  const money = (minor: number) => formatMoney(minor, contract.prices?.currency ?? 'EUR', locale);
  const status =
    contract.status === 'in-force'
      ? t('contract.status.in-force')
      : contract.status === 'upcoming'
        ? t('contract.status.upcoming', { date: date(contract.term.effectiveFrom) })
        : t('contract.status.ended', { date: date(contract.term.effectiveTo ?? contract.term.effectiveFrom) });
  return (
    <article aria-labelledby={headingId} data-testid="portal-contract" data-contract-id={contract.id} data-status={contract.status} style={cardStyle}>
      <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
          <Heading size="small" as="h3" id={headingId}>
            {contract.name}
          </Heading>
          <Lozenge appearance={contract.status === 'in-force' ? 'success' : contract.status === 'upcoming' ? 'new' : 'default'}>{status}</Lozenge>
        </div>
        <span style={subtle}>{t('contract.for', { organizations: contract.organizations.join(', ') })}</span>
      </header>

      {contract.status === 'upcoming' ? (
        <p style={{ margin: 0 }} data-testid="portal-contract-upcoming">
          {t('contract.upcoming', { date: date(contract.term.effectiveFrom) })}
        </p>
      ) : null}
      {contract.status === 'ended' ? (
        <p style={{ margin: 0 }} data-testid="portal-contract-ended">
          {t('contract.ended', { date: date(contract.term.effectiveTo ?? contract.term.effectiveFrom) })}
        </p>
      ) : (
        <>
          <dl style={termGrid} data-testid="portal-contract-term">
            <dt style={subtle}>{t('contract.period')}</dt>
            <dd style={{ margin: 0 }}>
              {contract.term.effectiveTo === null
                ? t('contract.periodFrom', { from: date(contract.term.effectiveFrom) })
                : t('contract.periodRange', { from: date(contract.term.effectiveFrom), to: date(contract.term.effectiveTo) })}
            </dd>
            {contract.term.endDate === null ? null : (
              <>
                <dt style={subtle}>{t('contract.termEnds')}</dt>
                <dd style={{ margin: 0 }} data-testid="portal-contract-end">
                  {date(contract.term.endDate)}
                </dd>
              </>
            )}
            {contract.term.noticeDate === null ? null : (
              <>
                <dt style={subtle}>{t('contract.noticeBy')}</dt>
                <dd style={{ margin: 0 }} data-testid="portal-contract-notice">
                  {date(contract.term.noticeDate)}
                </dd>
              </>
            )}
          </dl>

          <section style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
            <Heading size="xsmall" as="h4">
              {t('contract.services', { count: contract.services.length })}
            </Heading>
            {contract.services.map((service) => (
              <ServiceBlock key={service.id} service={service} contract={contract} money={money} />
            ))}
            <span style={small}>{t('contract.timesNote')}</span>
          </section>

          <CoverageHours calendars={contract.calendars} />

          {contract.prices === undefined ? null : (
            <section data-testid="portal-prices" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
              <Heading size="xsmall" as="h4">
                {t('prices.heading')}
              </Heading>
              <dl style={termGrid}>
                {contract.services.map((service) => (
                  <PriceRow key={service.id} label={service.name} value={service.monthlyPriceMinor === undefined || service.monthlyPriceMinor === null ? t('service.noPrice') : money(service.monthlyPriceMinor)} />
                ))}
                {contract.prices.feeMinor === null ? null : <PriceRow label={t('prices.fee')} value={money(contract.prices.feeMinor)} />}
                <PriceRow label={t('prices.total')} value={money(contract.prices.totalMonthlyMinor)} strong testId="portal-price-total" />
              </dl>
              {contract.prices.incomplete ? <span style={small}>{t('prices.incomplete')}</span> : null}
            </section>
          )}
        </>
      )}

      <OnTime contract={contract} />
    </article>
  );
}

function PriceRow({ label, value, strong = false, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <>
      <dt style={subtle}>{label}</dt>
      <dd style={{ margin: 0, fontWeight: strong ? token('font.weight.bold') : undefined }} data-testid={testId}>
        {value}
      </dd>
    </>
  );
}

function ServiceBlock({ service, contract, money }: { service: CoveredServiceView; contract: ContractCard; money: (minor: number) => string }) {
  const { t, duration } = useI18n();
  const calendarName = (id: string) => contract.calendars.find((c) => c.id === id)?.name ?? id;
  const usesSeveral = new Set(service.targets.map((target) => target.calendarId)).size > 1;
  return (
    <div data-testid="portal-service" data-service-id={service.id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: token('space.150'), rowGap: token('space.050') }}>
        <strong>{service.name}</strong>
        <LevelName name={service.level.name} colour={service.level.colour} />
        {service.bespoke ? <Lozenge appearance="inprogress">{t('service.bespoke')}</Lozenge> : null}
        {service.monthlyPriceMinor === undefined ? null : (
          <span style={subtle} data-testid="portal-service-price">
            {service.monthlyPriceMinor === null ? t('service.noPrice') : t('service.price', { price: money(service.monthlyPriceMinor) })}
          </span>
        )}
      </div>
      {service.description === null ? null : <span style={small}>{service.description}</span>}
      <table style={tableStyle} data-testid="portal-targets">
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' }}>{t('targets.caption', { service: service.name })}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ ...cellStyle, ...subtle }}>
              {t('targets.priority')}
            </th>
            <th scope="col" style={{ ...cellStyle, ...subtle }}>
              {t('targets.response')}
            </th>
            <th scope="col" style={{ ...cellStyle, ...subtle }}>
              {t('targets.resolution')}
            </th>
          </tr>
        </thead>
        <tbody>
          {service.targets.map((target) => (
            <tr key={target.priorityClass} data-priority-class={target.priorityClass}>
              <th scope="row" style={{ ...cellStyle, fontWeight: token('font.weight.medium') }}>
                {target.priorities.length === 0 ? t('targets.class', { priorityClass: target.priorityClass }) : target.priorities.join(', ')}
              </th>
              <td style={cellStyle}>{target.responseMinutes === null ? t('targets.noResponse') : t('targets.within', { duration: duration(target.responseMinutes) })}</td>
              <td style={cellStyle}>
                {t('targets.within', { duration: duration(target.resolutionMinutes) })}
                {usesSeveral ? <div style={small}>{t('targets.calendar', { calendar: calendarName(target.calendarId) })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OnTime({ contract }: { contract: ContractCard }) {
  const { t, locale, percent } = useI18n();
  const rows = contract.onTime.rows;
  const anything = rows.some((row) => row.resolved > 0);
  const share = (done: number, total: number) => (total === 0 ? t('onTime.none') : t('onTime.share', { done, total, percent: percent((done / total) * 100) }));
  return (
    <section data-testid="portal-on-time" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <Heading size="xsmall" as="h4">
        {t('onTime.heading')}
      </Heading>
      <span style={small}>{t('onTime.period', { from: formatMonth(contract.onTime.from, locale), to: formatMonth(contract.onTime.to, locale) })}</span>
      {!anything ? (
        <span style={subtle}>{t('onTime.empty')}</span>
      ) : (
        <table style={tableStyle}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cellStyle, ...subtle }}>
                {t('onTime.service')}
              </th>
              <th scope="col" style={{ ...cellStyle, ...subtle }}>
                {t('onTime.resolution')}
              </th>
              <th scope="col" style={{ ...cellStyle, ...subtle }}>
                {t('onTime.response')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.serviceId} data-testid="portal-on-time-row" data-service-id={row.serviceId}>
                <th scope="row" style={{ ...cellStyle, fontWeight: token('font.weight.medium') }}>
                  {row.name}
                </th>
                <td style={cellStyle}>{share(row.onTime, row.resolved)}</td>
                <td style={cellStyle}>{share(row.respondedOnTime, row.responded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
