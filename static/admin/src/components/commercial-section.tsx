/**
 * The overview's commercial sections (issue 14.2, 14.3): what each contract's version in force today
 * is worth per month and per year, and the contracts whose notice date or end of term falls in the
 * next 90 days with their account manager and the state of the notice reminder. The backend computes
 * both (admin/get: src/app/admin-summary.ts, src/app/renewals-overview.ts); this only formats them.
 */
import { token } from '@atlaskit/tokens';
import type { ValueInForceData } from '../../../../src/contract/admin-api';
import type { Contract } from '../../../../src/contract/contract-database-shape';
import { RENEWALS_HORIZON_DAYS, type AdminRenewal } from '../../../../src/contract/renewals-api';
import { useI18n, type AdminI18n } from '../messages';
import { formatMoney } from '../database-view';
import { cell, headerCell, numericCell, smallSubtlest, table, tableFrame } from './admin-styles';
import { OverviewSection } from './overview-section';
import { reminderText } from '../../../shared/renewal-reminder';

export interface CommercialSectionsProps {
  contracts: readonly Contract[];
  valuesInForce: readonly ValueInForceData[];
  renewals: readonly AdminRenewal[];
}

function ContractName({ customer, contract, version }: { customer: string; contract: string; version: string | null }) {
  return (
    <>
      <div>{customer}</div>
      <div style={smallSubtlest}>{version === null ? contract : `${contract} · ${version}`}</div>
    </>
  );
}

function RenewalDate({ i18n, value }: { i18n: AdminI18n; value: AdminRenewal['notice'] }) {
  if (value === null) return <span style={smallSubtlest}>—</span>;
  return (
    <>
      <div>{i18n.localDate(value.date)}</div>
      <div style={{ ...smallSubtlest, ...(value.days <= 30 ? { color: token('color.text.warning') } : {}) }}>{i18n.t('admin.renewals.in', { days: value.days })}</div>
    </>
  );
}

export function CommercialSections({ contracts, valuesInForce, renewals }: CommercialSectionsProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const byId = new Map(contracts.map((c) => [c.id, c] as const));
  return (
    <>
      <OverviewSection id="contract-values" title={t('admin.values.title')} count={valuesInForce.length} empty={t('admin.values.empty')} help={t('admin.values.help')}>
        <div style={tableFrame}>
          <table style={table} data-testid="overview-contract-values-table">
            <thead>
              <tr>
                <th scope="col" style={headerCell}>{t('admin.values.contract')}</th>
                <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>{t('admin.values.monthly')}</th>
                <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>{t('admin.values.yearly')}</th>
              </tr>
            </thead>
            <tbody>
              {valuesInForce.map((value) => {
                const contract = byId.get(value.contractId);
                const inForce = value.inForce;
                return (
                  <tr key={value.contractId} data-contract={value.contractId}>
                    <td style={cell}>
                      <ContractName
                        customer={contract?.customer.name ?? value.contractId}
                        contract={contract?.name ?? value.contractId}
                        version={inForce === null ? null : t('admin.contracts.version', { version: inForce.version })}
                      />
                      {inForce !== null && inForce.unpricedServiceIds.length > 0 ? (
                        <div style={{ ...smallSubtlest, color: token('color.text.warning') }}>{t('admin.values.unpriced', { count: inForce.unpricedServiceIds.length })}</div>
                      ) : null}
                    </td>
                    {inForce === null ? (
                      <td colSpan={2} style={{ ...cell, ...smallSubtlest }}>{t('admin.values.notInForce', { date: i18n.localDate(value.today) })}</td>
                    ) : (
                      <>
                        <td style={numericCell} data-amount-minor={inForce.monthlyMinor}>{formatMoney(inForce.monthlyMinor, value.currency, locale)}</td>
                        <td style={numericCell} data-amount-minor={inForce.yearlyMinor}>{formatMoney(inForce.yearlyMinor, value.currency, locale)}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </OverviewSection>
      <OverviewSection
        id="renewals"
        title={t('admin.renewals.title', { days: RENEWALS_HORIZON_DAYS })}
        count={renewals.length}
        empty={t('admin.renewals.none', { days: RENEWALS_HORIZON_DAYS })}
        help={t('admin.renewals.help', { days: RENEWALS_HORIZON_DAYS })}
      >
        <div style={tableFrame}>
          <table style={table} data-testid="overview-renewals-table">
            <thead>
              <tr>
                <th scope="col" style={headerCell}>{t('admin.values.contract')}</th>
                <th scope="col" style={headerCell}>{t('admin.renewals.notice')}</th>
                <th scope="col" style={headerCell}>{t('admin.renewals.end')}</th>
                <th scope="col" style={{ ...headerCell, textAlign: 'end' }}>{t('admin.values.monthly')}</th>
                <th scope="col" style={headerCell}>{t('admin.renewals.manager')}</th>
                <th scope="col" style={headerCell}>{t('admin.renewals.reminder')}</th>
              </tr>
            </thead>
            <tbody>
              {renewals.map((renewal) => (
                <tr key={`${renewal.contract.id}-${String(renewal.version)}`} data-contract={renewal.contract.id} data-reminder={renewal.reminder?.status ?? 'none'}>
                  <td style={cell}>
                    <ContractName customer={renewal.customer.name} contract={renewal.contract.name} version={t('admin.contracts.version', { version: renewal.version })} />
                  </td>
                  <td style={cell}><RenewalDate i18n={i18n} value={renewal.notice} /></td>
                  <td style={cell}><RenewalDate i18n={i18n} value={renewal.end} /></td>
                  <td style={numericCell} data-amount-minor={renewal.monthlyValue?.amountMinor ?? ''}>
                    {renewal.monthlyValue === null ? '—' : formatMoney(renewal.monthlyValue.amountMinor, renewal.monthlyValue.currency, locale)}
                  </td>
                  <td style={cell}>{renewal.accountManager?.name ?? <span style={smallSubtlest}>{t('admin.renewals.noManager')}</span>}</td>
                  <td style={cell} data-testid={`overview-renewal-reminder-${renewal.contract.id}`}>{reminderText(i18n, renewal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </OverviewSection>
    </>
  );
}
