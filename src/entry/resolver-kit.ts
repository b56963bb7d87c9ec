/**
 * The one way resolvers are written (conventions §3): parse the payload and the context with zod,
 * authorize, call the use case, answer the envelope. Expected failures are envelope errors; anything
 * else is logged with ids and codes only and answered as `unavailable` / `internal`, never thrown at
 * the UI — except Forge's `NeedsAuthenticationError` (a user who has not yet allowed the app access),
 * which is rethrown untouched: Forge answers it with its "Allow access" prompt (ADR 0012).
 *
 * Dispatch is by own key only. `@forge/resolver` looks a function key up with `in` on a plain object,
 * so `constructor`, `toString` or `__proto__` reach Object.prototype: the first answers the whole
 * invocation (context included) back to the caller, the others fail with a 500. Every key that is
 * not one of ours gets the envelope's `not-found` instead, before @forge/resolver sees it.
 */
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { isConsentRequired, isJiraError } from '../app/jira-ports';
import { StorageError } from '../adapters/storage/key-value-store';
import { resolveDeps, type AppDeps, type DepsSource } from '../app/deps';
import { fail, flattenIssues, type Envelope } from '../contract/envelope';
import { resolverContextSchema, type ResolverContext } from '../contract/forge-events';
import { describeError } from './run-trigger';

/** The part of an invocation that names the function. */
const invocationKeySchema = z.object({ call: z.object({ functionKey: z.string() }) });

/** What a resolver function gets once its payload and context parsed. */
export interface ResolverCall<P> {
  readonly deps: AppDeps;
  readonly payload: P;
  readonly context: ResolverContext;
  /** The calling user; resolvers without one are refused before they run. */
  readonly accountId: string;
}

export interface ResolverDefinition<S extends z.ZodType, T> {
  readonly payload: S;
  readonly run: (call: ResolverCall<z.infer<S>>) => Promise<Envelope<T>>;
}

/** Helps TypeScript infer each definition's payload type. */
export function defineResolver<S extends z.ZodType, T>(definition: ResolverDefinition<S, T>): ResolverDefinition<S, T> {
  return definition;
}

/**
 * The handler Forge calls, which also names what it answers: its scope and its function keys (the
 * registry the tests enumerate — fuzzing and the authorization matrix cover every key there is).
 */
export type ResolverHandler = ReturnType<Resolver['getDefinitions']> & {
  readonly scope: string;
  readonly functionKeys: readonly string[];
};

/** The function `@forge/resolver` hands Forge, built from definitions keyed by resolver key. */
export function buildResolver(
  scope: string,
  deps: DepsSource,
  definitions: Readonly<Record<string, ResolverDefinition<z.ZodType, unknown>>>,
): ResolverHandler {
  const resolver = new Resolver();
  const keys = Object.keys(definitions);
  for (const [key, definition] of Object.entries(definitions)) {
    resolver.define(key, async (request: { payload: unknown; context: unknown }) => runResolver(scope, key, resolveDeps(deps), definition, request));
  }
  return Object.assign(ownKeysOnly(scope, keys, resolver.getDefinitions()), { scope, functionKeys: Object.freeze([...keys]) });
}

/**
 * Wraps a @forge/resolver definitions handler so that only the given function keys reach it; any
 * other key (an unknown one, or an Object.prototype member) is answered with the envelope's
 * `not-found`, naming the key (shortened) but nothing of the invocation.
 *
 * @example ownKeysOnly('panel', ['panel/get'], resolver.getDefinitions())
 */
export function ownKeysOnly(scope: string, keys: readonly string[], handler: ReturnType<Resolver['getDefinitions']>): ReturnType<Resolver['getDefinitions']> {
  const known = new Set(keys);
  return async (invocation, backendRuntimePayload) => {
    const functionKey = invocationKeySchema.safeParse(invocation).data?.call.functionKey;
    if (functionKey === undefined || !known.has(functionKey)) {
      const shown = functionKey === undefined ? 'without a name' : JSON.stringify(functionKey.slice(0, 60));
      return fail('not-found', `Contract Clock has no ${scope} function ${shown}. Reload the page; if this persists, the app was updated.`);
    }
    return handler(invocation, backendRuntimePayload);
  };
}

async function runResolver(
  scope: string,
  key: string,
  deps: AppDeps,
  definition: ResolverDefinition<z.ZodType, unknown>,
  request: { payload: unknown; context: unknown },
): Promise<Envelope<unknown>> {
  const context = resolverContextSchema.safeParse(request.context);
  if (!context.success) return fail('invalid-input', 'The request did not come from a Forge module.');
  const accountId = context.data.accountId;
  if (accountId === undefined) return fail('forbidden', 'Log in to use Contract Clock.');
  const payload = definition.payload.safeParse(request.payload);
  if (!payload.success) {
    const fieldErrors = flattenIssues(payload.error.issues);
    return fail('invalid-input', `Check ${Object.keys(fieldErrors).join(', ')}.`, fieldErrors);
  }
  try {
    return await definition.run({ deps, payload: payload.data, context: context.data, accountId });
  } catch (error) {
    // Forge turns this error into its consent prompt; wrapping it would lock the user out for good.
    if (isConsentRequired(error)) throw error;
    deps.log.error(`${scope} ${key}: failed`, describeError(error));
    if (isJiraError(error) || error instanceof StorageError) {
      return fail('unavailable', 'Jira or the app storage did not answer. Try again in a moment.');
    }
    return fail('internal', 'Something went wrong in Contract Clock. The error has been logged.');
  }
}
