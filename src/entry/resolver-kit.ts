/**
 * The one way resolvers are written (conventions §3): parse the payload and the context with zod,
 * authorize, call the use case, answer the envelope. Expected failures are envelope errors; anything
 * else is logged with ids and codes only and answered as `unavailable` / `internal`, never thrown at
 * the UI — except Forge's `NeedsAuthenticationError` (a user who has not yet allowed the app access),
 * which is rethrown untouched: Forge answers it with its "Allow access" prompt (ADR 0012).
 */
import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { isConsentRequired, isJiraError } from '../app/jira-ports';
import { StorageError } from '../adapters/storage/key-value-store';
import { resolveDeps, type AppDeps, type DepsSource } from '../app/deps';
import { fail, flattenIssues, type Envelope } from '../contract/envelope';
import { resolverContextSchema, type ResolverContext } from '../contract/forge-events';
import { describeError } from './run-trigger';

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

/** The function `@forge/resolver` hands Forge, built from definitions keyed by resolver key. */
export function buildResolver(
  scope: string,
  deps: DepsSource,
  definitions: Readonly<Record<string, ResolverDefinition<z.ZodType, unknown>>>,
): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  for (const [key, definition] of Object.entries(definitions)) {
    resolver.define(key, async (request: { payload: unknown; context: unknown }) => runResolver(scope, key, resolveDeps(deps), definition, request));
  }
  return resolver.getDefinitions();
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
