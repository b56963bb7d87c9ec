/**
 * Issue 12 §7: the terms page's audit log names its authors, asking `admin/display-names` once per
 * page load for each account (one call per batch), keeping "no name" answers too, and showing the
 * account id whenever no name is known (Jira refused, the call failed).
 */
import { ADMIN_LIMITS, type DisplayNamesData } from '../../src/contract/admin-api';
import type { Envelope } from '../../src/contract/envelope';
import { APP_AUTHOR, createDisplayNameCache } from '../../static/terms/src/display-names';

function recordingBackend(names: Record<string, string>, fail = () => false) {
  const asked: string[][] = [];
  const ask = (accountIds: string[]): Promise<Envelope<DisplayNamesData>> => {
    asked.push(accountIds);
    if (fail()) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'timeout' } });
    return Promise.resolve({ ok: true, data: { names: Object.fromEntries(accountIds.filter((id) => id in names).map((id) => [id, names[id]!])) } });
  };
  return { ask, asked };
}

describe('display names of the audit log', () => {
  it('asks once per account per page load, keeps "no name" answers, and never asks about the app', async () => {
    const backend = recordingBackend({ ada: 'Ada de Boer', sanne: 'Sanne Visser' });
    const cache = createDisplayNameCache(backend.ask);
    expect([...(await cache.lookUp(['ada', 'gone', 'ada', APP_AUTHOR]))]).toEqual([['ada', 'Ada de Boer']]);
    expect([...(await cache.lookUp(['ada', 'gone']))]).toEqual([['ada', 'Ada de Boer']]);
    expect([...(await cache.lookUp(['sanne', 'ada']))]).toEqual([['sanne', 'Sanne Visser'], ['ada', 'Ada de Boer']]);
    expect(backend.asked).toEqual([['ada', 'gone'], ['sanne']]);
  });

  it('asks in batches of the resolver limit', async () => {
    const ids = Array.from({ length: ADMIN_LIMITS.displayNamesMax + 2 }, (_, i) => `account-${String(i)}`);
    const backend = recordingBackend(Object.fromEntries(ids.map((id) => [id, `Name ${id}`])));
    const names = await createDisplayNameCache(backend.ask).lookUp(ids);
    expect(names.size).toBe(ids.length);
    expect(backend.asked.map((batch) => batch.length)).toEqual([ADMIN_LIMITS.displayNamesMax, 2]);
  });

  it('answers no names when the call fails, and tries again on the next look-up', async () => {
    let failing = true;
    const backend = recordingBackend({ ada: 'Ada de Boer' }, () => failing);
    const cache = createDisplayNameCache(backend.ask);
    expect((await cache.lookUp(['ada'])).size).toBe(0);
    failing = false;
    expect((await cache.lookUp(['ada'])).get('ada')).toBe('Ada de Boer');
    expect(backend.asked).toEqual([['ada'], ['ada']]);
  });
});
