/**
 * What `npm start` prints once the sandbox listens (issue 11 item 8): where it runs, the simulated
 * time in the site's zone and in UTC, every page a new user can open, and the demo users to act as
 * with their e-mail addresses (HTTP Basic user names for REST clients and for pages).
 *
 * Pure: lines of text from what the caller hands over.
 */

export interface BannerUser {
  readonly displayName: string;
  readonly emailAddress: string;
  readonly role: string;
}

export interface BannerInput {
  readonly url: string;
  readonly now: Date;
  readonly frozen: boolean;
  /** The site's zone (the demo's: Europe/Amsterdam). */
  readonly timeZone: string;
  readonly users: readonly BannerUser[];
  /** A request key to show the issue view with. */
  readonly sampleIssueKey: string | null;
}

/** The pages of the sandbox, path and what it shows. */
export const SANDBOX_PAGES: readonly (readonly [string, string])[] = [
  ['/', 'the agents’ queue, by contract deadline'],
  ['/triage', 'Contract triage: what needs an agent now (queue page)'],
  ['/browse/KEY', 'a request with the Contract Clock panel'],
  ['/dashboard', 'dashboard with the Contract compliance gadgets'],
  ['/reports', 'Contract reviews (CSV, print)'],
  ['/issues/?jql=…', 'the issue navigator (JQL)'],
  ['/admin', 'Contract Clock settings (admins)'],
  ['/admin/configure', 'the contract terms forms (the app’s Configure page)'],
  ['/portal', 'the customer portal (pick a customer in the top bar)'],
  ['/portal/profile', 'My contract: the customer’s services, levels, targets'],
  ['/activity', 'notes and notifications the app sent'],
];

/**
 * @example startBanner({ url: 'http://127.0.0.1:3000', now, frozen: true, timeZone: 'Europe/Amsterdam', users, sampleIssueKey: 'ITS-12' })
 */
export function startBanner(input: BannerInput): string[] {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: input.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(input.now);
  const lines = [
    '',
    `  Contract Clock sandbox running at ${input.url}`,
    `  Simulated time: ${local} (${input.timeZone}) = ${input.now.toISOString()}${input.frozen ? ' — paused' : ''}`,
    '',
    '  Pages:',
    ...SANDBOX_PAGES.map(([path, what]) => `    ${input.url}${path === '/browse/KEY' && input.sampleIssueKey !== null ? `/browse/${input.sampleIssueKey}` : path}`.padEnd(input.url.length + 24) + `  ${what}`),
    `    ${input.url}/rest/api/3/serverInfo`.padEnd(input.url.length + 24) + '  REST (HTTP Basic: a user’s e-mail, any token)',
    '',
    '  Demo users (switch in the top bar; pages open as the first, the admin):',
    ...[...input.users]
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((u) => `    ${u.displayName.padEnd(18)} ${u.role.padEnd(9)} ${u.emailAddress}`),
  ];
  return lines;
}

const ROLE_ORDER = ['admin', 'agent', 'customer'];
