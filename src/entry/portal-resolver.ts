/**
 * Resolvers of the customer portal's modules (`jiraServiceManagement:portalRequestDetailPanel` and
 * `jiraServiceManagement:portalProfilePanel`, one resolver function for both), one per key of
 * src/contract/portal-api.ts. The caller is the account Forge invoked the function for; the request
 * comes from the Forge context, never the payload; anonymous visitors get nothing (ADR 0028).
 */
import type { DepsSource } from '../app/deps';
import { portalCallerOf, type PortalCaller } from '../app/portal-access';
import { loadMyContractView, loadPortalRequestView } from '../app/portal-service';
import { fail, type Envelope } from '../contract/envelope';
import { PORTAL_RESOLVER_KEYS, portalApi } from '../contract/portal-api';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver, type ResolverCall } from './resolver-kit';

const LOG_IN = 'Log in to the help center to see your agreement.';

/** Runs a portal use case for a caller with an account; anonymous callers are refused. */
function forCustomer<P, T>(run: (call: ResolverCall<P>, caller: PortalCaller) => Promise<Envelope<T>>) {
  return (call: ResolverCall<P>): Promise<Envelope<T>> => {
    const caller = portalCallerOf(call.accountId, call.context);
    return caller === null ? Promise.resolve(fail('forbidden', LOG_IN)) : run(call, caller);
  };
}

export function createPortalResolver(deps: DepsSource = productionDeps) {
  return buildResolver('portal', deps, {
    [PORTAL_RESOLVER_KEYS.request]: defineResolver({
      payload: portalApi[PORTAL_RESOLVER_KEYS.request].payload,
      run: forCustomer((call, caller) => {
        const request = call.context.extension.request;
        if (request === undefined) return Promise.resolve(fail('invalid-input', 'The agreement panel was opened outside a request.'));
        return loadPortalRequestView(call.deps, caller, request.key);
      }),
    }),
    [PORTAL_RESOLVER_KEYS.myContract]: defineResolver({
      payload: portalApi[PORTAL_RESOLVER_KEYS.myContract].payload,
      run: forCustomer((call, caller) => loadMyContractView(call.deps, caller)),
    }),
  });
}

export const portalResolver = createPortalResolver();
