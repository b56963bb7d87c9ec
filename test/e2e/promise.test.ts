/**
 * Issue 11 items 3 and 9, in a real browser through the sandbox: a tracked promise from posting to
 * its lapse warning. Alice's urgent e-mail (Acme Gold P1: 4 business hours in Amsterdam office hours)
 * is raised at 09:30 and breached at 13:30; at 14:30 Tom (New York, English) picks a new expected
 * time in the panel — 2 business hours, 16:30 Amsterdam — and posts it to the customer. The panel
 * shows the promise instead of the stale deadline, the triage view shows it too; an hour before it
 * lapses the app warns with one internal note (not again later), and once it has passed the panel
 * says it lapsed. Each step saves a screenshot under test-results/screenshots/.
 */
import { saveScreenshot } from './support/browser';
import { actAs, normalizeText, openRequestPanel, panelFrame, readPanel } from './support/host-pages';
import { hourMs, priorityIds } from './support/sandbox';
import { useFreshPageEachTest } from './support/session';

jest.setTimeout(180_000);

const started = useFreshPageEachTest(({ sbx, browser }) => actAs(browser.context, sbx.url, sbx.users.tom));

const PROMISE_NOTE = 'the customer was promised a resolution by';

it('a promise told to the customer is tracked from posting to the warning before it lapses, once', async () => {
  const { sbx, page: p } = started();
  const issueKey = await sbx.raiseRequest(sbx.users.alice, { requestType: 'E-mail problem', summary: 'Nobody can send mail', priorityId: priorityIds.highest });
  await sbx.advanceClock(5 * hourMs); // 14:30 in Amsterdam: an hour past the deadline
  expect((await openRequestPanel(p, sbx.url, issueKey)).state).toBe('breached');
  const panel = panelFrame(p);

  // pick the new expected time in business time, as a reply to the customer
  await panel.getByTestId('action-tell').click();
  await panel.getByTestId('tell-form').waitFor();
  await panel.getByTestId('promise-picker').waitFor();
  // each choice is a radio group named by its legend (static/shared/ui/radio-fieldset.tsx), inside a group of the same name
  const basis = panel.getByRole('group', { name: 'New expected time', exact: true });
  expect(await basis.getByRole('radiogroup', { name: 'New expected time', exact: true }).getByRole('radio').count()).toBe(2);
  expect(await basis.getByTestId('promise-apply').count()).toBe(1);
  expect(await panel.getByRole('radiogroup', { name: 'Post as', exact: true }).getByRole('radio').count()).toBe(2);
  await panel.getByTestId('promise-basis-business--radio-label').click();
  await panel.getByTestId('promise-hours').fill('2');
  await panel.getByTestId('promise-apply').click();
  await panel.getByTestId('visibility-public--radio-label').click();
  await panel.locator('[data-testid="promise-tracked"][data-tracked="true"]').waitFor();
  await saveScreenshot(p, 'promise-picked');
  await panel.getByTestId('message-review').click();
  await panel.getByTestId('tell-confirm-promise').waitFor();
  await panel.getByTestId('message-confirm').click();
  await panel.getByTestId('action-result').waitFor();
  expect(normalizeText(await panel.getByTestId('action-result').innerText())).toMatch(/promise/i);

  // the panel shows the promise instead of the stale deadline
  await p.reload();
  await readPanel(p);
  const promise = panel.getByTestId('panel-promise');
  await promise.waitFor();
  expect(await promise.getAttribute('data-state')).toBe('pending');
  expect(normalizeText(await promise.innerText())).toContain('10:30 AM'); // 16:30 Amsterdam in New York
  await saveScreenshot(p, 'promise-pending-panel');

  // the triage view shows it on the request's row
  await p.goto(`${sbx.url}/triage`);
  const triage = p.frameLocator('iframe[data-forge-frame]');
  await triage.locator('[data-testid="triage-root"][data-status="ready"]').waitFor({ timeout: 60_000 });
  const row = triage.locator(`[data-testid="triage-row"][data-issue-key="${issueKey}"]`);
  expect(normalizeText(await row.getByTestId('triage-promise').innerText())).toContain('Promised to the customer');

  const notes = async (): Promise<number> => {
    await p.goto(`${sbx.url}/browse/${issueKey}`);
    return p.locator('article.comment--internal').filter({ hasText: PROMISE_NOTE }).count();
  };
  // 15:25: not yet warned; 15:35: an hour before the promised time, one internal note
  await sbx.advanceClock(55 * 60_000);
  expect(await notes()).toBe(0);
  await sbx.advanceClock(10 * 60_000);
  expect(await notes()).toBe(1);
  await saveScreenshot(p, 'promise-warning-note');

  // 16:35: the promised time has passed; still one note, and the panel says the promise lapsed
  await sbx.advanceClock(hourMs);
  expect(await notes()).toBe(1);
  await readPanel(p);
  await panel.getByTestId('panel-promise').waitFor();
  expect(await panel.getByTestId('panel-promise').getAttribute('data-state')).toBe('lapsed');
  await saveScreenshot(p, 'promise-lapsed-panel');
});
