/**
 * "Tell the customer" templates through the ICU formatter: the stored `{placeholder}` syntax renders
 * exactly as before (the old substitution is the oracle of a property test), whatever apostrophes,
 * stray braces or `#` a stored template holds.
 */
import fc from 'fast-check';
import { DEFAULT_MESSAGES_EN, DEFAULT_MESSAGES_NL, MESSAGE_PLACEHOLDERS, type MessagePlaceholder } from '../../src/contract/contract-database';
import { TYPE } from '@formatjs/icu-messageformat-parser';
import { parseTemplate, renderCustomerTemplate } from '../../src/i18n/customer-template';

const values: Record<MessagePlaceholder, string> = {
  deadline: 'Tuesday 14:00',
  newDeadline: 'Wednesday 10:00',
  agreement: 'Gold E-mail',
  service: 'E-mail',
  priority: 'P1',
};

/** The substitution templates always had (src/domain/fill-message-template.ts before ICU). */
function substituteAsBefore(template: string, given: Readonly<Record<string, string>>): string {
  const known: ReadonlySet<string> = new Set(MESSAGE_PLACEHOLDERS);
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => (known.has(name) ? (given[name] ?? whole) : whole));
}

describe('renderCustomerTemplate', () => {
  it.each([
    {
      name: 'English default, all values',
      template: DEFAULT_MESSAGES_EN.missed,
      locale: 'en-GB',
      text: 'We are sorry: we will not resolve your request by Tuesday 14:00 as agreed in your Gold E-mail agreement. We now expect to resolve it by Wednesday 10:00.',
    },
    {
      name: 'Dutch default',
      template: DEFAULT_MESSAGES_NL.expected,
      locale: 'nl-NL',
      text: 'We verwachten uw verzoek uiterlijk Tuesday 14:00 op te lossen, zoals afgesproken in uw Gold E-mail-overeenkomst.',
    },
    { name: 'a placeholder twice', template: '{service}: {service}', locale: 'en-GB', text: 'E-mail: E-mail' },
    { name: 'braces that are not placeholders stay', template: 'Code {x} by {deadline}', locale: 'en-GB', text: 'Code {x} by Tuesday 14:00' },
    { name: 'apostrophes stay, also next to a placeholder', template: "We're on it: '{deadline}' isn''t late", locale: 'en-GB', text: "We're on it: 'Tuesday 14:00' isn''t late" },
    { name: 'stray and doubled braces stay', template: '{{deadline}} } {', locale: 'en-GB', text: '{Tuesday 14:00} } {' },
    { name: '# and <tags> are text', template: 'Ticket #{priority} <b>{agreement}</b>', locale: 'en-GB', text: 'Ticket #P1 <b>Gold E-mail</b>' },
    { name: 'ICU syntax in a template is text, as it always was', template: '{deadline, select, x {y}}', locale: 'en-GB', text: '{deadline, select, x {y}}' },
  ])('$name', ({ template, locale, text }) => {
    expect(renderCustomerTemplate(template, values, locale)).toBe(text);
  });

  it('values are not re-expanded', () => {
    expect(renderCustomerTemplate('{agreement}', { ...values, agreement: "{deadline} 'x'" }, 'en-GB')).toBe("{deadline} 'x'");
  });

  it('makes known placeholders ICU arguments and everything else literal text', () => {
    expect(parseTemplate("We're on it: {deadline} {x}")).toEqual([
      { type: TYPE.literal, value: "We're on it: " },
      { type: TYPE.argument, value: 'deadline' },
      { type: TYPE.literal, value: ' {x}' },
    ]);
  });

  it('renders every template exactly as the old substitution did (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('{', '}', "'", "''", '#', '<', '>', ' ', 'a', 'é', ',', '{x}', '{ deadline}', '{deadline, number}'),
      fc.constantFrom(...MESSAGE_PLACEHOLDERS.map((name) => `{${name}}`)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const template = pieces.join('');
        expect(renderCustomerTemplate(template, values, 'en-GB')).toBe(substituteAsBefore(template, values));
      }),
      { numRuns: 2000 },
    );
  });
});
