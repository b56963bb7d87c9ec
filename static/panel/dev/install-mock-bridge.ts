/**
 * Dev-only: plays the Forge host for the harness page. Installs `window.__bridge` (what
 * @forge/bridge talks to) answering `getContext`, `enableTheming` (applies the Atlassian light or
 * dark theme with @atlaskit/tokens, as Jira does for themed Custom UI), `navigate` (recorded) and
 * `invoke` (the mock backend, with a small delay so loading states show).
 *
 * URL parameters: scenario=on-track|at-risk|breached|paused|met|uncovered|error, locale=en-GB|nl-NL|…,
 * theme=light|dark, admin=1, agentZone=<IANA>, delay=<ms>, failLoad=<error code>,
 * failActions=<error code>. `window.__mockPanel.bumpRevision()` simulates a concurrent change.
 *
 * Must be imported before anything that imports @forge/bridge (it reads the bridge at import).
 */
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { errorCodeSchema, type ErrorCode } from '../../../src/contract/envelope';
import { selectLanguage } from '../../shared/i18n';
import { scenarios, type Scenario } from './fixtures';
import { createMockPanelBackend } from './mock-panel-backend';

interface MockHost {
  callBridge: (name: string, payload?: unknown) => Promise<unknown>;
}

declare global {
  interface Window {
    __bridge?: MockHost;
    __mockPanel?: ReturnType<typeof createMockPanelBackend>;
    __navigations?: unknown[];
  }
}

const params = new URLSearchParams(window.location.search);
const scenario: Scenario = scenarios.find((candidate) => candidate === params.get('scenario')) ?? 'on-track';
const locale = params.get('locale') ?? 'en-GB';
const colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';
const delayMs = Number(params.get('delay') ?? '250');

function readErrorCode(name: string): ErrorCode | undefined {
  const parsed = errorCodeSchema.safeParse(params.get(name));
  return parsed.success ? parsed.data : undefined;
}

const failLoad = readErrorCode('failLoad');
const failActions = readErrorCode('failActions');
const agentZone = params.get('agentZone') ?? 'Europe/London';
const backend = createMockPanelBackend({
  scenario,
  agentZone,
  language: selectLanguage(locale),
  isJiraAdmin: params.get('admin') === '1',
  ...(failLoad === undefined ? {} : { failLoad }),
  ...(failActions === undefined ? {} : { failActions }),
});

const wait = (ms: number) =>
  new Promise<void>((resolve) => {
    window.setTimeout(resolve, ms);
  });

function readInvoke(payload: unknown): { functionKey: string; payload: unknown } {
  if (typeof payload === 'object' && payload !== null && 'functionKey' in payload && typeof payload.functionKey === 'string') {
    return { functionKey: payload.functionKey, payload: 'payload' in payload ? payload.payload : undefined };
  }
  throw new Error('invoke without functionKey');
}

window.__mockPanel = backend;
window.__navigations = [];
window.__bridge = {
  async callBridge(name, payload) {
    switch (name) {
      case 'getContext':
        return {
          locale,
          timezone: agentZone,
          moduleKey: 'contract-clock-panel',
          extension: { type: 'jira:issuePanel', issue: { key: 'SUP-142', type: 'Service Request' } },
        };
      case 'enableTheming':
        await setGlobalTheme({ colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' });
        return undefined;
      case 'navigate':
        window.__navigations?.push(payload);
        return undefined;
      case 'invoke': {
        const call = readInvoke(payload);
        await wait(delayMs);
        return backend.handle(call.functionKey, call.payload);
      }
      default:
        throw new Error(`The mock host does not implement ${name}.`);
    }
  },
};
