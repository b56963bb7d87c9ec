/**
 * Resolvers of the contract panel (`jira:issuePanel`), one per key of src/contract/panel-api.ts.
 * The issue comes from the Forge context; every key re-checks the caller's permission on it.
 */
import type { DepsSource } from '../app/deps';
import {
  extendDeadline,
  loadPanelView,
  pauseClock,
  postPanelMessage,
  previewPromise,
  previewReapply,
  reapplyContractTerms,
  resumeClock,
  type PanelCaller,
} from '../app/panel-service';
import { fail, type Envelope } from '../contract/envelope';
import type { ResolverContext } from '../contract/forge-events';
import { PANEL_RESOLVER_KEYS, panelApi } from '../contract/panel-api';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver, type ResolverCall } from './resolver-kit';

function callerOf(accountId: string, context: ResolverContext): PanelCaller | null {
  const issue = context.extension.issue;
  if (issue === undefined) return null;
  return { accountId, issueId: issue.id, issueKey: issue.key, locale: context.locale ?? null, timeZone: context.timezone ?? null };
}

/** Runs a panel use case for the issue of the Forge context. */
function forIssue<P, T>(run: (call: ResolverCall<P>, caller: PanelCaller) => Promise<Envelope<T>>) {
  return (call: ResolverCall<P>): Promise<Envelope<T>> => {
    const caller = callerOf(call.accountId, call.context);
    return caller === null ? Promise.resolve(fail('invalid-input', 'The panel was opened outside an issue.')) : run(call, caller);
  };
}

export function createPanelResolver(deps: DepsSource = productionDeps) {
  return buildResolver('panel', deps, {
    [PANEL_RESOLVER_KEYS.get]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.get].payload,
      run: forIssue((call, caller) => loadPanelView(call.deps, caller)),
    }),
    [PANEL_RESOLVER_KEYS.postMessage]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.postMessage].payload,
      run: forIssue((call, caller) => postPanelMessage(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.previewReapply]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.previewReapply].payload,
      run: forIssue((call, caller) => previewReapply(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.reapply]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.reapply].payload,
      run: forIssue((call, caller) => reapplyContractTerms(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.previewPromise]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.previewPromise].payload,
      run: forIssue((call, caller) => previewPromise(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.pause]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.pause].payload,
      run: forIssue((call, caller) => pauseClock(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.resume]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.resume].payload,
      run: forIssue((call, caller) => resumeClock(call.deps, caller, call.payload)),
    }),
    [PANEL_RESOLVER_KEYS.extend]: defineResolver({
      payload: panelApi[PANEL_RESOLVER_KEYS.extend].payload,
      run: forIssue((call, caller) => extendDeadline(call.deps, caller, call.payload)),
    }),
  });
}

export const panelResolver = createPanelResolver();
