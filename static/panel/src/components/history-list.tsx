/**
 * The record's history, newest first: when (agent's zone), who, what happened and why.
 */
import type { PanelHistoryEntry } from '../../../../src/contract/panel-api';
import { useI18n } from '../messages';
import { nameActor } from './actor-name';
import { listItem, plainList, smallSubtleText, subtleText } from './detail-styles';

export function HistoryList({ entries, agentZone }: { entries: readonly PanelHistoryEntry[]; agentZone: string }) {
  const { t, instant } = useI18n();
  if (entries.length === 0) return <p style={{ ...subtleText, margin: 0 }}>{t('history.empty')}</p>;
  return (
    <ol style={plainList} data-testid="history-list">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${String(index)}`} style={listItem} data-testid="history-item" data-kind={entry.kind}>
          <div>
            <strong>{t(`history.kind.${entry.kind}`)}</strong>
            {entry.detail === null ? null : <> · {entry.detail}</>}
          </div>
          <div style={smallSubtleText}>
            {instant(entry.at, agentZone)} · {nameActor(entry.by, t)}
          </div>
          {entry.reason === null ? null : (
            <div style={smallSubtleText}>{t('history.reason', { reason: entry.reason })}</div>
          )}
        </li>
      ))}
    </ol>
  );
}
