/**
 * The fuzzer of resolver-fuzz*.test.ts (split in two files so Jest runs them side by side: the keys
 * that carry the contract database document, whose validation dominates, and the others).
 *
 * Fuzzing every resolver key the app answers (found in src/entry, see resolver-surface.ts) with
 * fast-check, as a Jira administrator (the caller who gets furthest): structurally random JSON, and
 * mutations of the key's valid example payload (a field deleted, replaced by random JSON, wrapped in
 * an array, an unknown key added — at any depth, inside the contract database document too). For
 * each of ≥ 1 000 runs per key:
 * - the answer is the envelope — never a throw, never `internal` or `unavailable`, nothing logged as
 *   an error (a crash inside a use case);
 * - a validation error (`invalid-input`, `confirmation-required`) names field paths, and one of them
 *   is the mutated field, a field inside it or the object holding it (inside a document field, a
 *   path of that document);
 * - a refused call changes nothing: app storage (KVS and entities) and Jira's site state are
 *   byte-for-byte what they were.
 */
import fc from 'fast-check';
import type { AppDeps } from '../../src/app/deps';
import { formatIssuePath } from '../../src/contract/strict-object';
import { createHarness } from './app-harness';
import { RESOLVER_ACCESS, type KeyExpectations } from './resolver-access';
import { createFixture, discoverResolvers, invoke, SCOPE_EXTENSIONS, snapshotState, type DiscoveredResolver, type ResolverFixture } from './resolver-surface';

const RUNS = Number(process.env.RESOLVER_FUZZ_RUNS ?? 1_000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

interface Mutation {
  /** `tweak` keeps the type (another string, number or boolean), so the call often gets past validation. */
  readonly kind: 'delete' | 'replace' | 'wrap' | 'add-unknown' | 'tweak';
  /** Picks the path among the payload's paths (modulo their count). */
  readonly at: number;
  readonly value: Json;
  readonly key: string;
  readonly text: string;
  readonly number: number;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'wrap', 'add-unknown', 'tweak'),
  at: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  key: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'revison', 'effectivTo', 'contarcts')),
  text: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', 'x'.repeat(5_000), '2026-02-30', 'Mars/Olympus_Mons')),
  number: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1, 2 ** 53, Number.MAX_SAFE_INTEGER)),
});

type FuzzInput = { readonly kind: 'random'; readonly payload: Json | undefined } | { readonly kind: 'mutation'; readonly mutation: Mutation };

/**
 * Payloads @forge/resolver turns into `{}` (`payload || {}`) and `{}` itself: each is sent once as an
 * explicit example rather than hundreds of times at random.
 */
const NO_PAYLOAD: readonly (Json | undefined)[] = [undefined, null, false, 0, '', {}];
const isNoPayload = (value: unknown): boolean => !value || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

const inputArbitrary: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).filter((payload) => !isNoPayload(payload)).map((payload) => ({ kind: 'random' as const, payload: payload as Json })) },
  { weight: 3, arbitrary: mutationArbitrary.map((mutation) => ({ kind: 'mutation' as const, mutation })) },
);

/** Every path of a JSON value (root first), at most `depth` deep and `limit` many. */
function pathsOf(value: Json, depth = 5, limit = 400): Segment[][] {
  const out: Segment[][] = [];
  const walk = (node: Json, path: Segment[]): void => {
    if (out.length >= limit) return;
    out.push(path);
    if (path.length >= depth || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) node.forEach((child, i) => {
        walk(child, [...path, i]);
      });
    else for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return out;
}

/** A fresh copy of `root` with `mutation` applied at `path` (own properties only, `__proto__` included). */
function mutate(root: Json, path: Segment[], mutation: Mutation): Json {
  if (path.length === 0) {
    switch (mutation.kind) {
      case 'delete': // no payload at all is one of NO_PAYLOAD's examples
      case 'wrap':
        return [root];
      case 'replace':
        return isNoPayload(mutation.value) ? [mutation.value] : mutation.value;
      case 'add-unknown':
        return root !== null && typeof root === 'object' && !Array.isArray(root) ? defineOwn({ ...root }, mutation.key, mutation.value) : mutation.value;
      case 'tweak':
        return typeof root === 'string' ? mutation.text : typeof root === 'number' ? (Number.isFinite(mutation.number) ? mutation.number : 0) : typeof root === 'boolean' ? !root : mutation.value;
    }
  }
  const [head, ...rest] = path as [Segment, ...Segment[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    if (rest.length === 0 && mutation.kind === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = mutate(root[Number(head)] ?? null, rest, mutation);
    return copy;
  }
  const copy: { [key: string]: Json } = { ...(root as { [key: string]: Json }) };
  if (rest.length === 0 && mutation.kind === 'delete') Reflect.deleteProperty(copy, String(head));
  else defineOwn(copy, String(head), mutate((root as { [key: string]: Json })[String(head)] ?? null, rest, mutation));
  return copy;
}

function defineOwn(target: { [key: string]: Json }, key: string, value: Json): { [key: string]: Json } {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** The dotted path the app names fields by (`contracts.0.versions.1.effectivTo`); '' for the root. */
const dotted = (path: readonly Segment[]): string => (path.length === 0 ? '' : formatIssuePath(path));

/** Whether the error path `named` is the mutated path, inside it, or an object holding it. */
function related(named: string, mutated: string): boolean {
  if (mutated === '') return true;
  return named === mutated || named.startsWith(`${mutated}.`) || mutated.startsWith(`${named}.`);
}

interface Prepared {
  readonly payload: unknown;
  /** The mutated payload path (dotted; '' for the root), or null for a random payload. */
  readonly mutatedPath: string | null;
  /** Whether the mutation is inside a document field (errors are named by paths of that document). */
  readonly inDocument: boolean;
  /** The path of an unknown key the mutation added to an object of the payload (outside documents). */
  readonly unknownKeyPath: string | null;
}

async function prepare(row: KeyExpectations, example: () => Promise<Json>, input: FuzzInput): Promise<Prepared> {
  if (input.kind === 'random') return { payload: input.payload, mutatedPath: null, inDocument: false, unknownKeyPath: null };
  // A document carried as JSON text (an import) is mutated as the document it holds.
  const documents = row.documentFields ?? [];
  const expanded = structuredClone(await example()) as { [key: string]: Json };
  const textFields = documents.filter((field) => typeof expanded[field] === 'string');
  for (const field of textFields) expanded[field] = JSON.parse(expanded[field] as string) as Json;
  const paths = pathsOf(expanded);
  const path = paths[input.mutation.at % paths.length]!;
  let payload = mutate(expanded, path, input.mutation);
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const object = payload;
    for (const field of textFields) if (field in object) object[field] = JSON.stringify(object[field]);
    payload = object;
  }
  const inDocument = path.length >= 1 && documents.includes(String(path[0]));
  const target = path.reduce<Json | undefined>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, Json>)[segment] : undefined), expanded);
  const addsUnknownKey =
    input.mutation.kind === 'add-unknown' && !inDocument && !documents.includes(String(path[0])) && target !== null && typeof target === 'object' && !Array.isArray(target) && !Object.hasOwn(target, input.mutation.key);
  return { payload, mutatedPath: dotted(path), inDocument, unknownKeyPath: addsUnknownKey ? formatIssuePath([...path, input.mutation.key]) : null };
}

/** The fuzz suite over the keys `which` selects (by their row). */
export function describeResolverFuzz(title: string, which: (row: KeyExpectations) => boolean): void {
  describe(title, () => {
    let fixture: ResolverFixture;
    let resolvers: DiscoveredResolver[];
    const errorsLogged: string[] = [];

    beforeAll(async () => {
      // The demo database with only organization A's contract: the same rules, a third of the validation work per call.
      const h = await createHarness(undefined, { database: (_site, demo) => ({ ...demo, contracts: demo.contracts?.slice(0, 1) }) });
      fixture = await createFixture(h);
      resolvers = discoverResolvers(h.deps);
    });

    const keysOf = (resolver: DiscoveredResolver): string[] => resolver.functionKeys.filter((key) => RESOLVER_ACCESS[key] !== undefined && which(RESOLVER_ACCESS[key]));

    it('has keys to fuzz, each with a declared row (the matrix names any without one)', () => {
      expect(resolvers.flatMap(keysOf).length).toBeGreaterThan(0);
    });

    it(`answers ${RUNS} random and mutated payloads per key with the envelope, naming fields, changing nothing when it refuses`, async () => {
      const h = fixture.h;
      const deps: AppDeps = { ...h.deps, log: { ...h.deps.log, error: (message: string) => void errorsLogged.push(message) } };
      const summary: Record<string, Record<string, number>> = {};
      for (const resolver of resolvers) {
        const handler = resolver.create(deps);
        const extension = SCOPE_EXTENSIONS[resolver.scope]!(fixture);
        for (const key of keysOf(resolver)) {
          const row = RESOLVER_ACCESS[key]!;
          const counts: Record<string, number> = {};
          summary[key] = counts;
          let baseline = snapshotState(h);
          // The valid example, read again only after a call changed something.
          let cached: Promise<Json> | null = null;
          const example = (): Promise<Json> => (cached ??= row.example(fixture) as Promise<Json>);
          const started = performance.now();
          await fc.assert(
            fc.asyncProperty(inputArbitrary, async (input) => {
              const prepared = await prepare(row, example, input);
              h.reset();
              const answer = await invoke(handler, key, prepared.payload, fixture.accountOf.admin, extension);
              const outcome = answer.ok ? 'ok' : answer.error.code;
              counts[outcome] = (counts[outcome] ?? 0) + 1;
              // A call that neither wrote to storage nor sent Jira anything but a GET cannot have
              // changed either; any other is checked against the full snapshot.
              const wrote = h.store.operations.some((op) => !/^(get|query) /.test(op)) || h.jiraCalls.some((call) => !call.startsWith('GET '));
              expect({ key, logged: errorsLogged }).toEqual({ key, logged: [] });
              // Every payload schema is strict: an unknown key is refused, by its path.
              if (prepared.unknownKeyPath !== null) {
                const unknown = prepared.unknownKeyPath;
                expect({ key, unknown, answer }).toEqual({ key, unknown, answer: { ok: false, error: expect.objectContaining({ code: 'invalid-input', fieldErrors: expect.objectContaining({ [unknown]: expect.any(Array) }) }) } });
              }
              if (answer.ok) {
                if (wrote) {
                  baseline = snapshotState(h);
                  cached = null;
                }
                return;
              }
              expect(['internal', 'unavailable']).not.toContain(answer.error.code);
              expect(answer.error.message.length).toBeGreaterThan(0);
              if (answer.error.code === 'invalid-input' || answer.error.code === 'confirmation-required') {
                const named = Object.entries(answer.error.fieldErrors ?? {});
                expect(named.length).toBeGreaterThan(0);
                for (const [path, messages] of named) {
                  expect(path.length).toBeGreaterThan(0);
                  expect(messages.length).toBeGreaterThan(0);
                  for (const message of messages) expect(message.trim().length).toBeGreaterThan(0);
                }
                if (prepared.mutatedPath !== null && !prepared.inDocument && answer.error.code === 'invalid-input') {
                  const mutated = prepared.mutatedPath;
                  const paths = named.map(([path]) => path);
                  expect({ key, mutated, paths, namesTheMutatedField: paths.some((path) => related(path, mutated)) }).toEqual({ key, mutated, paths, namesTheMutatedField: true });
                }
              }
              if (wrote) expect(snapshotState(h) === baseline).toBe(true);
            }),
            { numRuns: RUNS, examples: NO_PAYLOAD.map((payload): [FuzzInput] => [{ kind: 'random', payload }]) },
          );
          counts.ms = Math.round(performance.now() - started);
        }
      }
      // What the runs reached, per key: refusals at validation and beyond, and the time taken.
      console.log(JSON.stringify(summary));
      for (const [key, { ms: _ms, ...counts }] of Object.entries(summary)) {
        expect({ key, runs: Object.values(counts).reduce((a, b) => a + b, 0) }).toEqual({ key, runs: RUNS }); // NO_PAYLOAD's examples are among them
      }
    });
  });
}
