/**
 * Which contract covers the request: customer, contract and version, service, level (bespoke
 * marked), priority class, resolution target and business hours.
 */
import type { ReactNode } from 'react';
import type { PanelTarget, PanelTerms } from '../../../../src/contract/panel-api';
import { targetText } from '../clock-text';
import { useI18n } from '../messages';
import { definitionGrid, subtleText, termStyle, valueStyle } from './detail-styles';

export function TermsList({ terms, resolution }: { terms: PanelTerms; resolution: PanelTarget | null }) {
  const { t, localDate, duration } = useI18n();
  const { version } = terms.contract;
  const versionText =
    version.effectiveTo === null
      ? t('terms.contractFrom', { version: version.label, from: localDate(version.effectiveFrom) })
      : t('terms.contractRange', { version: version.label, from: localDate(version.effectiveFrom), to: localDate(version.effectiveTo) });
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'customer', label: t('terms.customer'), value: terms.customer.name },
    {
      key: 'contract',
      label: t('terms.contract'),
      value: (
        <>
          {terms.contract.name} <span style={subtleText}>· {versionText}</span>
        </>
      ),
    },
    { key: 'service', label: t('terms.service'), value: terms.service.name },
    {
      key: 'level',
      label: t('terms.level'),
      value: terms.level.bespoke ? t('terms.levelBespoke', { name: terms.level.name }) : terms.level.name,
    },
    { key: 'priority', label: t('terms.priority'), value: terms.priorityClass },
  ];
  if (resolution !== null) {
    rows.push({ key: 'target', label: t('terms.target'), value: `${targetText(t, duration, resolution.targetMinutes, resolution.extendedMinutes)} (${t('time.business')})` });
  }
  rows.push({
    key: 'calendar',
    label: t('terms.calendar'),
    value: (
      <>
        {terms.calendar.name} <span style={subtleText}>· {terms.calendar.timeZone}</span>
      </>
    ),
  });

  return (
    <dl style={definitionGrid} data-testid="terms-list">
      {rows.map((row) => (
        <div key={row.key} style={{ display: 'contents' }}>
          <dt style={termStyle}>{row.label}</dt>
          <dd style={valueStyle} data-testid={`terms-${row.key}`}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
