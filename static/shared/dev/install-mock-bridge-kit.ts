/**
 * Dev-only: the Forge host that the apps' harness pages (static/<app>/dev) share. Reads the common
 * URL parameters and installs `window.__bridge` (what @forge/bridge talks to) answering
 * `getContext` (the app's context), `enableTheming` (the Atlassian light or dark theme through
 * @atlaskit/tokens, as Jira does for themed Custom UI), `invoke` (the app's mock backend, with a
 * small delay so loading states show) and any extra calls the app adds.
 *
 * Common URL parameters: locale=en-GB|nl-NL|…, theme=light|dark, delay=<ms>,
 * failLoad=<error code>, failActions=<error code>.
 *
 * Never bundled in production: only the dev harness entries import it (not reachable from any
 * app's index.html). Must not import @forge/bridge — it has to run before the bridge is read.
 */
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { errorCodeSchema, type ErrorCode } from '../../../src/contract/envelope';

interface MockHost {
  callBridge: (name: string, payload?: unknown) => Promise<unknown>;
}

declare global {
  interface Window {
    __bridge?: MockHost;
  }
}

/** The simulated failures, shaped to spread into a mock backend's options. */
export interface HarnessFailures {
  failLoad?: ErrorCode;
  failActions?: ErrorCode;
}

/** The URL parameters every harness page understands, plus the raw ones for app-specific reads. */
export interface HarnessParams {
  params: URLSearchParams;
  locale: string;
  colorMode: 'light' | 'dark';
  delayMs: number;
  failures: HarnessFailures;
}

/** Reads the common harness parameters from a query string; `delay` defaults per app. */
export function readHarnessParams(search: string, defaultDelayMs: number): HarnessParams {
  const params = new URLSearchParams(search);
  const readErrorCode = (name: string): ErrorCode | undefined => {
    const parsed = errorCodeSchema.safeParse(params.get(name));
    return parsed.success ? parsed.data : undefined;
  };
  const failLoad = readErrorCode('failLoad');
  const failActions = readErrorCode('failActions');
  return {
    params,
    locale: params.get('locale') ?? 'en-GB',
    colorMode: params.get('theme') === 'dark' ? 'dark' : 'light',
    delayMs: Number(params.get('delay') ?? String(defaultDelayMs)),
    // exactOptionalPropertyTypes: leave absent failures out instead of setting them to undefined.
    failures: {
      ...(failLoad === undefined ? {} : { failLoad }),
      ...(failActions === undefined ? {} : { failActions }),
    },
  };
}

export interface MockBridgeOptions {
  /** What `getContext` answers. */
  context: unknown;
  colorMode: 'light' | 'dark';
  /** Delay before each `invoke` answers, so loading states show. */
  delayMs: number;
  /** The app's mock backend. */
  handle: (functionKey: string, payload: unknown) => unknown;
  /** Further bridge calls the app answers (e.g. `navigate`). */
  extraCalls?: Readonly<Record<string, (payload: unknown) => unknown>>;
}

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

/** Installs the mock host as `window.__bridge`. */
export function installMockBridge(options: MockBridgeOptions): void {
  const { context, colorMode, delayMs, handle, extraCalls = {} } = options;
  window.__bridge = {
    async callBridge(name, payload) {
      switch (name) {
        case 'getContext':
          return context;
        case 'enableTheming':
          await setGlobalTheme({ colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' });
          return undefined;
        case 'invoke': {
          const call = readInvoke(payload);
          await wait(delayMs);
          return handle(call.functionKey, call.payload);
        }
        default: {
          const extra = Object.hasOwn(extraCalls, name) ? extraCalls[name] : undefined;
          if (extra === undefined) throw new Error(`The mock host does not implement ${name}.`);
          return extra(payload);
        }
      }
    },
  };
}
