/**
 * The admin's "tell the customer" templates (settings.messages of the contract database) through the
 * shared message system. A template is plain text with `{deadline}`-style placeholders — the syntax
 * stored databases have always used — and becomes an ICU message whose only arguments are the known
 * placeholders; everything else (apostrophes, stray braces, `#`, even ICU-looking syntax) is literal
 * text, exactly as before, so every stored template renders as it always did
 * (docs/adr/0010-icu-messages.md).
 *
 * Pure: no I/O, no clock, no Forge.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { MESSAGE_PLACEHOLDERS, type MessagePlaceholder } from '../contract/contract-database';
import { formatMessage } from './messages';

const PLACEHOLDERS: ReadonlySet<string> = new Set<string>(MESSAGE_PLACEHOLDERS);

/**
 * The ICU message (as its AST) of a template: each known `{placeholder}` an argument, all other text
 * literal. Built directly rather than by quoting text for the ICU parser, so no quoting rule can
 * change what a stored template says.
 *
 * @example parseTemplate('By {deadline} {x}') // [literal 'By ', argument deadline, literal ' {x}']
 */
export function parseTemplate(template: string): MessageFormatElement[] {
  const elements: MessageFormatElement[] = [];
  let literal = '';
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? '';
    if (!PLACEHOLDERS.has(name)) continue; // not a placeholder: stays literal text, braces and all
    literal += template.slice(last, match.index);
    if (literal !== '') elements.push({ type: TYPE.literal, value: literal });
    elements.push({ type: TYPE.argument, value: name });
    literal = '';
    last = match.index + match[0].length;
  }
  literal += template.slice(last);
  if (literal !== '') elements.push({ type: TYPE.literal, value: literal });
  return elements;
}

/**
 * Fills a template with the values of one request, formatted by the caller in the customer's
 * language and zone (`deadline`, `newDeadline`, `agreement`, `service`, `priority`).
 *
 * @example
 * renderCustomerTemplate('We expect to resolve your request by {deadline}.', { deadline: 'Tuesday 14:00', … }, 'en-GB')
 * // 'We expect to resolve your request by Tuesday 14:00.'
 */
export function renderCustomerTemplate(template: string, values: Readonly<Record<MessagePlaceholder, string>>, locale: string): string {
  return formatMessage(parseTemplate(template), locale, values);
}
