/**
 * Runs jira.js in a child process for the Jira emulator tests: jira.js is ESM-only and Jest runs
 * our TypeScript as CommonJS, so jira-js-client.ts spawns this file (`node --import tsx`).
 * One JSON command per stdin line, one JSON answer per stdout line:
 *   { id, auth: { email } | { bearer } | null, surface: 'cloud' | 'serviceDesk', group, method, params }
 *   { id, op: 'drift' }  → the schema drift jira.js collected (only with AUDIT_SCHEMAS=true)
 * Answers: { id, ok: true, value } | { id, ok: false, error: { name, status, message, body } }.
 * Clients validate every response against jira.js's schemas and throw on a mismatch, so a JSON
 * shape the emulator gets wrong fails the test. Reads stdin, writes stdout; nothing else.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';

const commandSchema = z.union([
  z.object({ id: z.number(), op: z.literal('drift') }),
  z.object({
    id: z.number(),
    auth: z.union([z.object({ email: z.string() }), z.object({ bearer: z.string() }), z.null()]),
    surface: z.enum(['cloud', 'serviceDesk']),
    group: z.string(),
    method: z.string(),
    params: z.unknown().optional(),
  }),
]);
type Command = z.infer<typeof commandSchema>;

type Factory = (config: Record<string, unknown>) => unknown;

const host = process.argv[2];
if (host === undefined) {
  process.stderr.write('usage: jira-js-driver.mts <host>\n');
  process.exit(2);
}

function factory(module: unknown, name: string): Factory {
  const value: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;
  if (typeof value !== 'function') throw new Error(`jira.js does not export ${name}`);
  return (config) => {
    const client: unknown = Reflect.apply(value, undefined, [config]);
    return client;
  };
}

let createCloudClient: Factory = () => {
  throw new Error('jira.js is not loaded yet');
};
let createServiceDeskClient: Factory = createCloudClient;
const clients = new Map<string, { cloud: unknown; serviceDesk: unknown }>();

function clientsFor(auth: Extract<Command, { auth: unknown }>['auth']): { cloud: unknown; serviceDesk: unknown } {
  const key = JSON.stringify(auth);
  let pair = clients.get(key);
  if (pair === undefined) {
    const config: Record<string, unknown> = { host, onSchemaMismatch: 'throw' };
    if (auth !== null && 'email' in auth) config['auth'] = { type: 'basic', email: auth.email, apiToken: 'any-token' };
    if (auth !== null && 'bearer' in auth) config['auth'] = { type: 'bearer', token: auth.bearer };
    pair = { cloud: createCloudClient(config), serviceDesk: createServiceDeskClient(config) };
    clients.set(key, pair);
  }
  return pair;
}

function read(target: unknown, key: string): unknown {
  return typeof target === 'object' && target !== null ? Reflect.get(target, key) : undefined;
}

function describeError(error: unknown): Record<string, unknown> {
  const status = read(error, 'status');
  return {
    name: error instanceof Error ? error.name : 'Error',
    status: typeof status === 'number' ? status : null,
    message: error instanceof Error ? error.message : String(error),
    body: read(error, 'body') ?? read(error, 'report') ?? null,
  };
}

async function run(command: Command): Promise<unknown> {
  if ('op' in command) {
    const drift: unknown = Reflect.get(globalThis, Symbol.for('apis-code-gen.schemaAudit'));
    return drift ?? [];
  }
  const group = read(clientsFor(command.auth)[command.surface], command.group);
  const method = read(group, command.method);
  if (typeof method !== 'function') throw new Error(`jira.js has no ${command.surface}.${command.group}.${command.method}`);
  const result: unknown = await Reflect.apply(method, group, [command.params]);
  return result;
}

async function main(): Promise<void> {
  // a computed specifier: TypeScript's node10 resolution cannot see jira.js's export map, Node can
  const specifier = 'jira.js';
  const jira: unknown = await import(specifier);
  createCloudClient = factory(jira, 'createCloudClient');
  createServiceDeskClient = factory(jira, 'createServiceDeskClient');

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    const command = commandSchema.parse(JSON.parse(line));
    run(command).then(
      (value) => process.stdout.write(`${JSON.stringify({ id: command.id, ok: true, value: value ?? null })}\n`),
      (error: unknown) => process.stdout.write(`${JSON.stringify({ id: command.id, ok: false, error: describeError(error) })}\n`),
    );
  });
  lines.on('close', () => process.exit(0));
  process.stdout.write(`${JSON.stringify({ id: 0, ok: true, value: 'ready' })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
