/**
 * Dev-only: plays the Forge host for the admin harness page with the shared mock host
 * (static/shared/dev/install-mock-bridge-kit.ts): `getContext` answers the admin page,
 * `invoke` goes to the mock admin backend.
 *
 * URL parameters: scenario=found|missing|invalid, locale=en-GB|nl-NL|…, theme=light|dark,
 * delay=<ms>, failLoad=<error code> (forbidden: a non-admin), failActions=<error code>.
 *
 * Must be imported before anything that imports @forge/bridge (it reads the bridge at import).
 */
import { installMockBridge, readHarnessParams } from '../../shared/dev/install-mock-bridge-kit';
import { adminScenarios, createMockAdminBackend, type AdminScenario } from './mock-admin-backend';

const { params, locale, colorMode, delayMs, failures } = readHarnessParams(window.location.search, 200);
const scenario: AdminScenario = adminScenarios.find((candidate) => candidate === params.get('scenario')) ?? 'found';
const backend = createMockAdminBackend({ scenario, ...failures });

installMockBridge({
  context: { locale, timezone: 'Europe/Amsterdam', moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } },
  colorMode,
  delayMs,
  handle: backend.handle,
});
