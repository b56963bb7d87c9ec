/**
 * The base site of the sandbox: an MSP ("Polder IT Services") with a Jira admin, two agents in two
 * time zones, seven customer organizations with their portal customers (one consultant in two
 * organizations), and the service desk "IT Support" (ITS) with the catalogue's request types and
 * components. Contract demo data and history are added on top through the model's API.
 *
 * Only calls the model's public methods; no I/O.
 */
import type { JiraModel } from './jira-model';
import type { ComponentRecord, OrganizationRecord, ProjectRecord, RequestTypeRecord, ServiceDeskRecord, UserRecord } from './jira-state';

export interface BaseSite {
  users: {
    /** Jira admin and agent; who unauthenticated requests act as */
    admin: UserRecord;
    sanne: UserRecord;
    tom: UserRecord;
    alice: UserRecord;
    bob: UserRecord;
    grace: UserRecord;
    ian: UserRecord;
    uma: UserRecord;
    sam: UserRecord;
    wendy: UserRecord;
    henk: UserRecord;
    /** a consultant in both Globex and Initech */
    pat: UserRecord;
    /** an agent new this week: has not yet allowed Contract Clock (her first visit asks) */
    noor: UserRecord;
  };
  organizations: {
    acme: OrganizationRecord;
    globex: OrganizationRecord;
    initech: OrganizationRecord;
    umbrella: OrganizationRecord;
    stark: OrganizationRecord;
    wayne: OrganizationRecord;
    hooli: OrganizationRecord;
  };
  project: ProjectRecord;
  serviceDesk: ServiceDeskRecord;
  requestTypes: {
    email: RequestTypeRecord;
    printer: RequestTypeRecord;
    network: RequestTypeRecord;
    workplace: RequestTypeRecord;
    other: RequestTypeRecord;
  };
  components: {
    email: ComponentRecord;
    printing: ComponentRecord;
    network: ComponentRecord;
    workplace: ComponentRecord;
  };
}

/** The Jira Software project beside the service desk: Contract Clock must leave it alone. */
export interface SoftwareProject {
  project: ProjectRecord;
  /** its issue keys, oldest first */
  issueKeys: string[];
}

/**
 * Adds the MSP's own Jira Software project "Polder Portal" (APP) with a few stories and bugs, as a
 * real MSP site has: the app's triggers, panel and sweep must never touch it (issue 9).
 *
 * @example seedSoftwareProject(model, site.users.admin.accountId, site.users.sanne.accountId).issueKeys // ['APP-1', …]
 */
export function seedSoftwareProject(model: JiraModel, leadAccountId: string, developerAccountId: string): SoftwareProject {
  const project = model.addProject({ key: 'APP', name: 'Polder Portal', projectTypeKey: 'software', leadAccountId, components: ['Frontend', 'Backend'] });
  const issues = [
    { summary: 'Customers can download their monthly service report', issueType: 'Story', priority: 'Medium', components: ['Frontend'] },
    { summary: 'Portal login times out after 5 minutes', issueType: 'Bug', priority: 'High', components: ['Backend'] },
    { summary: 'Dark mode for the status page', issueType: 'Story', priority: 'Low', components: ['Frontend'] },
  ].map((input) => model.createIssue(developerAccountId, { project: project.key, ...input, labels: ['portal'] }));
  const [, bug] = issues;
  if (bug !== undefined) {
    model.transitionToStatus(developerAccountId, bug.key, 'In Progress');
    model.addComment(developerAccountId, bug.key, { body: 'Reproduced on staging; the session cookie is not refreshed.', internal: false });
  }
  return { project: structuredClone(model.getProject(project.id)), issueKeys: issues.map((i) => i.key) };
}

function pick<T extends { name: string }>(items: readonly T[], name: string): T {
  const item = items.find((i) => i.name === name);
  if (item === undefined) throw new Error(`Seed: ${name} was not created.`);
  return item;
}

/**
 * Fills an empty model with the base site.
 *
 * @example const site = seedBaseSite(createJiraModel({ clock, app })); site.users.alice.emailAddress // 'alice@acme.example'
 */
export function seedBaseSite(model: JiraModel): BaseSite {
  const admin = model.addUser({ displayName: 'Ada de Boer', emailAddress: 'admin@polder-it.example', role: 'admin', timeZone: 'Europe/Amsterdam', locale: 'nl_NL' });
  const sanne = model.addUser({ displayName: 'Sanne Visser', emailAddress: 'sanne@polder-it.example', role: 'agent', timeZone: 'Europe/Amsterdam', locale: 'nl_NL' });
  const tom = model.addUser({ displayName: 'Tom Becker', emailAddress: 'tom@polder-it.example', role: 'agent', timeZone: 'America/New_York' });

  const customer = (displayName: string, emailAddress: string, timeZone: string, language: { locale?: string; hideLocale?: boolean } = {}): UserRecord =>
    model.addUser({ displayName, emailAddress, role: 'customer', timeZone, ...language });
  // Alice reads Dutch (her "tell the customer" drafts are Dutch, whoever the agent); Bob's privacy
  // setting hides his locale (drafts in the agent's language); everyone else reads English.
  const alice = customer('Alice Jansen', 'alice@acme.example', 'Europe/Amsterdam', { locale: 'nl_NL' });
  const bob = customer('Bob Smit', 'bob@acme.example', 'Europe/Amsterdam', { hideLocale: true });
  const grace = customer('Grace Lee', 'grace@globex.example', 'America/New_York');
  const ian = customer('Ian Moore', 'ian@initech.example', 'Europe/London');
  const uma = customer('Uma Patel', 'uma@umbrella.example', 'Europe/Amsterdam');
  const sam = customer('Sam Okafor', 'sam@stark.example', 'Europe/Berlin');
  const wendy = customer('Wendy Park', 'wendy@wayne.example', 'America/Chicago');
  const henk = customer('Henk de Vries', 'henk@hooli.example', 'Europe/Amsterdam');
  const pat = customer('Pat Kowalski', 'pat@consult.example', 'Europe/Warsaw');
  // added last, so every other account keeps its id
  const noor = model.addUser({ displayName: 'Noor Bakker', emailAddress: 'noor@polder-it.example', role: 'agent', timeZone: 'Europe/Amsterdam', locale: 'en_GB' });

  const organization = (name: string, members: UserRecord[]): OrganizationRecord => {
    const created = model.addOrganization(name);
    model.addUsersToOrganization(
      created.id,
      members.map((m) => m.accountId),
    );
    return created;
  };
  const organizations = {
    acme: organization('Acme Logistics', [alice, bob]),
    globex: organization('Globex Retail', [grace, pat]),
    initech: organization('Initech Finance', [ian, pat]),
    umbrella: organization('Umbrella Health', [uma]),
    stark: organization('Stark Manufacturing', [sam]),
    wayne: organization('Wayne Foundation', [wendy]),
    hooli: organization('Hooli Labs', [henk]),
  };

  const project = model.addProject({
    key: 'ITS',
    name: 'IT Support',
    leadAccountId: admin.accountId,
    components: [
      { name: 'E-mail', description: 'Mailboxes, distribution lists, spam filtering' },
      { name: 'Printing', description: 'Printers, scanners, print queues' },
      { name: 'Network', description: 'LAN, Wi-Fi, VPN, internet access' },
      { name: 'Workplace', description: 'Laptops, desks, accounts for new colleagues' },
    ],
  });
  const serviceDesk = model.addServiceDesk({
    project: project.key,
    requestTypes: [
      { name: 'E-mail problem', description: 'Cannot send or receive mail, mailbox full, spam.', issueType: 'Incident', helpText: 'Tell us which mailbox.' },
      { name: 'Printer problem', description: 'A printer or scanner does not work.', issueType: 'Incident', helpText: 'Which printer, which floor?' },
      { name: 'Network problem', description: 'No network, slow Wi-Fi, VPN trouble.', issueType: 'Incident' },
      { name: 'New workplace', description: 'A laptop, accounts and a desk for a new colleague.', issueType: 'Service Request' },
      { name: 'Other', description: 'Anything else.', issueType: 'Service Request' },
    ],
  });
  for (const org of Object.values(organizations)) model.addOrganizationToServiceDesk(serviceDesk.id, org.id);

  // copies of the records as they are now (with members, request types and components)
  const desk = structuredClone(model.getServiceDesk(serviceDesk.id));
  const seededProject = structuredClone(model.getProject(project.id));
  const current = (org: OrganizationRecord): OrganizationRecord => structuredClone(model.getOrganization(org.id));
  return {
    users: { admin, sanne, tom, alice, bob, grace, ian, uma, sam, wendy, henk, pat, noor },
    organizations: {
      acme: current(organizations.acme),
      globex: current(organizations.globex),
      initech: current(organizations.initech),
      umbrella: current(organizations.umbrella),
      stark: current(organizations.stark),
      wayne: current(organizations.wayne),
      hooli: current(organizations.hooli),
    },
    project: seededProject,
    serviceDesk: desk,
    requestTypes: {
      email: pick(desk.requestTypes, 'E-mail problem'),
      printer: pick(desk.requestTypes, 'Printer problem'),
      network: pick(desk.requestTypes, 'Network problem'),
      workplace: pick(desk.requestTypes, 'New workplace'),
      other: pick(desk.requestTypes, 'Other'),
    },
    components: {
      email: pick(seededProject.components, 'E-mail'),
      printing: pick(seededProject.components, 'Printing'),
      network: pick(seededProject.components, 'Network'),
      workplace: pick(seededProject.components, 'Workplace'),
    },
  };
}
