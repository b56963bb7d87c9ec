/**
 * Atlassian design tokens for the sandbox: the theme CSS that `@atlaskit/tokens` generates (light,
 * dark, spacing, typography, shape), served once as /sandbox/assets/tokens.css, and the <html>
 * attributes that select a theme. Tokens attach by attributes on the root element:
 * `data-theme="dark:dark light:light spacing:spacing …"` lists the themes, and `data-color-mode`
 * picks light or dark, exactly what `getThemeHtmlAttrs` from `@atlaskit/tokens` produces (we build
 * the string here because that helper consults Atlassian feature gates that log errors offline).
 *
 * Used by host pages (which are themed too) and by frames that call `view.theme.enable()`.
 */
import path from 'node:path';
import { z } from 'zod';

export const colorModeSchema = z.enum(['light', 'dark']);
export type ColorMode = z.infer<typeof colorModeSchema>;

/** The themes loaded, in the order of their CSS. Each file's default export is its CSS text. */
const themeFiles = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
] as const;

const themeModuleSchema = z.object({ default: z.string() });

/** The value of `data-theme`: which theme each kind resolves to. */
export const themeAttributeValue = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

/**
 * The attributes to set on <html> for a colour mode.
 *
 * @example themeHtmlAttrs('dark') // { 'data-theme': 'dark:dark light:light …', 'data-color-mode': 'dark' }
 */
export function themeHtmlAttrs(colorMode: ColorMode): Record<'data-theme' | 'data-color-mode', string> {
  return { 'data-theme': themeAttributeValue, 'data-color-mode': colorMode };
}

/** The ThemeState-like object Forge puts in `context.theme`. */
export function forgeThemeState(colorMode: ColorMode): Record<string, string> {
  return { colorMode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' };
}

let cached: Promise<string> | null = null;

/**
 * Loads and concatenates the token CSS of every theme in `themeFiles` (once per process).
 *
 * @example (await loadTokensCss()).includes('--ds-text') // true
 */
export function loadTokensCss(): Promise<string> {
  cached ??= (async () => {
    const packageDir = path.dirname(require.resolve('@atlaskit/tokens/package.json'));
    const parts: string[] = [];
    for (const name of themeFiles) {
      const file = path.join(packageDir, 'dist', 'cjs', 'artifacts', 'themes', `${name}.js`);
      // a computed specifier: the artifact has no typings of its own, zod checks its shape instead
      const loaded: unknown = await import(file);
      parts.push(themeModuleSchema.parse(loaded).default);
    }
    return parts.join('\n');
  })();
  return cached;
}
