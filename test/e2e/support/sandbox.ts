/**
 * The sandbox of the e2e tests: one per test file, in-process, on an ephemeral port, with its live
 * data in a temporary folder and the generated demo taken from the repository's git-ignored cache
 * (`.sandbox-data/demo/<hash>`, or SANDBOX_DATA_DIR), so the demo is generated at most once per
 * code version — also when two test files start at the same time (a lock file serialises the
 * generation). Like `npm start`, it builds the Custom UI bundles first when one is missing or
 * older than its sources (under `npm test` none is). The clock is frozen: only the tests move it.
 *
 * Setup goes through the sandbox's HTTP API (reset, clock, settle) and the emulated Jira REST API
 * as a demo user; what the issues ask to *see* is left to the browser. Touches its temp folder,
 * the demo cache (through ensureDemoSnapshot), the lock file next to it and, when stale, the UI
 * bundles (through `npm run build:ui`); nothing else.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ensureDemoSnapshot } from '../../../sandbox/demo/demo-snapshot';
import type { UserRecord } from '../../../sandbox/jira/jira-state';
import { openSandbox, sandboxCloudId, type Sandbox } from '../../../sandbox/open-sandbox';
import { dataDirFrom } from '../../../sandbox/site-files';
import { findStaleBundles, runBuildUi } from '../../../sandbox/ui-bundles';

/** The demo users the tests act as (sandbox/jira/jira-seed.ts), by e-mail address. */
export const demoUserEmails = {
  /** Jira admin, Amsterdam, Dutch */
  admin: 'admin@polder-it.example',
  /** agent, Amsterdam, Dutch */
  sanne: 'sanne@polder-it.example',
  /** agent, New York, English: the contract zone (Amsterdam) differs from his own */
  tom: 'tom@polder-it.example',
  /** customer of Acme Logistics: Gold on e-mail (4 h for P1, 16 h for P3 in Amsterdam office hours) */
  alice: 'alice@acme.example',
  /** customer of Hooli Labs: no contract */
  henk: 'henk@hooli.example',
  /** customer of Wayne Foundation: the contract expired on 31 August 2026 */
  wendy: 'wendy@wayne.example',
  /** agent, new this week: has not yet allowed Contract Clock to act on her behalf */
  noor: 'noor@polder-it.example',
} as const;
export type DemoUserKey = keyof typeof demoUserEmails;
export type DemoUsers = Readonly<Record<DemoUserKey, UserRecord>>;

/** Jira's transition ids in the emulator's workflow (sandbox/jira/jira-catalog.ts). */
export const transitionIds = { waitForCustomer: '21', respondToCustomer: '31', resolve: '51' } as const;
/** Jira priority ids: Highest → P1, Medium → P3 in the demo's priority mapping. */
export const priorityIds = { highest: '1', medium: '3' } as const;

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

export interface RaiseInput {
  requestType: 'E-mail problem' | 'Printer problem' | 'Network problem' | 'New workplace' | 'Other';
  summary: string;
  priorityId: string;
}

export interface E2eSandbox {
  sandbox: Sandbox;
  url: string;
  users: DemoUsers;
  /** POST /sandbox/api/reset: the demo site and storage back, the clock at the demo's "now" (frozen). */
  reset(): Promise<void>;
  /** POST /sandbox/api/clock advance; answers the new simulated time once the sweep ran. */
  advanceClock(ms: number): Promise<Date>;
  /** Raises a request as `customer` over the servicedeskapi and waits until the app processed it. */
  raiseRequest(customer: UserRecord, input: RaiseInput): Promise<string>;
  /** The `contract-clock` record the app stored on the issue (an entity property). */
  clockRecord(issueKey: string): unknown;
  close(): Promise<void>;
}

const okSchema = z.object({ ok: z.literal(true), value: z.unknown() });
const clockAnswerSchema = z.object({ ok: z.literal(true), value: z.object({ now: z.iso.datetime({ offset: true }), frozen: z.boolean() }) });
const createdRequestSchema = z.object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/) });

/**
 * Builds the Custom UI bundles (`npm run build:ui`) when any app's is missing or older than its
 * sources, as `npm start` does: otherwise the host would show "not built yet", or yesterday's app,
 * instead of the one under test. `npm test` builds them before Jest runs.
 */
export async function ensureUiBundles(): Promise<void> {
  const stale = findStaleBundles()[0];
  if (stale === undefined) return;
  try {
    await runBuildUi();
  } catch (error) {
    throw new Error(`The ${stale.app} Custom UI bundle (static/${stale.app}/dist) is ${stale.reason}, and \`npm run build:ui\` failed: fix the build first.`, { cause: error });
  }
  const missing = findStaleBundles().find((s) => s.reason === 'missing');
  if (missing !== undefined) throw new Error(`\`npm run build:ui\` ran but static/${missing.app}/dist/index.html is still missing.`);
}

/** Node's system errors carry a `code`; checked structurally because Jest's realm has its own `Error`. */
function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    return hasCode(error, 'EPERM');
  }
}

/**
 * Runs `work` while holding `<dir>/e2e-setup.lock` (created exclusively, holding our pid). A lock
 * whose process is gone is taken over. Two Jest workers opening sandboxes at once would otherwise
 * both build the bundles and generate the demo, replacing each other's output while the other
 * reads it.
 *
 * @example await withSetupLock('.sandbox-data', () => ensureDemoSnapshot({ dataDir: '.sandbox-data', cloudId }));
 */
export async function withSetupLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'e2e-setup.lock');
  const giveUpAt = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {
        // released between our open and our read: try again
      }
      if (Number.isInteger(holder) && holder > 0 && !isProcessAlive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > giveUpAt) throw new Error(`Waited 5 minutes for ${lock} (held by pid ${String(holder)}); remove it if no test is running.`);
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function findDemoUsers(sandbox: Sandbox): DemoUsers {
  const find = (email: string): UserRecord => {
    const user = sandbox.model().findUserByEmail(email);
    if (user === undefined) throw new Error(`The demo site has no user ${email}.`);
    return user;
  };
  return {
    admin: find(demoUserEmails.admin),
    sanne: find(demoUserEmails.sanne),
    tom: find(demoUserEmails.tom),
    alice: find(demoUserEmails.alice),
    henk: find(demoUserEmails.henk),
    wendy: find(demoUserEmails.wendy),
    noor: find(demoUserEmails.noor),
  };
}

function basicAuth(user: UserRecord): string {
  if (user.emailAddress === null) throw new Error(`${user.displayName} has no e-mail address to log in with.`);
  return `Basic ${Buffer.from(`${user.emailAddress}:e2e-token`).toString('base64')}`;
}

async function readJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    throw new Error(`${what} answered no JSON: ${text.slice(0, 200)}`);
  }
}

/**
 * Starts the sandbox for one test file (generating the demo into the cache first if needed).
 *
 * @example const sbx = await startE2eSandbox(); await sbx.reset(); const key = await sbx.raiseRequest(sbx.users.alice, { … });
 */
export async function startE2eSandbox(): Promise<E2eSandbox> {
  const demoCacheDir = dataDirFrom(process.env);
  await withSetupLock(demoCacheDir, async () => {
    await ensureUiBundles();
    await ensureDemoSnapshot({ dataDir: demoCacheDir, cloudId: sandboxCloudId });
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'contract-clock-e2e-'));
  let sandbox: Sandbox;
  try {
    sandbox = await openSandbox({ dataDir, demoCacheDir, port: 0, print: 'error', frozenClock: true });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const users = findDemoUsers(sandbox);

  const sandboxApi = async (name: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${sandbox.url}/sandbox/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return readJson(response, `POST /sandbox/api/${name}`);
  };
  const settle = async (): Promise<void> => {
    okSchema.parse(await sandboxApi('settle', {}));
  };

  return {
    sandbox,
    url: sandbox.url,
    users,
    reset: async () => {
      okSchema.parse(await sandboxApi('reset', {}));
    },
    advanceClock: async (ms) => {
      const answer = clockAnswerSchema.parse(await sandboxApi('clock', { action: 'advance', ms }));
      return new Date(answer.value.now);
    },
    raiseRequest: async (customer, input) => {
      const desk = sandbox.model().serviceDesks()[0];
      const requestType = desk?.requestTypes.find((t) => t.name === input.requestType);
      if (desk === undefined || requestType === undefined) throw new Error(`The demo service desk has no request type "${input.requestType}".`);
      const response = await fetch(`${sandbox.url}/rest/servicedeskapi/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: basicAuth(customer) },
        body: JSON.stringify({
          serviceDeskId: desk.id,
          requestTypeId: requestType.id,
          requestFieldValues: { summary: input.summary, description: 'Raised by the browser tests.', priority: { id: input.priorityId } },
        }),
      });
      const created = createdRequestSchema.parse(await readJson(response, 'POST /rest/servicedeskapi/request'));
      await settle();
      return created.issueKey;
    },
    clockRecord: (issueKey) => sandbox.model().findIssue(issueKey)?.properties['contract-clock'],
    close: async () => {
      try {
        await sandbox.close();
      } finally {
        if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
