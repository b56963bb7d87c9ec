/** The site cache: field ids and the status catalogue are looked up once, and again only when needed. */
import type { JiraAsApp, StatusOption } from '../../src/app/jira-ports';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { loadSiteFacts } from '../../src/app/site-cache';

function fakeJira(statuses: StatusOption[]) {
  const calls = { fields: 0, statuses: 0 };
  const jira = {
    discoverFieldIds: () => {
      calls.fields += 1;
      return Promise.resolve({ requestType: 'customfield_10010', organizations: 'customfield_10002', contractDeadline: 'customfield_10050' });
    },
    listStatuses: () => {
      calls.statuses += 1;
      return Promise.resolve([...statuses]);
    },
  } as unknown as JiraAsApp;
  return { jira, calls, statuses };
}

describe('loadSiteFacts', () => {
  const now = new Date('2026-10-05T08:00:00Z');

  it('discovers field ids once and reuses them until they are a day old', async () => {
    const store = new MemoryKvsStore();
    const { jira, calls } = fakeJira([]);
    await loadSiteFacts(store, jira, now);
    const again = await loadSiteFacts(store, jira, new Date(now.getTime() + 60 * 60_000));
    expect(again.fieldIds.contractDeadline).toBe('customfield_10050');
    expect(calls.fields).toBe(1);
    await loadSiteFacts(store, jira, new Date(now.getTime() + 25 * 60 * 60_000));
    expect(calls.fields).toBe(2);
  });

  it('fetches the status catalogue on demand and again only for a status it does not know', async () => {
    const store = new MemoryKvsStore();
    const fake = fakeJira([{ id: '1', name: 'Open', category: 'new' }]);
    const first = await loadSiteFacts(store, fake.jira, now);
    expect((await first.statusCategories(['1'])).get('1')).toBe('new');
    const second = await loadSiteFacts(store, fake.jira, now);
    await second.statusCategories(['1']);
    expect(fake.calls.statuses).toBe(1);
    fake.statuses.push({ id: '7', name: 'Escalated', category: 'indeterminate' });
    expect((await second.statusCategories(['1', '7'])).get('7')).toBe('indeterminate');
    expect(fake.calls.statuses).toBe(2);
  });
});
