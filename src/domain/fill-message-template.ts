/**
 * Fills a "tell the customer" template (settings.messages) with the values of one request:
 * `{deadline}`, `{newDeadline}`, `{agreement}`, `{service}`, `{priority}`. The caller formats the
 * values (dates in the customer's language and zone); this module only substitutes.
 *
 * Pure: no I/O, no clock, no Forge.
 */
import { MESSAGE_PLACEHOLDERS, type MessagePlaceholder } from '../contract/contract-database';

/** The result: the text, and placeholders the template used but no value was given for. */
export interface FilledMessage {
  text: string;
  missing: MessagePlaceholder[];
}

/**
 * Substitutes every `{name}` with its value. A placeholder without a value stays as written and is
 * listed in `missing`, so the caller can refuse to post a half-filled message.
 *
 * @example
 * fillMessageTemplate('We expect to resolve your request by {deadline}.', { deadline: 'Tuesday 14:00' })
 * // { text: 'We expect to resolve your request by Tuesday 14:00.', missing: [] }
 */
export function fillMessageTemplate(
  template: string,
  values: Partial<Record<MessagePlaceholder, string>>,
): FilledMessage {
  const missing = new Set<MessagePlaceholder>();
  const text = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

const PLACEHOLDERS: ReadonlySet<string> = new Set<string>(MESSAGE_PLACEHOLDERS);

function isPlaceholder(name: string): name is MessagePlaceholder {
  return PLACEHOLDERS.has(name);
}
