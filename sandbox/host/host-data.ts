/**
 * The host pages' read port: what the server needs to know about the emulated site to render pages
 * and build Forge contexts. emulator-host-data.ts implements it over the Jira emulator's in-process
 * model; tests may implement it with fixtures. Reads only — every change goes through the
 * emulator's REST API, as a real host page would.
 */
import type { IssueRef } from '../bridge/forge-context';
import type { RequestTypeView } from './pages/portal-page';
import type { ActivityItem, HostUser, NamedRef, RequestDetail, RequestSummary } from './view-models';

export interface HostData {
  /** Demo users a person can act as (admins, agents, customers), not the app or Jira's own accounts. */
  listUsers(): HostUser[];
  findUser(accountId: string): HostUser | null;
  /** The default identity when none is chosen yet. */
  defaultUser(): HostUser;
  /** The service project's name, e.g. "MSP Service Desk". */
  projectName(): string;
  /** The service project's key, e.g. "ITS". */
  projectKey(): string;
  serviceDesk(): { id: string; name: string; requestTypes: RequestTypeView[] };
  priorities(): NamedRef[];
  /** The site's projects that are not service projects (Contract Clock stays out of them), with their issue keys. */
  otherProjects(): { key: string; name: string; type: string; issueKeys: string[] }[];
  /** Every request of the service project that `viewer` can see. */
  listRequests(viewer: HostUser): RequestSummary[];
  /**
   * Jira's issue navigator: the requests matching `jql` that `viewer` may see, in the query's order
   * (the first `limit`), with the total; or Jira's error message for JQL it rejects.
   */
  searchRequests(viewer: HostUser, jql: string, limit: number): { requests: RequestSummary[]; total: number } | { error: string };
  /** One request with comments the viewer may see and the transitions available; null if not visible. */
  getRequest(key: string, viewer: HostUser): RequestDetail | null;
  /** What a Forge context says about an issue; null when it does not exist. */
  issueRef(key: string): IssueRef | null;
  /** Comments the app posted and notifications it sent. */
  appActivity(): ActivityItem[];
}
