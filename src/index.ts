/**
 * Forge entry point: re-exports the handlers named in manifest.yml, grouped by module type.
 * Nothing else lives here (test/manifest/manifest-contract.test.ts checks the two agree).
 */

// trigger
export { onIssueCreated } from './entry/on-issue-created';
export { onIssueUpdated } from './entry/on-issue-updated';
export { onIssueCommented } from './entry/on-issue-commented';

// scheduledTrigger
export { runSweep } from './entry/run-sweep';

// consumer (@forge/events queues)
export { onRebuildEvent } from './entry/on-rebuild-event';
export { onSweepEvent } from './entry/on-sweep-event';
export { onReapplyEvent } from './entry/on-reapply-event';

// resolvers, one per UI surface
export { panelResolver } from './entry/panel-resolver';
export { adminResolver } from './entry/admin-resolver';
export { gadgetResolver } from './entry/gadget-resolver';
export { reportsResolver } from './entry/reports-resolver';
export { triageResolver } from './entry/triage-resolver';
export { portalResolver } from './entry/portal-resolver';
