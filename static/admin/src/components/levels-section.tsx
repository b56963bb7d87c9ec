/**
 * Overview of the service levels: per level its colour and objective, and per revision (latest
 * first, each with the date it is in force from) the calendar, the resolution and first-response
 * targets of P1..P5 in business time, the monthly price per service and the credit rule.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { PRIORITY_CLASSES, type LevelRevision, type ServiceLevel } from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { formatMoney, nameOf } from '../database-view';
import { amountGrid, card, cell, definition, definitionGrid, headerCell, numericCell, smallSubtlest, subtlest, table, tableCaption, term } from './admin-styles';
import { OverviewSection } from './overview-section';

export interface LevelsSectionProps {
  levels: readonly ServiceLevel[];
  /** The database's currency, for levels that name none. */
  defaultCurrency: string;
  calendarNames: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
}

export function LevelsSection({ levels, calendarNames, serviceNames, defaultCurrency }: LevelsSectionProps) {
  const { t } = useI18n();
  return (
    <OverviewSection id="levels" title={t('admin.levels.title')} count={levels.length} empty={t('admin.levels.empty')}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(19rem, 1fr))', gap: token('space.200') }}>
        {levels.map((level) => (
          <LevelCard key={level.id} level={level} calendarNames={calendarNames} serviceNames={serviceNames} currency={level.currency ?? defaultCurrency} />
        ))}
      </div>
    </OverviewSection>
  );
}

function LevelCard({ level, calendarNames, serviceNames, currency }: { level: ServiceLevel; currency: string } & Omit<LevelsSectionProps, 'levels' | 'defaultCurrency'>) {
  const { t, percent } = useI18n();
  // Latest revision first, like contract versions: how people read a history.
  const revisions = [...level.revisions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return (
    <article data-testid={`level-${level.id}`} style={{ ...card, background: token('elevation.surface.sunken'), borderInlineStart: `${token('space.050')} solid ${level.colour}` }}>
      <div>
        <Heading size="xsmall" as="h3">
          {level.name}
        </Heading>
        <div style={smallSubtlest}>{level.id}</div>
      </div>
      <dl style={definitionGrid}>
        <dt style={term}>{t('admin.levels.objective')}</dt>
        <dd style={definition}>
          {level.objectivePercent === undefined ? t('admin.levels.noObjective') : t('admin.levels.objectiveValue', { percent: percent(level.objectivePercent) })}
        </dd>
      </dl>
      {revisions.map((revision) => (
        <RevisionBlock key={revision.effectiveFrom} level={level} revision={revision} calendarNames={calendarNames} serviceNames={serviceNames} currency={currency} />
      ))}
    </article>
  );
}

function RevisionBlock({
  level,
  revision,
  calendarNames,
  serviceNames,
  currency,
}: { level: ServiceLevel; revision: LevelRevision; currency: string } & Omit<LevelsSectionProps, 'levels' | 'defaultCurrency'>) {
  const { t, locale, duration, localDate } = useI18n();
  const prices = Object.entries(revision.monthlyPrices);
  return (
    <section data-testid={`level-${level.id}-revision-${revision.effectiveFrom}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <Heading size="xxsmall" as="h4">
        {t('admin.levels.revisionFrom', { date: localDate(revision.effectiveFrom) })}
      </Heading>
      <dl style={definitionGrid}>
        <dt style={term}>{t('admin.levels.calendar')}</dt>
        <dd style={definition}>{nameOf(calendarNames, revision.calendarId)}</dd>
      </dl>
      {revision.note === undefined ? null : <p style={{ ...smallSubtlest, margin: 0 }}>{revision.note}</p>}
      <table style={table}>
        <caption style={tableCaption}>{t('admin.levels.targetsCaption', { name: level.name })}</caption>
        <thead>
          <tr>
            <th scope="col" style={headerCell}>
              {t('admin.levels.class')}
            </th>
            <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>
              {t('admin.levels.resolution')}
            </th>
            <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>
              {t('admin.levels.response')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PRIORITY_CLASSES.map((priorityClass) => {
            const target = revision.targets[priorityClass];
            return (
              <tr key={priorityClass} data-testid={`level-${level.id}-${priorityClass}`}>
                <th scope="row" style={{ ...cell, fontWeight: token('font.weight.semibold') }}>
                  {priorityClass}
                </th>
                <td style={numericCell}>{duration(target.resolutionMinutes)}</td>
                <td style={numericCell}>{target.responseMinutes === undefined ? <span style={subtlest}>—</span> : duration(target.responseMinutes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <div style={{ ...term, marginBottom: token('space.050') }}>{t('admin.levels.prices')}</div>
        {prices.length === 0 ? (
          <div style={subtlest}>{t('admin.levels.noPrices')}</div>
        ) : (
          <dl style={amountGrid}>
            {prices.map(([serviceId, amount]) => (
              <div key={serviceId} style={{ display: 'contents' }}>
                <dt style={{ color: token('color.text.subtle') }}>{nameOf(serviceNames, serviceId)}</dt>
                <dd style={{ ...definition, textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {t('admin.common.perMonth', { price: formatMoney(amount, currency, locale) })}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {revision.credits === undefined ? null : (
        <p data-testid={`level-${level.id}-credits`} style={{ ...smallSubtlest, margin: 0 }}>
          {t('admin.levels.credits', {
            rates: PRIORITY_CLASSES.flatMap((c) => (revision.credits?.perMissedRequest[c] === undefined ? [] : [`${c} ${String(revision.credits.perMissedRequest[c])} %`])).join(', '),
            cap: String(revision.credits.capPercent),
          })}
        </p>
      )}
    </section>
  );
}
