/**
 * Reading the managers' surfaces in a browser page: the dashboard's gadgets (each the real Custom UI
 * bundle in its own iframe) and the "Contract reviews" page. Waits until an app has finished loading
 * and fails with the app's own text when it could not. Only reads the DOM; clicks are the tests'.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { normalizeText } from './host-pages';

/** The iframe of one gadget on the dashboard (gadget ids: 10001 all customers, 10002 Acme). */
export function gadgetFrame(page: Page, gadgetId: string): FrameLocator {
  return page.frameLocator(`[data-gadget-id="${gadgetId}"] iframe`);
}

/** The review page's iframe. */
export function reportsFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-forge-frame]');
}

async function waitFor(frame: FrameLocator, selector: string, what: string): Promise<void> {
  await frame.locator(selector).first().waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    const text = normalizeText(await frame.locator('body').innerText({ timeout: 2_000 }).catch(() => '(frame not readable)'));
    throw new Error(`${what} did not finish loading within 30 s; frame text: "${text.slice(0, 400)}"`, { cause: error });
  });
}

/** Waits until a gadget shows its view (or a load error, which fails the test). */
export async function waitForGadgetView(page: Page, gadgetId: string): Promise<FrameLocator> {
  const frame = gadgetFrame(page, gadgetId);
  await waitFor(frame, '[data-testid="gadget-view"], [data-testid="gadget-error"]', `Gadget ${gadgetId}`);
  if ((await frame.getByTestId('gadget-error').count()) > 0) {
    throw new Error(`Gadget ${gadgetId} failed: ${normalizeText(await frame.getByTestId('gadget-error').innerText())}`);
  }
  return frame;
}

/** Waits until the review document is on the page, with no load still running. */
export async function waitForReport(page: Page): Promise<FrameLocator> {
  const frame = reportsFrame(page);
  await waitFor(frame, '[data-testid="reports-root"][data-status="ready"], [data-testid="reports-error"]', 'The review page');
  if ((await frame.getByTestId('reports-error').count()) > 0) {
    throw new Error(`The review page failed: ${normalizeText(await frame.getByTestId('reports-error').innerText())}`);
  }
  return frame;
}

export interface GadgetSnapshot {
  scope: string;
  onTime: string;
  gold: string;
  customers: string[];
  open: Record<'running' | 'paused' | 'at-risk' | 'breached', number>;
  worstBreaches: string[];
  text: string;
}

/** What a gadget shows, as text. */
export async function readGadget(page: Page, gadgetId: string): Promise<GadgetSnapshot> {
  const frame = await waitForGadgetView(page, gadgetId);
  const text = async (testId: string): Promise<string> => normalizeText(await frame.getByTestId(testId).innerText());
  const count = async (state: string): Promise<number> => Number(await text(`gadget-open-${state}-count`));
  const customers: string[] = [];
  for (const row of await frame.locator('[data-testid="gadget-customers"] tbody tr').all()) customers.push(normalizeText(await row.innerText()));
  const worstBreaches: string[] = [];
  for (const item of await frame.locator('[data-testid="gadget-worst"] li').all()) worstBreaches.push((await item.getAttribute('data-issue-key')) ?? '');
  const hasHeadline = (await frame.getByTestId('gadget-on-time').count()) > 0;
  return {
    scope: await text('gadget-scope'),
    onTime: hasHeadline ? await text('gadget-on-time-value') : '',
    gold: hasHeadline ? await text('gadget-gold-value') : '',
    customers,
    open: { running: await count('running'), paused: await count('paused'), 'at-risk': await count('at-risk'), breached: await count('breached') },
    worstBreaches,
    text: normalizeText(await frame.getByTestId('gadget-view').innerText()),
  };
}
