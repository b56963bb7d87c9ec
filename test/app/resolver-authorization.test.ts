/**
 * The authorization matrix: every resolver key the app answers (found in src/entry, see
 * resolver-surface.ts) × every kind of caller — anonymous, a customer of organization A (who raised
 * the request), a customer of organization B, an agent, a Jira administrator — against the row of
 * resolver-access.ts. A denied caller gets `forbidden` and changes nothing (app storage and Jira
 * alike); an allowed one gets past authorization with a valid payload. 0 escapes.
 */
import * as entryPoints from '../../src/index';
import { createHarness } from './app-harness';
import { RESOLVER_ACCESS } from './resolver-access';
import { createFixture, discoverResolvers, ACCOUNT_TYPES, invoke, manifestResolverExports, ROLES, SCOPE_EXTENSIONS, snapshotState, type DiscoveredResolver, type ResolverFixture } from './resolver-surface';

jest.setTimeout(120_000);

describe('the resolver registry', () => {
  it('finds every resolver of the manifest, and every key it answers has a row of expected access', async () => {
    const h = await createHarness();
    const found = discoverResolvers(h.deps);
    expect(found.length).toBeGreaterThanOrEqual(4);
    // Every resolver function of manifest.yml is one of the handlers found (same scope and keys).
    for (const name of manifestResolverExports()) {
      const handler = (entryPoints as Record<string, unknown>)[name] as { scope?: string; functionKeys?: readonly string[] } | undefined;
      expect({ name, scope: handler?.scope }).toEqual({ name, scope: expect.any(String) });
      const match = found.find((r) => r.scope === handler?.scope);
      expect({ name, keys: match?.functionKeys }).toEqual({ name, keys: handler?.functionKeys });
    }
    const keys = found.flatMap((r) => r.functionKeys);
    const missing = keys.filter((key) => RESOLVER_ACCESS[key] === undefined);
    if (missing.length > 0) {
      throw new Error(
        `No expected access declared for resolver key(s) ${missing.join(', ')}. Add a row per key to test/app/resolver-access.ts ` +
          '(who may call it — anonymous, customerOfA, customerOfB, agent, admin — why, and a valid example payload); the matrix and the fuzzer then cover it.',
      );
    }
    const stale = Object.keys(RESOLVER_ACCESS).filter((key) => !keys.includes(key));
    expect({ rowsForKeysTheAppDoesNotAnswer: stale }).toEqual({ rowsForKeysTheAppDoesNotAnswer: [] });
    const scopes = found.map((r) => r.scope).filter((scope) => SCOPE_EXTENSIONS[scope] === undefined);
    expect({ scopesWithoutAForgeContextInResolverSurface: scopes }).toEqual({ scopesWithoutAForgeContextInResolverSurface: [] });
  });
});

interface Cell {
  readonly key: string;
  readonly role: (typeof ROLES)[number];
  readonly expected: 'allowed' | 'denied';
  readonly got: string;
  readonly changedState: boolean;
}

async function runMatrix(f: ResolverFixture, resolver: DiscoveredResolver): Promise<Cell[]> {
  const handler = resolver.create(f.h.deps);
  const extension = SCOPE_EXTENSIONS[resolver.scope]!(f);
  const cells: Cell[] = [];
  for (const key of resolver.functionKeys) {
    const row = RESOLVER_ACCESS[key];
    if (row === undefined) continue; // the registry test above names it
    // Denied callers first, so that every one meets the state an allowed caller would.
    const order = [...ROLES].sort((a, b) => (row.access[a] === row.access[b] ? 0 : row.access[a] === 'denied' ? -1 : 1));
    for (const role of order) {
      const payload = await row.example(f);
      const before = snapshotState(f.h);
      const answer = await invoke(handler, key, payload, f.accountOf[role], extension, ACCOUNT_TYPES[role]);
      const changedState = snapshotState(f.h) !== before;
      cells.push({ key, role, expected: row.access[role], got: answer.ok ? 'ok' : answer.error.code, changedState });
    }
  }
  return cells;
}

describe('the authorization matrix', () => {
  let fixture: ResolverFixture;
  let resolvers: DiscoveredResolver[];
  beforeAll(async () => {
    const h = await createHarness();
    fixture = await createFixture(h);
    resolvers = discoverResolvers(h.deps);
  });

  it.each(['admin', 'panel', 'gadget', 'reports', 'triage', 'portal'])('%s: no caller gets past a check meant to refuse them, and the allowed get through', async (scope) => {
    const resolver = resolvers.find((r) => r.scope === scope);
    expect(resolver).toBeDefined();
    await checkMatrix(resolver!);
  });

  it('every other scope found in src/entry too', async () => {
    for (const resolver of resolvers.filter((r) => !['admin', 'panel', 'gadget', 'reports'].includes(r.scope))) await checkMatrix(resolver);
  });

  async function checkMatrix(resolver: DiscoveredResolver): Promise<void> {
    const cells = await runMatrix(fixture, resolver);
    expect(cells.length).toBe(resolver.functionKeys.filter((k) => RESOLVER_ACCESS[k] !== undefined).length * ROLES.length);
    const escapes = cells.filter((c) => c.expected === 'denied' && (c.got !== 'forbidden' || c.changedState));
    const lockedOut = cells.filter((c) => c.expected === 'allowed' && (c.got === 'forbidden' || c.got === 'internal' || c.got === 'invalid-input'));
    expect({ escapes, lockedOut }).toEqual({ escapes: [], lockedOut: [] });
  }
});
