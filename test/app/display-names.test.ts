/**
 * The shared display-name look-up (src/app/display-names.ts) behind the panel's history, the review
 * report's extension authors and the renewals' account managers: one call with the distinct ids,
 * none without ids, an empty answer when Jira refuses, Forge's consent error untouched. The views'
 * own tests count the requests against the Jira emulator (promises-and-help, compliance-views,
 * renewal-reminders).
 */
import { lookUpDisplayNames } from '../../src/app/display-names';
import { JiraError, NEEDS_AUTHENTICATION_ERR } from '../../src/app/jira-ports';

/** A logger that keeps its warnings. */
function warnings() {
  const lines: string[] = [];
  return { lines, warn: (message: string) => void lines.push(message) };
}

function port(answer: (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>) {
  const asked: (readonly string[])[] = [];
  return {
    asked,
    getUserDisplayNames: (ids: readonly string[]) => {
      asked.push(ids);
      return answer(ids);
    },
  };
}

describe('lookUpDisplayNames', () => {
  it('asks once, with each distinct id once, and answers what Jira named', async () => {
    const jira = port(() => Promise.resolve(new Map([['ada', 'Ada de Boer']])));
    const names = await lookUpDisplayNames(jira, ['ada', 'gone', 'ada'], warnings());
    expect(jira.asked).toEqual([['ada', 'gone']]);
    expect([...names]).toEqual([['ada', 'Ada de Boer']]);
  });

  it('asks nothing when there is nobody to name', async () => {
    const jira = port(() => Promise.resolve(new Map()));
    expect((await lookUpDisplayNames(jira, new Set<string>(), warnings())).size).toBe(0);
    expect(jira.asked).toEqual([]);
  });

  it('answers no names when Jira refuses, so the views show account ids', async () => {
    const refused = new JiraError('refused', { kind: 'http', method: 'GET', path: '/rest/api/3/user/bulk', status: 403, errorMessages: ['You are not allowed to browse users.'], fieldErrors: {}, issues: [] });
    const log = warnings();
    const names = await lookUpDisplayNames(port(() => Promise.reject(refused)), ['ada'], log);
    expect(names.size).toBe(0);
    expect(log.lines).toEqual(['display names not available; account ids shown']);
  });

  it('lets Forge’s consent error through untouched', async () => {
    const consent = Object.assign(new Error('Authentication required'), { name: NEEDS_AUTHENTICATION_ERR });
    await expect(lookUpDisplayNames(port(() => Promise.reject(consent)), ['ada'], warnings())).rejects.toBe(consent);
  });
});
