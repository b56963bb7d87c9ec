/**
 * Dev-only: plays the Forge host for the admin harness page. Installs `window.__bridge` (what
 * @forge/bridge talks to) answering `getContext`, `enableTheming` (the Atlassian light or dark
 * theme through @atlaskit/tokens) and `invoke` (the mock backend, with a small delay so loading
 * states show).
 *
 * URL parameters: scenario=found|missing|invalid, locale=en-GB|nl-NL|…, theme=light|dark,
 * delay=<ms>, failLoad=<error code> (forbidden: a non-admin), failActions=<error code>.
 *
 * Must be imported before anything that imports @forge/bridge (it reads the bridge at import).
 */
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { errorCodeSchema, type ErrorCode } from '../../../src/contract/envelope';
import { adminScenarios, createMockAdminBackend, type AdminScenario } from './mock-admin-backend';

interface MockHost {
  callBridge: (name: string, payload?: unknown) => Promise<unknown>;
}

declare global {
  interface Window {
    __bridge?: MockHost;
  }
}

const params = new URLSearchParams(window.location.search);
const scenario: AdminScenario = adminScenarios.find((candidate) => candidate === params.get('scenario')) ?? 'found';
const locale = params.get('locale') ?? 'en-GB';
const colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';
const delayMs = Number(params.get('delay') ?? '200');

function readErrorCode(name: string): ErrorCode | undefined {
  const parsed = errorCodeSchema.safeParse(params.get(name));
  return parsed.success ? parsed.data : undefined;
}

const failLoad = readErrorCode('failLoad');
const failActions = readErrorCode('failActions');
const backend = createMockAdminBackend({
  scenario,
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

window.__bridge = {
  async callBridge(name, payload) {
    switch (name) {
      case 'getContext':
        return { locale, timezone: 'Europe/Amsterdam', moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } };
      case 'enableTheming':
        await setGlobalTheme({ colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' });
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
