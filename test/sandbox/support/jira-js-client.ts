/**
 * Test helper: drives jira.js against the Jira emulator from Jest. jira.js is ESM-only and Jest
 * runs our tests as CommonJS, so jira.js runs in a child Node process (jira-js-driver.mjs) and
 * this helper sends it one command per call. Every response is validated by jira.js's own
 * schemas with `onSchemaMismatch: 'throw'`, so a wrong JSON shape surfaces as SchemaMismatchError.
 *
 * Spawns one child process per client; touches nothing else.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const answerSchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ name: z.string(), status: z.number().nullable(), message: z.string(), body: z.unknown() }),
  }),
]);
export type DriverAnswer = z.infer<typeof answerSchema>;
export type DriverError = Extract<DriverAnswer, { ok: false }>['error'];

/** Who the jira.js client authenticates as: Basic with an e-mail, Bearer with a token, or nobody. */
export type DriverAuth = { email: string } | { bearer: string } | null;

export class JiraJsCallError extends Error {
  constructor(
    readonly call: string,
    readonly error: DriverError,
  ) {
    super(`${call} failed: ${error.name} ${error.status ?? ''} ${error.message}`);
  }
}

export interface JiraJsDriver {
  /** Calls `surface.group.method(params)` on a jira.js client with `auth`; rejects with JiraJsCallError. */
  call(auth: DriverAuth, surface: 'cloud' | 'serviceDesk', group: string, method: string, params?: unknown): Promise<unknown>;
  /** Like call, but resolves with the driver's answer (ok or error) instead of rejecting. */
  attempt(auth: DriverAuth, surface: 'cloud' | 'serviceDesk', group: string, method: string, params?: unknown): Promise<DriverAnswer>;
  /** The schema drift jira.js recorded (only when the driver runs with AUDIT_SCHEMAS=true). */
  drift(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts the jira.js child process against `host`.
 *
 * @example const jira = await startJiraJsDriver(server.url); await jira.call(null, 'cloud', 'myself', 'getCurrentUser');
 */
export async function startJiraJsDriver(host: string): Promise<JiraJsDriver> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'jira-js-driver.mts'), host], {
    cwd: path.resolve(__dirname, '../../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const waiting = new Map<number, (answer: DriverAnswer) => void>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout });
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    ready = resolve;
  });
  lines.on('line', (line) => {
    const answer = answerSchema.parse(JSON.parse(line));
    if (answer.id === 0) {
      ready();
      return;
    }
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`jira.js driver exited with ${String(code)}: ${stderr}`));
    });
  });
  exited.catch(() => undefined);
  await Promise.race([readyPromise, exited]);

  let nextId = 1;
  const send = (command: Record<string, unknown>): Promise<DriverAnswer> => {
    const id = nextId++;
    const answer = new Promise<DriverAnswer>((resolve) => {
      waiting.set(id, resolve);
    });
    child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    return Promise.race([answer, exited]);
  };
  const attempt: JiraJsDriver['attempt'] = (auth, surface, group, method, params) => send({ auth, surface, group, method, params });
  return {
    attempt,
    call: async (auth, surface, group, method, params) => {
      const answer = await attempt(auth, surface, group, method, params);
      if (!answer.ok) throw new JiraJsCallError(`${surface}.${group}.${method}`, answer.error);
      return answer.value;
    },
    drift: async () => {
      const answer = await send({ op: 'drift' });
      return answer.ok ? answer.value : [];
    },
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });
      child.stdin.end();
      // a driver that does not leave within 3 s is killed: a stray child would keep Jest alive
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await done;
      clearTimeout(killer);
    },
  };
}
