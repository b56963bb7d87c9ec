/**
 * Resolver-contract tests: every key a Custom UI invokes is defined by the resolver of its module,
 * and every resolver key answers with the envelope (even for a payload it rejects).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_RESOLVER_KEYS } from '../../src/contract/admin-api';
import { GADGET_RESOLVER_KEYS, REPORTS_RESOLVER_KEYS } from '../../src/contract/compliance-api';
import { PANEL_RESOLVER_KEYS } from '../../src/contract/panel-api';
import { PORTAL_RESOLVER_KEYS } from '../../src/contract/portal-api';
import { TRIAGE_RESOLVER_KEYS } from '../../src/contract/triage-api';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createGadgetResolver } from '../../src/entry/gadget-resolver';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createPortalResolver } from '../../src/entry/portal-resolver';
import { createTriageResolver } from '../../src/entry/triage-resolver';
import { createHarness } from '../app/app-harness';

const staticRoot = path.resolve(__dirname, '../../static');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'dist' || name === 'dev' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const tables = { PANEL_RESOLVER_KEYS, ADMIN_RESOLVER_KEYS, GADGET_RESOLVER_KEYS, REPORTS_RESOLVER_KEYS, TRIAGE_RESOLVER_KEYS, PORTAL_RESOLVER_KEYS } as const;

describe('UI ↔ resolver contract', () => {
  const files = sourceFiles(staticRoot);

  it('finds the UI sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('invokes only keys from the shared key tables (no string literals)', () => {
    const used: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(PANEL_RESOLVER_KEYS|ADMIN_RESOLVER_KEYS|GADGET_RESOLVER_KEYS|REPORTS_RESOLVER_KEYS|TRIAGE_RESOLVER_KEYS|PORTAL_RESOLVER_KEYS)\.(\w+)/g)) {
        const table = tables[match[1] as keyof typeof tables] as Record<string, string>;
        used.push(`${match[1]}.${match[2]}`);
        expect(table[match[2] ?? '']).toBeDefined();
      }
      expect(text).not.toMatch(/invoke(Resolver)?\(\s*['"`]/);
    }
    expect(used.length).toBeGreaterThan(0);
  });

  it.each([
    ['panel', Object.values(PANEL_RESOLVER_KEYS), createPanelResolver],
    ['admin', Object.values(ADMIN_RESOLVER_KEYS), createAdminResolver],
    ['gadget', Object.values(GADGET_RESOLVER_KEYS), createGadgetResolver],
    ['reports', Object.values(REPORTS_RESOLVER_KEYS), createReportsResolver],
    ['triage', Object.values(TRIAGE_RESOLVER_KEYS), createTriageResolver],
    ['portal', Object.values(PORTAL_RESOLVER_KEYS), createPortalResolver],
  ] as const)('the %s resolver defines every key of its table and answers with the envelope', async (_name, keys, create) => {
    const h = await createHarness();
    const definitions = create(h.deps);
    for (const functionKey of keys) {
      const answer: unknown = await definitions(
        { call: { functionKey, payload: { unexpected: true } }, context: { moduleKey: 'm', extension: { type: 't', issue: { id: '1', key: 'ITS-1' } } } },
        { principal: { accountId: h.site.users.admin.accountId } } as never,
      );
      expect(answer).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
    }
  });
});
