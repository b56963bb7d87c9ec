/**
 * Overview of the service levels: per level its calendar, objective, the resolution and
 * first-response targets of P1..P5 in business time, and the monthly price per service.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { PRIORITY_CLASSES, type ServiceLevel } from '../../../../src/contract/contract-database';
import { useI18n } from '../messages';
import { formatMoney, nameOf } from '../database-view';
import { amountGrid, card, cell, definition, definitionGrid, headerCell, numericCell, smallSubtlest, subtlest, table, tableCaption, term } from './admin-styles';
import { OverviewSection } from './overview-section';

export interface LevelsSectionProps {
  levels: readonly ServiceLevel[];
  calendarNames: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
}

export function LevelsSection({ levels, calendarNames, serviceNames }: LevelsSectionProps) {
  const { t } = useI18n();
  return (
    <OverviewSection id="levels" title={t('admin.levels.title')} count={levels.length} empty={t('admin.levels.empty')}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(19rem, 1fr))', gap: token('space.200') }}>
        {levels.map((level) => (
          <LevelCard key={level.id} level={level} calendarNames={calendarNames} serviceNames={serviceNames} />
        ))}
      </div>
    </OverviewSection>
  );
}

function LevelCard({ level, calendarNames, serviceNames }: { level: ServiceLevel } & Omit<LevelsSectionProps, 'levels'>) {
  const { t, locale, percent, duration } = useI18n();
  const prices = Object.entries(level.monthlyPrices);
  return (
    <article data-testid={`level-${level.id}`} style={{ ...card, background: token('elevation.surface.sunken') }}>
      <div>
        <Heading size="xsmall" as="h3">
          {level.name}
        </Heading>
        <div style={smallSubtlest}>{level.id}</div>
      </div>
      <dl style={definitionGrid}>
        <dt style={term}>{t('admin.levels.calendar')}</dt>
        <dd style={definition}>{nameOf(calendarNames, level.calendarId)}</dd>
        <dt style={term}>{t('admin.levels.objective')}</dt>
        <dd style={definition}>
          {level.objectivePercent === undefined ? t('admin.levels.noObjective') : t('admin.levels.objectiveValue', { percent: percent(level.objectivePercent) })}
        </dd>
      </dl>
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
            const target = level.targets[priorityClass];
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
            {prices.map(([serviceId, money]) => (
              <div key={serviceId} style={{ display: 'contents' }}>
                <dt style={{ color: token('color.text.subtle') }}>{nameOf(serviceNames, serviceId)}</dt>
                <dd style={{ ...definition, textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {t('admin.common.perMonth', { price: formatMoney(money, locale) })}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </article>
  );
}
