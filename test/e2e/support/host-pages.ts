/**
 * Reading and driving the sandbox's host pages and the real issue panel in a browser page: acting
 * as a demo user (the `sandbox-user` cookie), host actions that reload the page once the app's
 * handlers ran, a queue row as data, and the panel (the Custom UI bundle in its iframe) as data.
 * Texts are returned with their whitespace collapsed (Intl puts narrow no-break spaces in times).
 *
 * Only reads the DOM and clicks what a user would click; no access to the sandbox's internals.
 */
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { UserRecord } from '../../../sandbox/jira/jira-state';

/** Collapses every kind of whitespace (also U+202F, U+00A0 from Intl) into one space. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Browser console errors and uncaught exceptions per page (host and frames), for failure messages. */
const pageErrors = new WeakMap<Page, string[]>();

/**
 * Opens a page that records its console errors and uncaught exceptions (also those of its
 * frames), so a panel that fails to load can say why.
 */
export async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`uncaught: ${error.message}`);
  });
  pageErrors.set(page, errors);
  return page;
}

function describeErrors(page: Page): string {
  const errors = pageErrors.get(page) ?? [];
  return errors.length === 0 ? 'no browser errors' : `browser errors: ${errors.slice(-5).join(' | ')}`;
}

/** Makes every page of the context act as `user` from the next request on. */
export async function actAs(context: BrowserContext, baseUrl: string, user: UserRecord): Promise<void> {
  await context.addCookies([{ name: 'sandbox-user', value: encodeURIComponent(user.accountId), url: baseUrl }]);
}

/**
 * Runs a host action that ends in a page load (the host script calls the REST API, waits for the
 * app to settle, then reloads or navigates) and waits for the new page. Fails with the host's
 * error flag when the action went wrong instead of waiting for a load that never comes.
 */
export async function waitForReloadAfter(page: Page, act: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  type Outcome = { kind: 'navigated' } | { kind: 'no-load' } | { kind: 'flag'; text: string };
  // both watchers settle as values, never as rejections: if `act` throws they are left behind harmlessly
  const navigated = page
    .waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: timeoutMs })
    .then(
      (): Outcome => ({ kind: 'navigated' }),
      (): Outcome => ({ kind: 'no-load' }),
    );
  const flagged = page
    .locator('.sbx-flag--error')
    .waitFor({ timeout: timeoutMs })
    .then(
      async (): Promise<Outcome> => ({ kind: 'flag', text: normalizeText(await page.locator('.sbx-flag--error').innerText()) }),
      // no flag: the outcome is whatever the navigation watcher says
      () => navigated,
    );
  await act();
  const outcome = await Promise.race([navigated, flagged]);
  if (outcome.kind === 'flag') throw new Error(`The host page reported an error: ${outcome.text}`);
  if (outcome.kind === 'no-load') throw new Error(`The host page did not reload within ${timeoutMs} ms after the action.`);
  await page.waitForLoadState('load');
}

async function optionalText(locator: Locator): Promise<string | null> {
  return (await locator.count()) === 0 ? null : normalizeText(await locator.innerText());
}

export interface QueueRow {
  /** the record's state as the host shows it: running, at-risk, breached, paused, met, uncovered, none */
  clockState: string | null;
  /** the contract deadline's instant (the `<time datetime>` of the deadline cell), or null */
  deadline: string | null;
  /** "in 4 h", "20 h overdue", "paused", "resolved in time", "—" */
  timeLeft: string;
  text: string;
}

/** The row of `issueKey` in a queue or portal table on the current page. */
export async function readQueueRow(page: Page, issueKey: string): Promise<QueueRow> {
  const row = page.locator(`tr[data-issue-key="${issueKey}"]`);
  await row.waitFor();
  const cells = row.locator('td');
  const stateHolder = row.locator('[data-clock-state]');
  const deadline = row.locator('time[datetime]');
  return {
    clockState: (await stateHolder.count()) === 0 ? null : await stateHolder.getAttribute('data-clock-state'),
    deadline: (await deadline.count()) === 0 ? null : await deadline.first().getAttribute('datetime'),
    timeLeft: normalizeText(await cells.last().innerText()),
    text: normalizeText(await row.innerText()),
  };
}

/** The contract deadlines of the queue on the current page, top to bottom (rows without one are skipped). */
export async function listQueueDeadlines(page: Page): Promise<string[]> {
  const deadlines: string[] = [];
  for (const time of await page.locator('[data-testid="queue"] tbody tr time[datetime]').all()) {
    const value = await time.getAttribute('datetime');
    if (value !== null) deadlines.push(value);
  }
  return deadlines;
}

/** The issue panel's document inside the request view. */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="issue-panel"] iframe');
}

export interface PanelSnapshot {
  /** panel-state's data-state: on-track, at-risk, breached, paused, met, uncovered, error */
  state: string | null;
  /** the state lozenge's text */
  stateLabel: string | null;
  /** "4 h left", "1 h overdue", "14 h to spare" (business time); null when there is no target */
  timeLeft: string | null;
  /** the deadline in the agent's zone (and the contract's, when both show the same time) */
  deadlineAgent: string | null;
  /** the deadline in the contract calendar's zone, when it differs from the agent's */
  deadlineContract: string | null;
  /** "No fixed deadline while the clock is paused." */
  deadlinePaused: string | null;
  /** "Completed …" once resolved */
  deadlineCompleted: string | null;
  /** the first-response target's state (response-target's data-state), when the level has one */
  responseState: string | null;
  /** the "not covered" notice */
  uncovered: string | null;
  /** whether the admin's link to the settings page is offered */
  hasSettingsLink: boolean;
  /** the action buttons offered, e.g. ['action-tell', 'action-pause'] */
  actions: string[];
  text: string;
}

/**
 * Waits until the panel finished loading (`panel-root[data-status=ready]`) and reads what it shows.
 * Fails with the panel's own text when it could not load.
 */
export async function readPanel(page: Page): Promise<PanelSnapshot> {
  const frame = panelFrame(page);
  const root = frame.getByTestId('panel-root');
  const settled = frame.locator('[data-testid="panel-root"]:is([data-status="ready"], [data-status="failed"])');
  await settled.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    const status = (await root.count()) === 0 ? 'no panel-root (the app did not mount)' : `panel-root data-status=${String(await root.getAttribute('data-status'))}`;
    const body = normalizeText(await frame.locator('body').innerText({ timeout: 2_000 }).catch(() => '(frame not readable)'));
    throw new Error(`The issue panel did not finish loading within 30 s: ${status}; frame text: "${body.slice(0, 300)}"; ${describeErrors(page)}`, { cause: error });
  });
  if ((await root.getAttribute('data-status')) === 'failed') {
    throw new Error(`The issue panel failed to load: ${normalizeText(await root.innerText())}; ${describeErrors(page)}`);
  }
  const stateHolder = frame.getByTestId('panel-state');
  const response = frame.getByTestId('response-target');
  const actions: string[] = [];
  for (const button of await frame.getByTestId('panel-actions').locator('[data-testid^="action-"]').all()) {
    actions.push((await button.getAttribute('data-testid')) ?? '');
  }
  return {
    state: (await stateHolder.count()) === 0 ? null : await stateHolder.getAttribute('data-state'),
    stateLabel: await optionalText(stateHolder),
    timeLeft: await optionalText(frame.getByTestId('panel-time-left')),
    deadlineAgent: await optionalText(frame.getByTestId('deadline-agent')),
    deadlineContract: await optionalText(frame.getByTestId('deadline-contract')),
    deadlinePaused: await optionalText(frame.getByTestId('deadline-paused')),
    deadlineCompleted: await optionalText(frame.getByTestId('deadline-completed')),
    responseState: (await response.count()) === 0 ? null : await response.getAttribute('data-state'),
    uncovered: await optionalText(frame.getByTestId('panel-uncovered')),
    hasSettingsLink: (await frame.getByTestId('settings-link').count()) > 0,
    actions,
    text: normalizeText(await root.innerText()),
  };
}

/** Opens the request view of `issueKey` and reads the panel. */
export async function openRequestPanel(page: Page, baseUrl: string, issueKey: string): Promise<PanelSnapshot> {
  await page.goto(`${baseUrl}/browse/${issueKey}`);
  return readPanel(page);
}
