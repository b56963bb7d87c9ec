/** "Tell the customer" templates: substitution and what is left unfilled. */
import { DEFAULT_MESSAGES_EN, DEFAULT_MESSAGES_NL } from '../../src/contract/contract-database';
import { fillMessageTemplate } from '../../src/domain/fill-message-template';

describe('fillMessageTemplate', () => {
  it.each([
    {
      name: 'English default, all values',
      template: DEFAULT_MESSAGES_EN.missed,
      values: { deadline: 'Tuesday 14:00', newDeadline: 'Wednesday 10:00', agreement: 'Gold' },
      text: 'We are sorry: we will not resolve your request by Tuesday 14:00 as agreed in your Gold agreement. We now expect to resolve it by Wednesday 10:00.',
      missing: [],
    },
    {
      name: 'Dutch default',
      template: DEFAULT_MESSAGES_NL.expected,
      values: { deadline: 'dinsdag 14:00', agreement: 'Gold' },
      text: 'We verwachten uw verzoek uiterlijk dinsdag 14:00 op te lossen, zoals afgesproken in uw Gold-overeenkomst.',
      missing: [],
    },
    { name: 'a value missing', template: 'By {deadline} ({agreement})', values: { deadline: 'noon' }, text: 'By noon ({agreement})', missing: ['agreement'] },
    { name: 'a placeholder twice', template: '{service}: {service}', values: { service: 'E-mail' }, text: 'E-mail: E-mail', missing: [] },
    { name: 'braces that are not placeholders stay', template: 'Code {x} by {deadline}', values: { deadline: 'noon' }, text: 'Code {x} by noon', missing: [] },
    { name: 'values are not re-expanded', template: '{agreement}', values: { agreement: '{deadline}' }, text: '{deadline}', missing: [] },
  ])('$name', ({ template, values, text, missing }) => {
    expect(fillMessageTemplate(template, values)).toEqual({ text, missing });
  });
});
