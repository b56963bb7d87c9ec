/**
 * What the host pages show, as plain data: users, requests, comments, the contract-clock property
 * as the pages read it, and the page chrome (clock, current user, theme). The server fills these
 * from the Jira emulator (host-data.ts); the pages (pages/*.ts) only render them.
 *
 * The contract-clock property is read through the paths manifest.yml indexes for JQL (deadline,
 * state, terms.level.name, terms.service.name, terms.customer.name): the same contract the queue
 * columns of a real JSM site would use. The pages never compute deadlines themselves.
 */
import { z } from 'zod';
import type { ColorMode } from '../bridge/theme';

export type Role = 'admin' | 'agent' | 'customer';

export interface HostUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  role: Role;
  accountType: 'atlassian' | 'customer';
  timeZone: string;
  locale: string;
  /** JSM organizations the user belongs to (customers) */
  organizations: { id: string; name: string }[];
}

export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'undefined';

export interface StatusView {
  id: string;
  name: string;
  category: StatusCategory;
}

export interface NamedRef {
  id: string;
  name: string;
}

/** The contract-clock issue property, as far as the host shows it. */
export interface ContractClockView {
  state: string | null;
  deadline: Date | null;
  level: string | null;
  service: string | null;
  customer: string | null;
}

const namedSchema = z.object({ name: z.string() }).nullish();

const clockPropertySchema = z.object({
  state: z.string().nullish(),
  deadline: z.string().nullish(),
  terms: z.object({ level: namedSchema, service: namedSchema, customer: namedSchema }).partial().nullish(),
});

/**
 * Reads the `contract-clock` property value through its indexed paths; null when absent or not an
 * object the app wrote.
 *
 * @example readClockProperty({ state: 'running', deadline: '2026-10-05T12:00:00Z', terms: { level: { name: 'Gold' } } })?.level // 'Gold'
 */
export function readClockProperty(value: unknown): ContractClockView | null {
  const parsed = clockPropertySchema.safeParse(value);
  if (!parsed.success) return null;
  const { state, deadline, terms } = parsed.data;
  const deadlineDate = typeof deadline === 'string' ? new Date(deadline) : null;
  return {
    state: state ?? null,
    deadline: deadlineDate !== null && !Number.isNaN(deadlineDate.getTime()) ? deadlineDate : null,
    level: terms?.level?.name ?? null,
    service: terms?.service?.name ?? null,
    customer: terms?.customer?.name ?? null,
  };
}

export interface RequestSummary {
  id: string;
  key: string;
  summary: string;
  status: StatusView;
  priority: NamedRef | null;
  requestType: NamedRef | null;
  reporter: { accountId: string; displayName: string } | null;
  organizations: string[];
  created: Date;
  resolved: Date | null;
  clock: ContractClockView | null;
  /** value of the "Contract deadline" app field, when set */
  deadlineField: Date | null;
}

export interface CommentView {
  id: string;
  author: { displayName: string; accountType: string };
  created: Date;
  body: string;
  public: boolean;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  issueType: NamedRef;
  project: { id: string; key: string; name: string; type: string };
  transitions: { id: string; name: string; to: StatusView }[];
  priorities: NamedRef[];
  comments: CommentView[];
}

export interface ActivityItem {
  at: Date;
  kind: 'internal-comment' | 'public-comment' | 'notification' | 'log';
  issueKey: string | null;
  title: string;
  body: string;
  level?: 'info' | 'warn' | 'error' | 'debug';
}

export interface PageChrome {
  title: string;
  nav: 'queue' | 'triage' | 'request' | 'dashboard' | 'reports' | 'issues' | 'admin' | 'portal' | 'profile' | 'activity';
  now: Date;
  frozen: boolean;
  user: HostUser;
  users: HostUser[];
  colorMode: ColorMode;
  projectName: string;
  /** the service project's key, for the issue navigator's default search */
  projectKey: string;
  /** moduleKey → host page, for router.navigate({ target: 'module' }) */
  modulePages: Record<string, string>;
}
