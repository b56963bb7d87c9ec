/**
 * Help for a request no contract covers (issue 11 item 4): why — no contract, the contract expired
 * or is not in force, the service is not covered — and a message for the customer ("not covered by
 * your contract; we handle it on a best-effort basis"), with the out-of-contract rate when the
 * contract's commercial terms define one (`outOfContractRates`: the request type's own rate, else
 * the general one), formatted with `formatMoney` in the reader's locale.
 *
 * Pure: no I/O. Texts come from the `clock` catalogue: the panel's in the agent's language, the
 * message in the customer's.
 */
import type { ClockRecord, ExplanationStep, UncoveredReason } from '../contract/clock-record';
import type { Contract, ContractDatabase, ContractVersion, Rate } from '../contract/contract-database';
import { formatMoney } from '../contract/money';
import type { PanelUncovered } from '../contract/panel-api';
import type { ReaderText } from './reader-text';

/** What the panel shows and drafts for a request without contract coverage. */
export interface UncoveredHelp {
  readonly panel: PanelUncovered;
  /** The message for the customer, in their language. */
  readonly draft: string;
}

/**
 * The help for a request without contract coverage (state `uncovered`, or best-effort fallback
 * terms); null for a request a contract covers.
 *
 * @example uncoveredHelp(record, database, '10010', textFor('nl_NL'), textFor('en_GB'))?.panel.reason // 'service-not-covered'
 */
export function uncoveredHelp(
  record: ClockRecord,
  database: ContractDatabase,
  requestTypeId: string | null,
  agent: ReaderText,
  customer: ReaderText,
): UncoveredHelp | null {
  const source = coverageGap(record);
  if (source === null) return null;
  const rejection = source.steps.find((s): s is Extract<ExplanationStep, { kind: 'contract-rejected' }> => s.kind === 'contract-rejected');
  const contract = rejection === undefined ? undefined : database.contracts.find((c) => c.id === rejection.contract.id);
  const version = contract === undefined || rejection === undefined ? undefined : versionFor(contract, rejection.date);
  const rate = version?.outOfContractRates === undefined ? undefined : rateFor(version.outOfContractRates, requestTypeId);
  const currency = contract?.currency ?? database.settings.currency;
  const service = rejection?.service?.name ?? null;
  const rateText = (reader: ReaderText): string | null => (rate === undefined ? null : describeRate(rate, currency, reader));

  const customerRate = rateText(customer);
  const kind = source.reason === 'service-not-covered' ? 'service' : source.reason === 'contract-expired' ? 'expired' : 'other';
  const message = customer.t('customer.uncovered', { reason: kind, service: service ?? '' });
  const draft = customerRate === null ? message : `${message} ${customer.t('customer.uncoveredRate', { rate: customerRate })}`;
  return {
    panel: {
      reason: source.reason,
      bestEffort: source.bestEffort,
      contract: rejection?.contract.name ?? null,
      service,
      rate: rateText(agent),
      pricesHidden: rate !== undefined && contract?.showPricesToCustomer !== true,
    },
    draft,
  };
}

/** Why the record has no contract coverage, and the explanation that says so; null when covered. */
function coverageGap(record: ClockRecord): { reason: UncoveredReason; bestEffort: boolean; steps: readonly ExplanationStep[] } | null {
  if (record.terms === null) {
    return record.uncovered === null ? null : { reason: record.uncovered.reason, bestEffort: false, steps: record.uncovered.explanation };
  }
  if (record.terms.coverage === 'fallback' && record.terms.fallbackReason !== null) {
    return { reason: record.terms.fallbackReason, bestEffort: true, steps: record.terms.explanation };
  }
  return null;
}

/**
 * The contract version whose commercial terms apply: the one in force on the request's creation
 * date (a service it does not cover), else the latest that started before it (an expired contract).
 */
function versionFor(contract: Contract, date: string): ContractVersion | undefined {
  const started = contract.versions.filter((v) => v.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return started.find((v) => v.effectiveTo === undefined || date <= v.effectiveTo) ?? started[0];
}

function rateFor(rates: NonNullable<ContractVersion['outOfContractRates']>, requestTypeId: string | null): Rate | undefined {
  return (requestTypeId === null ? undefined : rates.byRequestType[requestTypeId]) ?? rates.default;
}

/** `€95.00 per hour`, `€45.00 per request`, or both, in the reader's locale. */
function describeRate(rate: Rate, currency: string, reader: ReaderText): string {
  const money = (amount: number): string => formatMoney(amount, currency, reader.locale);
  if (rate.hourly !== undefined && rate.perRequest !== undefined) {
    return reader.t('rate.both', { perRequest: money(rate.perRequest), hourly: money(rate.hourly) });
  }
  if (rate.hourly !== undefined) return reader.t('rate.hourly', { amount: money(rate.hourly) });
  return reader.t('rate.perRequest', { amount: money(rate.perRequest ?? 0) });
}
