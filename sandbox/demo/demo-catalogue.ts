/**
 * The demo's contract story, on top of the emulator's base site (sandbox/jira/jira-seed.ts: the MSP
 * "Polder IT Services", its service desk "IT Support" with request types for e-mail, printers,
 * network, new workplaces and "Other", and seven customer organizations). It adds the catalogue of
 * four services (E-mail, Printing, Network, Workplace), Gold / Silver / Bronze levels with prices
 * (Gold with service credits, and a revision from 2027: P1 in 3 h, prices indexed), calendars in two
 * zones (Amsterdam office hours with named and yearly holidays, New York office hours) plus 24x7,
 * and the contracts:
 *
 * - Acme Logistics — Gold on e-mail and network, Silver on the rest, a monthly fee, out-of-contract
 *   rates, prices shown in the portal; in its notice period (notice by 31 October 2026)
 * - Globex Retail (New York) — Gold on New York office hours, in US dollars
 * - Initech Finance — Silver (their consultant Pat also works for Globex: the strictest terms win)
 * - Umbrella Health — maatwerk: since 1 July a new version with bespoke network terms (P1 outages
 *   24x7 within 2 h, P2 in 4 office hours, its own price and credits); before that Silver throughout
 * - Stark Manufacturing — Bronze, network not covered (handled at an out-of-contract rate of € 85 an hour)
 * - Wayne Foundation — contract expired on 31 August 2026
 * - Hooli Labs — no contract at all
 *
 * Pure data and small builders; the generator (generate-demo.ts) writes the database into the app's
 * storage and replays the history plan (demo-plan.ts).
 */
import type { ContractDatabaseInput } from '../../src/contract/contract-database';
import type { BaseSite } from '../jira/jira-seed';

/** The instant the demo history ends and the sandbox clock starts: Monday 5 October 2026, 09:30 in Amsterdam. */
export const demoNow = new Date('2026-10-05T07:30:00Z');
/** The quarter of resolved history: 1 July – 30 September 2026 (Amsterdam dates). */
export const demoHistoryStart = new Date('2026-06-30T22:00:00Z');
export const demoHistoryEnd = new Date('2026-09-30T22:00:00Z');
/** When the site and the contract database exist: the week before the quarter. */
export const demoSetupAt = new Date('2026-06-24T08:00:00Z');
/** The seed of every random choice in the demo. */
export const demoSeed = 20261005;

export type DemoServiceId = 'email' | 'printing' | 'network' | 'workplace';
export type DemoRequestTypeKey = keyof BaseSite['requestTypes'];
export type DemoOrganizationKey = keyof BaseSite['organizations'];
export type DemoUserKey = keyof BaseSite['users'];

export interface DemoRequestType {
  key: DemoRequestTypeKey;
  /** the catalogue service its rule recognises; null: no rule matches ("Other" → default service) */
  service: DemoServiceId | null;
  /** relative share of the requests */
  weight: number;
  /** example summaries, picked at random */
  summaries: readonly string[];
}

export const demoRequestTypes: readonly DemoRequestType[] = [
  {
    key: 'email',
    service: 'email',
    weight: 28,
    summaries: [
      'Outlook keeps asking for my password',
      'Mails to our supplier bounce',
      'Shared mailbox for the planning team',
      'Calendar invites arrive twice',
      'Mailbox almost full',
      'Cannot send attachments larger than 5 MB',
      'Phishing mail received — please check',
    ],
  },
  {
    key: 'printer',
    service: 'printing',
    weight: 15,
    summaries: [
      'Printer on the 2nd floor jams on every job',
      'Scan to e-mail stopped working',
      'New toner needed for the label printer',
      'Printing in colour is very slow',
      'Cannot find the reception printer on my laptop',
    ],
  },
  {
    key: 'network',
    service: 'network',
    weight: 24,
    summaries: [
      'VPN disconnects every few minutes',
      'Wi-Fi in the meeting room is down',
      'Slow connection to the file server',
      'Guest Wi-Fi password needs changing',
      'Firewall blocks our new booking portal',
    ],
  },
  {
    key: 'workplace',
    service: 'workplace',
    weight: 23,
    summaries: [
      'Laptop for a new colleague starting Monday',
      'Accounts for two summer interns',
      'Desk and docking station for a new team lead',
    ],
  },
  {
    key: 'other',
    service: null,
    weight: 10,
    summaries: ['Excel crashes when opening the planning sheet', 'Please reset the MFA for my account', 'Second screen is not detected', 'Teams camera does not work'],
  },
];

/** How many requests each organization raises, relatively. */
export const demoOrganizationWeights: Readonly<Record<DemoOrganizationKey, number>> = {
  acme: 28,
  globex: 16,
  initech: 12,
  umbrella: 18,
  stark: 12,
  wayne: 8,
  hooli: 6,
};

/** Who handles whose requests: the New York agent takes the American customers. */
export const demoAgents = { europe: ['sanne', 'admin'], americas: ['tom'] } as const satisfies Record<string, readonly DemoUserKey[]>;

/** Amounts in minor units (cents): `eur(450)` is € 450.00 a month. */
const eur = (amount: number) => Math.round(amount * 100);
const usd = eur;

/** Targets in business minutes: P1..P5 resolution, and first response for the urgent classes. */
const goldTargets = {
  P1: { resolutionMinutes: 240, responseMinutes: 30 },
  P2: { resolutionMinutes: 480, responseMinutes: 60 },
  P3: { resolutionMinutes: 960, responseMinutes: 240 },
  P4: { resolutionMinutes: 2400 },
  P5: { resolutionMinutes: 4800 },
};
const silverTargets = {
  P1: { resolutionMinutes: 480, responseMinutes: 60 },
  P2: { resolutionMinutes: 960, responseMinutes: 120 },
  P3: { resolutionMinutes: 1440, responseMinutes: 480 },
  P4: { resolutionMinutes: 3600 },
  P5: { resolutionMinutes: 7200 },
};
const bronzeTargets = {
  P1: { resolutionMinutes: 960, responseMinutes: 120 },
  P2: { resolutionMinutes: 1440, responseMinutes: 240 },
  P3: { resolutionMinutes: 2400 },
  P4: { resolutionMinutes: 4800 },
  P5: { resolutionMinutes: 9600 },
};

/** Dutch public holidays (office closed): the fixed ones every year, the moving ones of 2026 and 2027 by date. */
const nlHolidays = [
  { yearly: '01-01', name: "New Year's Day" },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { yearly: '04-27', name: "King's Day" },
  { yearly: '05-05', name: 'Liberation Day' },
  { date: '2026-05-14', name: 'Ascension Day' },
  { date: '2026-05-25', name: 'Whit Monday' },
  { yearly: '12-25', name: 'Christmas Day' },
  { yearly: '12-26', name: 'Boxing Day' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-06', name: 'Ascension Day' },
  { date: '2027-05-17', name: 'Whit Monday' },
];
/** US federal holidays of 2026 observed by the New York office. */
const usHolidays2026 = ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'];

/** Gold's service credits: per late request a share of the service's monthly price, at most 30 % a month. */
const goldCredits = { perMissedRequest: { P1: 10, P2: 5, P3: 2.5 }, capPercent: 30 };

/**
 * The contract database of the demo, with the organization and request type ids the emulator
 * assigned to the base site (services are recognised by request type first, then component or label).
 *
 * @example buildDemoContractDatabase(seedBaseSite(model)).contracts?.length // 6
 */
export function buildDemoContractDatabase(site: BaseSite): ContractDatabaseInput {
  const org = (key: DemoOrganizationKey) => ({ id: key, name: site.organizations[key].name, organizationIds: [site.organizations[key].id] });
  const requestTypesOf = (service: DemoServiceId): string[] =>
    demoRequestTypes.filter((t) => t.service === service).map((t) => site.requestTypes[t.key].id);
  const officeWeek = (start: string, end: string) => {
    const day: [string, string][] = [[start, end]];
    return { mon: day, tue: day, wed: day, thu: day, fri: day };
  };
  const all24: [string, string][] = [['00:00', '24:00']];
  const covered = (levelId: string, ...serviceIds: DemoServiceId[]) => serviceIds.map((serviceId) => ({ serviceId, levelId }));
  return {
    schemaVersion: 2,
    calendars: [
      { id: 'nl-office', name: 'Amsterdam office hours', timeZone: 'Europe/Amsterdam', week: officeWeek('08:30', '17:30'), holidays: nlHolidays },
      { id: 'ny-office', name: 'New York office hours', timeZone: 'America/New_York', week: officeWeek('09:00', '18:00'), holidays: usHolidays2026 },
      { id: '24x7', name: '24x7', timeZone: 'Europe/Amsterdam', week: { mon: all24, tue: all24, wed: all24, thu: all24, fri: all24, sat: all24, sun: all24 } },
    ],
    services: [
      { id: 'email', name: 'E-mail', description: 'Mailboxes, Outlook, spam and phishing.', rule: { requestTypeIds: requestTypesOf('email'), components: ['E-mail'], labels: ['email'] } },
      { id: 'printing', name: 'Printing', description: 'Printers, scanners, toner.', rule: { requestTypeIds: requestTypesOf('printing'), components: ['Printing'], labels: ['printing'] } },
      { id: 'network', name: 'Network', description: 'Internet, Wi-Fi, VPN and remote access.', rule: { requestTypeIds: requestTypesOf('network'), components: ['Network'], labels: ['network', 'vpn'] } },
      { id: 'workplace', name: 'Workplace', description: 'Laptops, accounts and desks for new colleagues.', rule: { requestTypeIds: requestTypesOf('workplace'), components: ['Workplace'], labels: ['workplace'] } },
    ],
    levels: [
      {
        id: 'gold',
        name: 'Gold',
        colour: '#D4A017',
        objectivePercent: 95,
        revisions: [
          {
            effectiveFrom: '2025-07-01',
            calendarId: 'nl-office',
            targets: goldTargets,
            monthlyPrices: { email: eur(450), printing: eur(250), network: eur(600), workplace: eur(400) },
            credits: goldCredits,
          },
          {
            effectiveFrom: '2027-01-01',
            calendarId: 'nl-office',
            targets: { ...goldTargets, P1: { resolutionMinutes: 180, responseMinutes: 30 } },
            monthlyPrices: { email: eur(465), printing: eur(260), network: eur(620), workplace: eur(415) },
            credits: goldCredits,
            note: 'From 2027: P1 within 3 hours, prices indexed by about 3 %.',
          },
        ],
      },
      {
        id: 'gold-ny',
        name: 'Gold (New York)',
        colour: '#C9A227',
        objectivePercent: 95,
        currency: 'USD',
        revisions: [
          {
            effectiveFrom: '2025-07-01',
            calendarId: 'ny-office',
            targets: goldTargets,
            monthlyPrices: { email: usd(520), printing: usd(290), network: usd(690), workplace: usd(460) },
            credits: goldCredits,
          },
        ],
      },
      {
        id: 'silver',
        name: 'Silver',
        colour: '#8A9BA8',
        objectivePercent: 90,
        revisions: [
          {
            effectiveFrom: '2025-07-01',
            calendarId: 'nl-office',
            targets: silverTargets,
            monthlyPrices: { email: eur(300), printing: eur(150), network: eur(400), workplace: eur(275) },
          },
        ],
      },
      {
        id: 'bronze',
        name: 'Bronze',
        colour: '#B0793B',
        objectivePercent: 85,
        revisions: [
          {
            effectiveFrom: '2025-07-01',
            calendarId: 'nl-office',
            targets: bronzeTargets,
            monthlyPrices: { email: eur(150), printing: eur(80), network: eur(200), workplace: eur(140) },
          },
        ],
      },
    ],
    contracts: [
      {
        id: 'acme-2026',
        name: 'Acme Logistics managed services 2026',
        customer: org('acme'),
        timeZone: 'Europe/Amsterdam',
        showPricesToCustomer: true,
        accountManagerAccountId: site.users.admin.accountId,
        noticeReminderDays: 30,
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-01-01',
            coveredServices: [...covered('gold', 'email', 'network'), ...covered('silver', 'printing', 'workplace')],
            defaultServiceId: 'workplace',
            monthlyFee: eur(250),
            outOfContractRates: { default: { hourly: eur(95) }, byRequestType: { [site.requestTypes.other.id]: { perRequest: eur(45) } } },
            // In its notice period on the demo's "now" (5 October): notice by 31 October, term ends with the year.
            endDate: '2026-12-31',
            noticeDate: '2026-10-31',
            note: 'Account management and the quarterly review: € 250 a month on top of the services.',
          },
        ],
      },
      {
        id: 'globex-us',
        name: 'Globex Retail — US support',
        customer: org('globex'),
        timeZone: 'America/New_York',
        currency: 'USD',
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-01-01',
            coveredServices: covered('gold-ny', 'email', 'network', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
            outOfContractRates: { default: { hourly: usd(110) } },
            endDate: '2026-12-31',
            noticeDate: '2026-11-30',
          },
        ],
      },
      {
        id: 'initech-2026',
        name: 'Initech Finance IT support',
        customer: org('initech'),
        timeZone: 'Europe/London',
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-03-01',
            coveredServices: covered('silver', 'email', 'network', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
            endDate: '2027-02-28',
            noticeDate: '2026-12-31',
          },
        ],
      },
      {
        id: 'umbrella-maatwerk',
        name: 'Umbrella Health — maatwerk',
        customer: org('umbrella'),
        timeZone: 'Europe/Amsterdam',
        versions: [
          {
            version: 1,
            effectiveFrom: '2025-07-01',
            effectiveTo: '2026-06-30',
            coveredServices: covered('silver', 'email', 'network', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
          },
          {
            version: 2,
            effectiveFrom: '2026-07-01',
            coveredServices: [
              { serviceId: 'email', levelId: 'gold' },
              {
                serviceId: 'network',
                levelId: 'gold',
                bespoke: {
                  targets: { P1: { resolutionMinutes: 120, responseMinutes: 15 }, P2: { resolutionMinutes: 240, responseMinutes: 30 } },
                  calendarId: '24x7',
                  calendarClasses: ['P1'],
                  monthlyPrice: eur(1250),
                  credits: { perMissedRequest: { P1: 15, P2: 5 }, capPercent: 40 },
                  note: 'The clinics run around the clock: network outages (P1) are fixed 24x7 within 2 hours; P2 within 4 office hours.',
                },
              },
              { serviceId: 'printing', levelId: 'bronze' },
              { serviceId: 'workplace', levelId: 'silver' },
            ],
            defaultServiceId: 'workplace',
            monthlyFee: eur(150),
            endDate: '2027-06-30',
            noticeDate: '2027-03-31',
            note: 'Renegotiated in June 2026 after two network outages at the night clinic.',
          },
        ],
      },
      {
        id: 'stark-basis',
        name: 'Stark Manufacturing — basis',
        customer: org('stark'),
        timeZone: 'Europe/Berlin',
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-01-01',
            coveredServices: covered('bronze', 'email', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
            // The network is not covered: such requests are billable (the panel says so).
            outOfContractRates: { default: { hourly: eur(85) } },
          },
        ],
      },
      {
        id: 'wayne-2025',
        name: 'Wayne Foundation 2025–2026',
        customer: org('wayne'),
        timeZone: 'America/Chicago',
        versions: [
          {
            version: 1,
            effectiveFrom: '2025-09-01',
            effectiveTo: '2026-08-31',
            coveredServices: covered('silver', 'email', 'network', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
            endDate: '2026-08-31',
            noticeDate: '2026-05-31',
            note: 'Not renewed: the foundation moved to an in-house IT person in September 2026.',
          },
        ],
      },
    ],
    settings: { fallbackLevelId: null, atRiskThresholdPercent: 75, currency: 'EUR' },
  };
}
