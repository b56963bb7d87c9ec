/**
 * The soak script's hands on a running sandbox, over HTTP as people and the host pages use it:
 * customers raise requests and comment through the servicedeskapi (Basic auth), agents comment and
 * transition through REST v3, the panel's actions go through the sandbox's `invoke` as the host page
 * sends them, and the clock moves through the sandbox API. Every call answers what happened (status
 * and body) instead of throwing, so a load can count refusals; only a broken connection throws.
 */
import { z } from 'zod';

export interface SoakUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  role: 'admin' | 'agent' | 'customer';
}

export interface Answer {
  status: number;
  body: unknown;
  /** milliseconds from sending to the whole answer */
  ms: number;
}

const stateSchema = z.object({
  ok: z.literal(true),
  value: z.object({
    now: z.string(),
    users: z.array(z.object({ accountId: z.string(), displayName: z.string(), emailAddress: z.string(), role: z.enum(['admin', 'agent', 'customer']) })),
    runtime: z.record(z.string(), z.unknown()),
    memory: z.object({ rssMb: z.number(), heapUsedMb: z.number() }),
  }),
});
export type SandboxState = z.infer<typeof stateSchema>['value'];

const deskSchema = z.object({ values: z.array(z.object({ id: z.string() })) });
const requestTypesSchema = z.object({ values: z.array(z.object({ id: z.string(), name: z.string() })) });
const transitionsSchema = z.object({ transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }) })) });
const panelViewSchema = z.object({ ok: z.literal(true), value: z.object({ ok: z.boolean(), data: z.object({ revision: z.number() }).optional() }) });

const invokeAnswerSchema = z.object({
  ok: z.literal(true),
  value: z.object({ ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
});

/**
 * The resolver's refusal in an invoke answer, as "code: message" (`conflict: The clock is not
 * running, …`), or null when it succeeded.
 */
export function resolverRefusal(body: unknown): string | null {
  const parsed = invokeAnswerSchema.safeParse(body);
  if (!parsed.success) return `no answer: ${JSON.stringify(body).slice(0, 120)}`;
  const error = parsed.data.value.error;
  return parsed.data.value.ok ? null : `${error?.code ?? 'unknown'}: ${error?.message ?? ''}`;
}

/**
 * A refusal an agent would answer by trying again: "reload" (the clock changed meanwhile or is not
 * there yet) or `unavailable` ("Try again in a moment": Jira or storage failed after retries).
 */
function isTransient(refusal: string | null): boolean {
  if (refusal === null) return false;
  return refusal.startsWith('unavailable:') || (refusal.startsWith('conflict:') && refusal.includes('reload'));
}

function basicAuth(user: SoakUser): string {
  return `Basic ${Buffer.from(`${user.emailAddress}:soak`).toString('base64')}`;
}

export interface SoakClient {
  readonly url: string;
  state(): Promise<SandboxState>;
  /** the service desk and its request types */
  desk(): Promise<{ serviceDeskId: string; requestTypes: { id: string; name: string }[] }>;
  raise(customer: SoakUser, input: { serviceDeskId: string; requestTypeId: string; summary: string; priorityId: string }): Promise<Answer>;
  comment(user: SoakUser, issueKey: string, body: string, internal: boolean): Promise<Answer>;
  transitions(user: SoakUser, issueKey: string): Promise<{ id: string; name: string; to: string }[]>;
  transition(user: SoakUser, issueKey: string, transitionId: string): Promise<Answer>;
  /**
   * A panel action as the host page sends it: read the panel (for its revision), then act. While the
   * panel answers "reload" or "try again" it is read and tried again, as an agent would, for up to 15 s.
   */
  panelAction(agent: SoakUser, issueKey: string, action: 'pause' | 'resume' | 'extend', reason: string): Promise<Answer>;
  advanceClock(ms: number, settle: boolean): Promise<Answer>;
  settle(): Promise<Answer>;
}

/**
 * @example const client = createSoakClient('http://127.0.0.1:41234'); await client.settle();
 */
export function createSoakClient(url: string, options: { panelModuleKey: string }): SoakClient {
  const call = async (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> => {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, ms: performance.now() - started };
  };
  const asUser = (user: SoakUser) => ({ authorization: basicAuth(user) });
  const invoke = (agent: SoakUser, issueKey: string, functionKey: string, payload: Record<string, unknown>) =>
    call('/sandbox/api/invoke', {
      method: 'POST',
      headers: { cookie: `sandbox-user=${encodeURIComponent(agent.accountId)}` },
      body: { frame: { moduleKey: options.panelModuleKey, issueKey }, functionKey, payload },
    });

  return {
    url,
    state: async () => stateSchema.parse((await call('/sandbox/api/state')).body).value,
    desk: async () => {
      const state = stateSchema.parse((await call('/sandbox/api/state')).body).value;
      const admin = state.users.find((u) => u.role === 'admin');
      if (admin === undefined) throw new Error('The sandbox has no admin.');
      const desks = deskSchema.parse((await call('/rest/servicedeskapi/servicedesk', { headers: asUser(admin) })).body);
      const serviceDeskId = desks.values[0]?.id;
      if (serviceDeskId === undefined) throw new Error('The sandbox has no service desk.');
      const types = requestTypesSchema.parse((await call(`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`, { headers: asUser(admin) })).body);
      return { serviceDeskId, requestTypes: types.values };
    },
    raise: (customer, input) =>
      call('/rest/servicedeskapi/request', {
        method: 'POST',
        headers: asUser(customer),
        body: {
          serviceDeskId: input.serviceDeskId,
          requestTypeId: input.requestTypeId,
          requestFieldValues: { summary: input.summary, description: 'Raised by the soak script.', priority: { id: input.priorityId } },
        },
      }),
    comment: (user, issueKey, body, internal) =>
      user.role === 'customer'
        ? call(`/rest/servicedeskapi/request/${issueKey}/comment`, { method: 'POST', headers: asUser(user), body: { body, public: true } })
        : call(`/rest/servicedeskapi/request/${issueKey}/comment`, { method: 'POST', headers: asUser(user), body: { body, public: !internal } }),
    transitions: async (user, issueKey) => {
      const answer = await call(`/rest/api/3/issue/${issueKey}/transitions`, { headers: asUser(user) });
      if (answer.status !== 200) return [];
      return transitionsSchema.parse(answer.body).transitions.map((t) => ({ id: t.id, name: t.name, to: t.to.name }));
    },
    transition: (user, issueKey, transitionId) =>
      call(`/rest/api/3/issue/${issueKey}/transitions`, { method: 'POST', headers: asUser(user), body: { transition: { id: transitionId } } }),
    panelAction: async (agent, issueKey, action, reason) => {
      const giveUpAt = performance.now() + 15_000;
      for (;;) {
        const view = await invoke(agent, issueKey, 'panel/get', { issueKey });
        const parsed = panelViewSchema.safeParse(view.body);
        const revision = parsed.success ? parsed.data.value.data?.revision : undefined;
        let last = view;
        if (revision !== undefined) {
          const payload = action === 'extend' ? { issueKey, revision, minutes: 60, reason } : { issueKey, revision, reason };
          last = await invoke(agent, issueKey, `panel/${action}`, payload);
        }
        if (!isTransient(resolverRefusal(last.body)) || performance.now() > giveUpAt) return last;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    advanceClock: (ms, settle) => call('/sandbox/api/clock', { method: 'POST', body: { action: 'advance', ms, settle } }),
    settle: () => call('/sandbox/api/settle', { method: 'POST', body: {} }),
  };
}
