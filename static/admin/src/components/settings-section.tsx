/**
 * Overview of the app settings: the fallback for requests without a contract, the at-risk
 * threshold, the pause statuses, the Jira priority → class map and the customer message templates
 * in English and Dutch.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { MESSAGE_TEMPLATE_KINDS, type Settings } from '../../../../src/contract/contract-database-shape';
import { useI18n } from '../messages';
import { nameOf } from '../database-view';
import { cell, chip, chipList, definition, definitionGrid, headerCell, smallSubtlest, subtlest, table, tableFrame, term } from './admin-styles';
import { OverviewSection } from './overview-section';

export function SettingsSection({ settings, levelNames }: { settings: Settings; levelNames: ReadonlyMap<string, string> }) {
  const { t, percent } = useI18n();
  const priorities = Object.entries(settings.priorities.byJiraPriority);
  return (
    <OverviewSection id="settings" title={t('admin.settings.title')} count={null} empty="">
      <dl style={definitionGrid} data-testid="settings-list">
        <dt style={term}>{t('admin.settings.fallback')}</dt>
        <dd style={definition}>
          {settings.fallbackLevelId === null
            ? t('admin.settings.noFallback')
            : t('admin.settings.fallbackLevel', { name: nameOf(levelNames, settings.fallbackLevelId) })}
        </dd>
        <dt style={term}>{t('admin.settings.atRisk')}</dt>
        <dd style={definition}>{t('admin.settings.atRiskValue', { percent: percent(settings.atRiskThresholdPercent) })}</dd>
        <dt style={term}>{t('admin.settings.pauseStatuses')}</dt>
        <dd style={definition}>
          {settings.pauseStatuses.length === 0 ? (
            <span style={subtlest}>{t('admin.common.none')}</span>
          ) : (
            <ul style={chipList}>
              {settings.pauseStatuses.map((status) => (
                <li key={status} style={chip}>
                  {status}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt style={term}>{t('admin.settings.priorities')}</dt>
        <dd style={definition}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
            {priorities.length === 0 ? null : (
              <table style={{ ...table, width: 'auto' }} data-testid="settings-priorities">
                <thead>
                  <tr>
                    <th scope="col" style={headerCell}>
                      {t('admin.settings.jiraPriority')}
                    </th>
                    <th scope="col" style={headerCell}>
                      {t('admin.settings.class')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {priorities.map(([name, priorityClass]) => (
                    <tr key={name}>
                      <td style={cell}>{name}</td>
                      <td style={{ ...cell, fontWeight: token('font.weight.semibold') }}>{priorityClass}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <span style={smallSubtlest}>{t('admin.settings.defaultClass', { class: settings.priorities.defaultClass })}</span>
          </div>
        </dd>
      </dl>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        <Heading size="xxsmall" as="h3">
          {t('admin.settings.messages')}
        </Heading>
        <div style={tableFrame}>
          <table style={table} data-testid="settings-messages">
            <thead>
              <tr>
                <th scope="col" style={headerCell}>
                  {t('admin.settings.kind')}
                </th>
                <th scope="col" style={headerCell}>
                  {t('admin.settings.language.en')}
                </th>
                <th scope="col" style={headerCell}>
                  {t('admin.settings.language.nl')}
                </th>
              </tr>
            </thead>
            <tbody>
              {MESSAGE_TEMPLATE_KINDS.map((kind) => (
                <tr key={kind}>
                  <th scope="row" style={{ ...cell, fontWeight: 'inherit', whiteSpace: 'nowrap', color: token('color.text.subtle') }}>
                    {t(`admin.settings.kind.${kind}`)}
                  </th>
                  <td style={{ ...cell, minWidth: '16rem' }} lang="en">
                    <Template text={settings.messages.en[kind]} />
                  </td>
                  <td style={{ ...cell, minWidth: '16rem' }} lang="nl">
                    <Template text={settings.messages.nl[kind]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </OverviewSection>
  );
}

/** A template with its `{placeholders}` shown as chips, so they stand out from the text. */
function Template({ text }: { text: string }) {
  const parts = text.split(/(\{[^{}]*\})/g).filter((part) => part !== '');
  return (
    <span>
      {parts.map((part, index) =>
        /^\{[^{}]*\}$/.test(part) ? (
          <code key={index} style={{ ...chip, background: token('color.background.accent.blue.subtlest'), color: token('color.text.accent.blue') }}>
            {part}
          </code>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </span>
  );
}
