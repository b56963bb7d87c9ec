/**
 * Which OAuth scopes a call of a Forge app needs, per operation — the emulator answers 403 to an
 * app call its manifest's `permissions.scopes` do not grant, as Jira does, so a missing scope fails
 * a test instead of a customer's install.
 *
 * Platform REST (v3, and v2 by its v3 twin): openapi/jira-platform-operations.json, condensed from
 * Atlassian's OpenAPI document by scripts/openapi-facts.mjs (its `source` names the mirror, commit
 * and date). Each operation lists its classic scopes (`x-atlassian-oauth2-scopes` state "Current",
 * what Forge manifests use) and its granular ones (state "Beta"); either complete set grants it; an
 * empty classic list means no scope is needed (e.g. an app writing its own custom field).
 *
 * JSM servicedeskapi: no OpenAPI document of it is mirrored where this project can read it, so the
 * table below is taken from the "OAuth scopes required" line of each operation in Atlassian's JSM
 * Cloud REST reference (developer.atlassian.com/cloud/jira/service-desk/rest).
 *
 * Pure: reads the facts file once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const operationFactsSchema = z.object({
  method: z.string(),
  path: z.string(),
  scopes: z.object({ classic: z.array(z.string()).nullable(), granular: z.array(z.string()).nullable() }),
});

const factsSchema = z.object({ operations: z.array(z.looseObject(operationFactsSchema.shape)) });

export interface ScopeRequirement {
  /** classic scopes that together grant the call; [] = none needed; null = no classic scope grants it */
  readonly classic: readonly string[] | null;
  /** granular scopes that together grant the call; null = none documented */
  readonly granular: readonly string[] | null;
  /** where the requirement comes from */
  readonly source: 'openapi' | 'jsm-reference';
}

let platform: Map<string, ScopeRequirement> | null = null;

/** The facts file of the platform REST API (also read by the contract tests). */
export const platformFactsFile = path.resolve(__dirname, 'openapi/jira-platform-operations.json');

function platformRequirements(): Map<string, ScopeRequirement> {
  if (platform === null) {
    const facts = factsSchema.parse(JSON.parse(readFileSync(platformFactsFile, 'utf8')));
    platform = new Map(facts.operations.map((op) => [`${op.method} ${op.path}`, { classic: op.scopes.classic, granular: op.scopes.granular, source: 'openapi' as const }]));
  }
  return platform;
}

const READ = { classic: ['read:servicedesk-request'], granular: null, source: 'jsm-reference' } as const;
const WRITE = { classic: ['write:servicedesk-request'], granular: null, source: 'jsm-reference' } as const;
const CUSTOMERS = { classic: ['manage:servicedesk-customer'], granular: null, source: 'jsm-reference' } as const;
/**
 * "Get organizations": classic manage:servicedesk-customer, granular read:organization:jira-service-management
 * (JSM Cloud REST reference, group Organization; the granular scope is listed in Forge's "Jira Service
 * Management product scopes" as "View organizations").
 */
const ORGANIZATIONS = { classic: ['manage:servicedesk-customer'], granular: ['read:organization:jira-service-management'], source: 'jsm-reference' } as const;

/** JSM servicedeskapi operations the emulator serves → their scope (Atlassian's JSM REST reference). */
const SERVICEDESK: Readonly<Record<string, ScopeRequirement>> = {
  'GET /rest/servicedeskapi/info': READ,
  'GET /rest/servicedeskapi/servicedesk': READ,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}': READ,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype': READ,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}': READ,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer': CUSTOMERS,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization': CUSTOMERS,
  'GET /rest/servicedeskapi/organization': ORGANIZATIONS,
  'GET /rest/servicedeskapi/organization/{organizationId}': CUSTOMERS,
  'GET /rest/servicedeskapi/organization/{organizationId}/user': CUSTOMERS,
  'GET /rest/servicedeskapi/request': READ,
  'POST /rest/servicedeskapi/request': WRITE,
  'GET /rest/servicedeskapi/request/{issueIdOrKey}': READ,
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/participant': READ,
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/comment': READ,
  'POST /rest/servicedeskapi/request/{issueIdOrKey}/comment': WRITE,
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/comment/{commentId}': READ,
};

function normalise(pattern: string): string {
  return pattern.replace(/\{[^}]+\}/g, '{}');
}

/**
 * The scopes an app needs for one route of the emulator (`GET /rest/api/3/issue/{issueIdOrKey}`);
 * undefined when no source documents it (the emulator then refuses app calls to it).
 *
 * @example requiredScopes('GET', '/rest/api/3/myself')?.classic // ['read:jira-user']
 */
export function requiredScopes(method: string, pattern: string): ScopeRequirement | undefined {
  if (pattern.startsWith('/rest/servicedeskapi/')) return SERVICEDESK[`${method} ${pattern}`];
  const v3 = pattern.replace(/^\/rest\/api\/2\//, '/rest/api/3/');
  const wanted = `${method} ${normalise(v3)}`;
  for (const [key, requirement] of platformRequirements()) {
    const [m = '', p = ''] = key.split(' ');
    if (`${m} ${normalise(p)}` === wanted) return requirement;
  }
  return undefined;
}

/**
 * Whether the app's scopes grant a call: every classic scope, or every granular scope, of it.
 *
 * @example isGranted({ classic: ['read:jira-user'], granular: null, source: 'openapi' }, ['read:jira-work']) // false
 */
export function isGranted(requirement: ScopeRequirement | undefined, appScopes: readonly string[]): boolean {
  if (requirement === undefined) return false;
  const has = (scopes: readonly string[] | null): boolean => scopes !== null && scopes.every((scope) => appScopes.includes(scope));
  return has(requirement.classic) || (requirement.granular !== null && requirement.granular.length > 0 && has(requirement.granular));
}
