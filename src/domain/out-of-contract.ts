/**
 * What a request the contract does not cover costs (issue 14.1): when terms resolution rejected the
 * customer's contract because it does not cover the request's service (`service-not-covered`), the
 * out-of-contract rate of the contract version in force on the request's creation date — the one for
 * the request's JSM request type when the version names one, else its general rate. The panel shows it
 * ("Not covered by the contract: billable at € 95 / hour").
 *
 * No rate for a request without a contract at all (no or unknown organization) or one whose contract
 * is not in force: there is no agreement whose rates could apply.
 *
 * Pure: no I/O, no clock.
 */
import type { ClockRecord, ExplanationStep } from '../contract/clock-record';
import type { ContractDatabase } from '../contract/contract-database';
import type { OutOfContractRate } from '../contract/panel-api';

/**
 * @example outOfContractRate(db, record, '12') // { contract: { id: 'acme-2026', … }, hourly: { amountMinor: 9500, currency: 'EUR' }, perRequest: null, requestType: false }
 */
export function outOfContractRate(db: ContractDatabase, record: ClockRecord, requestTypeId: string | null): OutOfContractRate | null {
  if (record.terms !== null && record.terms.coverage === 'contract') return null;
  const steps: readonly ExplanationStep[] = record.terms?.explanation ?? record.uncovered?.explanation ?? [];
  for (const step of steps) {
    if (step.kind !== 'contract-rejected' || step.reason !== 'service-not-covered') continue;
    const contract = db.contracts.find((c) => c.id === step.contract.id);
    const version = contract?.versions.find((v) => v.effectiveFrom <= step.date && (v.effectiveTo === undefined || v.effectiveTo >= step.date));
    const rates = version?.outOfContractRates;
    if (contract === undefined || rates === undefined) continue;
    const own = requestTypeId === null ? undefined : rates.byRequestType[requestTypeId];
    const rate = own ?? rates.default;
    if (rate === undefined) continue;
    const currency = contract.currency ?? db.settings.currency;
    return {
      contract: { id: contract.id, name: contract.name },
      hourly: rate.hourly === undefined ? null : { amountMinor: rate.hourly, currency },
      perRequest: rate.perRequest === undefined ? null : { amountMinor: rate.perRequest, currency },
      requestType: own !== undefined,
    };
  }
  return null;
}
