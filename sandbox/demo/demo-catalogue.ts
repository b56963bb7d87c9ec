/**
 * The demo's contract story, on top of the emulator's base site (sandbox/jira/jira-seed.ts: the MSP
 * "Polder IT Services", its service desk "IT Support" with request types for e-mail, printers,
 * network, new workplaces and "Other", and seven customer organizations). It adds the catalogue of
 * four services (E-mail, Printing, Network, Workplace), Gold / Silver / Bronze levels with prices,
 * calendars in two zones (Amsterdam and New York office hours) plus 24x7, and the contracts:
 *
 * - Acme Logistics — Gold on e-mail and network, Silver on the rest
 * - Globex Retail (New York) — Gold on New York office hours
 * - Initech Finance — Silver (their consultant Pat also works for Globex: the strictest terms win)
 * - Umbrella Health — maatwerk: since 1 July a new version with bespoke network terms (24x7, P1
 *   within 2 h, its own price); before that Silver throughout
 * - Stark Manufacturing — Bronze, network not covered
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

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

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

/** Dutch public holidays of 2026 (office closed). */
const nlHolidays2026 = ['2026-01-01', '2026-04-03', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'];
/** US federal holidays of 2026 observed by the New York office. */
const usHolidays2026 = ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'];

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
    schemaVersion: 1,
    calendars: [
      { id: 'nl-office', name: 'Amsterdam office hours', timeZone: 'Europe/Amsterdam', week: officeWeek('08:30', '17:30'), holidays: nlHolidays2026 },
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
        calendarId: 'nl-office',
        targets: goldTargets,
        objectivePercent: 95,
        monthlyPrices: { email: eur(450), printing: eur(250), network: eur(600), workplace: eur(400) },
      },
      {
        id: 'gold-ny',
        name: 'Gold (New York)',
        calendarId: 'ny-office',
        targets: goldTargets,
        objectivePercent: 95,
        monthlyPrices: { email: usd(520), printing: usd(290), network: usd(690), workplace: usd(460) },
      },
      {
        id: 'silver',
        name: 'Silver',
        calendarId: 'nl-office',
        targets: silverTargets,
        objectivePercent: 90,
        monthlyPrices: { email: eur(300), printing: eur(150), network: eur(400), workplace: eur(275) },
      },
      {
        id: 'bronze',
        name: 'Bronze',
        calendarId: 'nl-office',
        targets: bronzeTargets,
        objectivePercent: 85,
        monthlyPrices: { email: eur(150), printing: eur(80), network: eur(200), workplace: eur(140) },
      },
    ],
    contracts: [
      {
        id: 'acme-2026',
        name: 'Acme Logistics managed services 2026',
        customer: org('acme'),
        timeZone: 'Europe/Amsterdam',
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-01-01',
            coveredServices: [...covered('gold', 'email', 'network'), ...covered('silver', 'printing', 'workplace')],
            defaultServiceId: 'workplace',
            monthlyFee: eur(1725),
            noticeDate: '2026-10-01',
            renewalDate: '2027-01-01',
          },
        ],
      },
      {
        id: 'globex-us',
        name: 'Globex Retail — US support',
        customer: org('globex'),
        timeZone: 'America/New_York',
        versions: [
          {
            version: 1,
            effectiveFrom: '2026-01-01',
            coveredServices: covered('gold-ny', 'email', 'network', 'printing', 'workplace'),
            defaultServiceId: 'workplace',
            monthlyFee: usd(1960),
            renewalDate: '2027-01-01',
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
            monthlyFee: eur(1100),
            renewalDate: '2027-03-01',
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
            monthlyFee: eur(1100),
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
                  monthlyPrice: eur(1250),
                  note: 'The clinics run around the clock: network outages are fixed 24x7, P1 within 2 hours.',
                },
              },
              { serviceId: 'printing', levelId: 'bronze' },
              { serviceId: 'workplace', levelId: 'silver' },
            ],
            defaultServiceId: 'workplace',
            monthlyFee: eur(2150),
            noticeDate: '2027-03-31',
            renewalDate: '2027-07-01',
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
            monthlyFee: eur(370),
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
            monthlyFee: eur(1000),
            note: 'Not renewed: the foundation moved to an in-house IT person in September 2026.',
          },
        ],
      },
    ],
    settings: { fallbackLevelId: null, atRiskThresholdPercent: 75 },
  };
}
