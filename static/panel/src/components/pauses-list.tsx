/**
 * The pauses of the clock, oldest first as recorded: from – to (or ongoing) in the agent's zone,
 * by a pause status or by hand, with who and why.
 */
import type { PanelPause } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { nameActor } from './actor-name';
import { listItem, plainList, smallSubtleText, subtleText } from './detail-styles';

export function PausesList({ pauses, agentZone }: { pauses: readonly PanelPause[]; agentZone: string }) {
  const { t, instant } = useI18n();
  if (pauses.length === 0) return <p style={{ ...subtleText, margin: 0 }}>{t('pauses.empty')}</p>;
  return (
    <ul style={plainList} data-testid="pauses-list">
      {pauses.map((pause) => (
        <li key={pause.from} style={listItem} data-testid="pause-item" data-ongoing={pause.to === null}>
          <div>
            {instant(pause.from, agentZone)} – {pause.to === null ? <em>{t('pauses.ongoing')}</em> : instant(pause.to, agentZone)}
          </div>
          <div style={smallSubtleText}>
            {t(pause.kind === 'status' ? 'pauses.kind.status' : 'pauses.kind.manual')} · {nameActor(pause.by, t)}
            {pause.reason.trim() === '' ? null : <> · {pause.reason}</>}
          </div>
        </li>
      ))}
    </ul>
  );
}
