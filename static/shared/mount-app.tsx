/**
 * Starts a Custom UI app: asks the host for theming, loads the Forge context once (locale, zone)
 * and renders the app inside its own I18nProvider (./i18n-context). Shared by every app under static/.
 */
import '@atlaskit/css-reset';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme, loadUiContext } from './forge-bridge';
import type { I18nProviderComponent } from './i18n-context';

export async function mountApp(container: HTMLElement, I18nProvider: I18nProviderComponent, app: ReactNode): Promise<void> {
  const [context] = await Promise.all([loadUiContext(), enableTheme()]);
  document.documentElement.lang = context.locale;
  createRoot(container).render(
    <StrictMode>
      <I18nProvider context={context}>{app}</I18nProvider>
    </StrictMode>,
  );
}
