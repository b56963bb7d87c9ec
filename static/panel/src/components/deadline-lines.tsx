/**
 * A deadline in the agent's zone and in the contract calendar's zone — one line when both show
 * the same wall-clock time. Only formats the instant the backend computed.
 */
import { token } from '@atlaskit/tokens';
import { zonesShowSameTime } from '../../../../src/i18n/format';
import { useI18n } from '../messages';

export interface DeadlineLinesProps {
  deadline: string;
  agentZone: string;
  /** null when no contract calendar applies. */
  contractZone: string | null;
  testIdPrefix: string;
}

const rowStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(7rem, max-content) 1fr',
  columnGap: token('space.200'),
  rowGap: token('space.050'),
  alignItems: 'baseline',
  margin: 0,
  padding: 0,
} as const;

export function DeadlineLines({ deadline, agentZone, contractZone, testIdPrefix }: DeadlineLinesProps) {
  const { t, instant, zone } = useI18n();
  const together = contractZone === null || zonesShowSameTime(deadline, agentZone, contractZone);
  const zoneText = (timeZone: string) => <span style={{ color: token('color.text.subtlest') }}>{zone(deadline, timeZone)}</span>;
  return (
    <dl style={rowStyle}>
      {together ? (
        <>
          <dt style={{ color: token('color.text.subtle') }}>
            {contractZone === null ? t('deadline.yourTime') : t('deadline.bothZones')}
          </dt>
          <dd style={{ margin: 0 }} data-testid={`${testIdPrefix}-agent`}>
            <strong>{instant(deadline, agentZone)}</strong> {zoneText(agentZone)}
            {contractZone !== null && contractZone !== agentZone ? <> · {zoneText(contractZone)}</> : null}
          </dd>
        </>
      ) : (
        <>
          <dt style={{ color: token('color.text.subtle') }}>{t('deadline.yourTime')}</dt>
          <dd style={{ margin: 0 }} data-testid={`${testIdPrefix}-agent`}>
            <strong>{instant(deadline, agentZone)}</strong> {zoneText(agentZone)}
          </dd>
          <dt style={{ color: token('color.text.subtle') }}>{t('deadline.contractTime')}</dt>
          <dd style={{ margin: 0 }} data-testid={`${testIdPrefix}-contract`}>
            <strong>{instant(deadline, contractZone)}</strong> {zoneText(contractZone)}
          </dd>
        </>
      )}
    </dl>
  );
}
