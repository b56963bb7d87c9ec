/**
 * The little the UI needs from the Forge context (`view.getContext()`): the user's locale and
 * time zone. The context is outside data, so it is parsed; anything missing or unknown falls back
 * to what the browser says, and finally to English / UTC.
 *
 * Pure: no Forge bridge, no React, no DOM globals (the caller passes the browser fallbacks).
 */
import { z } from 'zod';
import { isKnownTimeZone } from '../../src/contract/calendar';

export interface UiContext {
  /** BCP 47 locale for Intl, e.g. `nl-NL` (Forge's `nl_NL` style is normalised). */
  readonly locale: string;
  /** The user's IANA time zone, e.g. `Europe/Amsterdam`. */
  readonly timeZone: string;
}

const forgeContextSchema = z.object({
  locale: z.string().optional(),
  timezone: z.string().optional(),
});

/** True when `Intl` accepts the locale tag. */
function isUsableLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/**
 * Reads locale and zone from a raw Forge context, falling back per field.
 *
 * @example readUiContext({ locale: 'nl_NL', timezone: 'Europe/Amsterdam' }, { locale: 'en-US', timeZone: 'UTC' })
 * // { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' }
 */
export function readUiContext(raw: unknown, fallback: UiContext): UiContext {
  const parsed = forgeContextSchema.safeParse(raw);
  const context = parsed.success ? parsed.data : {};
  const candidates = [context.locale?.replace('_', '-'), fallback.locale, 'en-US'];
  const locale = candidates.find((candidate) => candidate !== undefined && isUsableLocale(candidate)) ?? 'en-US';
  const zones = [context.timezone, fallback.timeZone, 'UTC'];
  const timeZone = zones.find((zone) => zone !== undefined && zone !== '' && isKnownTimeZone(zone)) ?? 'UTC';
  return { locale, timeZone };
}
