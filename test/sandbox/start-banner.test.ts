/**
 * The start banner of `npm start` (issue 11 item 8): the pages, the demo users with their e-mail
 * addresses, and the simulated time in the site's zone.
 */
import { SANDBOX_PAGES, startBanner } from '../../sandbox/start-banner';

describe('the start banner', () => {
  const lines = startBanner({
    url: 'http://127.0.0.1:3000',
    now: new Date('2026-10-05T07:30:00Z'),
    frozen: true,
    timeZone: 'Europe/Amsterdam',
    sampleIssueKey: 'ITS-12',
    users: [
      { displayName: 'Sanne Visser', emailAddress: 'sanne@polder-it.example', role: 'agent' },
      { displayName: 'Alice', emailAddress: 'alice@acme.example', role: 'customer' },
      { displayName: 'Ada de Vries', emailAddress: 'admin@polder-it.example', role: 'admin' },
    ],
  });
  const text = lines.join('\n');

  it('says the local (site) time and the instant', () => {
    expect(text).toContain('Monday, 5 October 2026 at 09:30 (Europe/Amsterdam) = 2026-10-05T07:30:00.000Z — paused');
  });

  it('lists every page, the triage view among them, with a real request for the issue view', () => {
    for (const [path] of SANDBOX_PAGES) {
      if (path === '/browse/KEY') expect(text).toContain('http://127.0.0.1:3000/browse/ITS-12');
      else expect(text).toContain(`http://127.0.0.1:3000${path}`);
    }
    expect(text).toContain('/triage');
  });

  it('lists the demo users with their e-mail addresses, the admin first', () => {
    const userLines = lines.filter((l) => l.includes('@'));
    expect(userLines[0]).toContain('admin@polder-it.example');
    expect(text).toContain('sanne@polder-it.example');
    expect(text).toContain('alice@acme.example');
  });
});
