/**
 * The one place the Custom UI apps talk to `@forge/bridge`: resolver calls parsed into envelopes,
 * the Forge context (locale, zone), theming and navigation. Keeping the bridge here lets every
 * other UI module stay testable in Node (the bridge needs the host's `window.__bridge` at import).
 *
 * Host bridge calls used (what a host such as the sandbox must answer): `invoke`, `getContext`,
 * `enableTheming`, `navigate` (to a module or a site path).
 */
// The members are imported from their own files of @forge/bridge instead of its index: the index
// is CommonJS, so bundlers cannot drop what it re-exports, and it drags in the whole bridge (Rovo,
// realtime, i18n catalogues, an ADF renderer with iframe-resizer): ~20 kB gzip of the panel's 150 kB
// budget. The package's `exports` map hides these files, hence the path through node_modules;
// should @forge/bridge move them, the build fails on the import rather than misbehaving.
import { invoke } from '../../node_modules/@forge/bridge/out/invoke/invoke';
import { NavigationTarget } from '../../node_modules/@forge/bridge/out/router/targets';
import { router } from '../../node_modules/@forge/bridge/out/router/router';
import { getContext } from '../../node_modules/@forge/bridge/out/view/getContext';
import { theme } from '../../node_modules/@forge/bridge/out/view/theme';
import type { z } from 'zod';
import type { Envelope } from '../../src/contract/envelope';
import { describeTransportError, parseEnvelope } from './resolver-envelope';
import { readUiContext, type UiContext } from './ui-context';

/**
 * Calls a resolver and parses its answer; never throws. A failed call answers
 * `{ ok: false, error: { code: 'unavailable' } }`, a malformed answer `{ code: 'internal' }`.
 */
export async function invokeResolver<T extends z.ZodType>(
  key: string,
  payload: Readonly<Record<string, unknown>>,
  data: T,
): Promise<Envelope<z.output<T>>> {
  let raw: unknown;
  try {
    raw = await invoke(key, { ...payload });
  } catch (error: unknown) {
    return { ok: false, error: describeTransportError(error) };
  }
  return parseEnvelope(raw, data);
}

/** The user's locale and zone from the Forge context, with the browser's as fallback. */
export async function loadUiContext(): Promise<UiContext> {
  const fallback: UiContext = {
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  try {
    return readUiContext(await getContext(), fallback);
  } catch {
    // Without a context the UI still works, in the browser's language and zone.
    return readUiContext(undefined, fallback);
  }
}

/**
 * Asks the host to apply the user's theme (light / dark) through design tokens. A host without
 * theming leaves the default light tokens, which is still a working UI, so a failure is ignored.
 */
export async function enableTheme(): Promise<void> {
  try {
    await theme.enable();
  } catch {
    // Theming is cosmetic; the app must not fail to start because of it.
  }
}

/**
 * The type of the module the app is shown in (`context.extension.type`, e.g.
 * `jiraServiceManagement:portalProfilePanel`), for a bundle that serves several modules; null when
 * the context does not say.
 */
export async function loadModuleType(): Promise<string | null> {
  try {
    const context: unknown = await getContext();
    if (typeof context !== 'object' || context === null || !('extension' in context)) return null;
    const extension: unknown = context.extension;
    if (typeof extension !== 'object' || extension === null || !('type' in extension)) return null;
    return typeof extension.type === 'string' ? extension.type : null;
  } catch {
    return null;
  }
}

/** Opens a page of the site (a path such as `/servicedesk/customer/user/profile`) in the same tab. */
export async function navigateToSitePath(path: string): Promise<void> {
  await router.navigate(path);
}

/** Opens another module of this app, e.g. the admin page, in the same tab. */
export async function navigateToModule(moduleKey: string): Promise<void> {
  await router.navigate({ target: NavigationTarget.Module, moduleKey });
}
