/**
 * Test helpers for the Jira client: hand-made, Atlassian-documented fixtures (see
 * test/fixtures/jira/README.md) and a scripted fake
 * transport that records exactly what the client sent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../../src/adapters/jira/jira-transport';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'jira');

/** The raw text of test/fixtures/jira/<name>. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The parsed JSON of test/fixtures/jira/<name>. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name)) as unknown;
}

/** An answer; a non-string body is sent as its JSON text. */
export function respond(status: number, body: unknown = '', headers: Record<string, string> = {}): JiraResponse {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** A 200 (or given status) answer whose body is a fixture file. */
export function respondWithFixture(name: string, status = 200, headers: Record<string, string> = {}): JiraResponse {
  return { status, headers, body: fixtureText(name) };
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: JiraRequest['query'];
  readonly body: unknown;
}

/**
 * A transport that answers the scripted responses in order (an Error entry is thrown instead) and
 * records each request. Running out of answers fails the test loudly.
 */
export function createFakeTransport(script: readonly (JiraResponse | Error)[]): {
  transport: JiraTransport;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  let next = 0;
  const transport: JiraTransport = (request: JiraRequest) => {
    calls.push({ method: request.method, path: request.path.text, query: request.query, body: request.body });
    const answer = script[next++];
    if (answer === undefined) return Promise.reject(new Error(`fake transport: no answer scripted for call ${next}`));
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer);
  };
  return { transport, calls };
}

/** Retry options that never wait, so retry tests run instantly. */
export const noWait = { sleep: () => Promise.resolve(), random: () => 0 } as const;

/** Marker for `editJson`: remove the key instead of setting it. */
export const REMOVE = Symbol('remove');

/**
 * A deep copy of a JSON value with one nested key set (or removed with `REMOVE`), for building
 * malformed variants of a fixture payload.
 *
 * @example editJson(fixtureJson('issue.json'), ['fields', 'created'], 'yesterday')
 */
export function editJson(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy: unknown = structuredClone(value);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) throw new Error(`editJson: nothing at ${String(key)}`);
    node = Reflect.get(node, key);
  }
  const last = path.at(-1);
  if (typeof node !== 'object' || node === null || last === undefined) throw new Error(`editJson: cannot edit ${path.join('.')}`);
  if (replacement === REMOVE) Reflect.deleteProperty(node, last);
  else Reflect.set(node, last, replacement);
  return copy;
}
