/**
 * Dev-only: plays the Forge host for the harness page with the shared mock host
 * (static/shared/dev/install-mock-bridge-kit.ts): `getContext` answers an issue panel on SUP-142,
 * `navigate` is recorded, `invoke` goes to the mock panel backend.
 *
 * URL parameters: scenario=on-track|at-risk|breached|paused|met|uncovered|error, locale=en-GB|nl-NL|…,
 * theme=light|dark, admin=1, agentZone=<IANA>, delay=<ms>, failLoad=<error code>,
 * failActions=<error code>. `window.__mockPanel.bumpRevision()` simulates a concurrent change.
 *
 * Must be imported before anything that imports @forge/bridge (it reads the bridge at import).
 */
import { selectLanguage } from '../../../src/i18n/messages';
import { installMockBridge, readHarnessParams } from '../../shared/dev/install-mock-bridge-kit';
import { scenarios, type Scenario } from './fixtures';
import { createMockPanelBackend } from './mock-panel-backend';

declare global {
  interface Window {
    __mockPanel?: ReturnType<typeof createMockPanelBackend>;
    __navigations?: unknown[];
  }
}

const { params, locale, colorMode, delayMs, failures } = readHarnessParams(window.location.search, 250);
const scenario: Scenario = scenarios.find((candidate) => candidate === params.get('scenario')) ?? 'on-track';
const agentZone = params.get('agentZone') ?? 'Europe/London';
const backend = createMockPanelBackend({
  scenario,
  agentZone,
  language: selectLanguage(locale),
  isJiraAdmin: params.get('admin') === '1',
  ...failures,
});

window.__mockPanel = backend;
window.__navigations = [];
installMockBridge({
  context: {
    locale,
    timezone: agentZone,
    moduleKey: 'contract-clock-panel',
    extension: { type: 'jira:issuePanel', issue: { key: 'SUP-142', type: 'Service Request' } },
  },
  colorMode,
  delayMs,
  handle: backend.handle,
  extraCalls: {
    navigate: (payload) => {
      window.__navigations?.push(payload);
      return undefined;
    },
  },
});
