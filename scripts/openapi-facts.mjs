// Condenses what Atlassian's OpenAPI document of the Jira Cloud platform REST API says about the
// operations Contract Clock calls and its sandbox serves into a table of facts: per operation its
// OAuth scopes (classic and granular), its query parameters, and the shape of its request body and
// 2xx answers (property names, types, required ones; `$ref`s resolved, nesting cut at a fixed
// depth). The result, sandbox/jira/openapi/jira-platform-operations.json, is the emulator's scope
// table and the contract tests' reference (docs/adr/0014). The document itself is not kept.
//
//   node scripts/openapi-facts.mjs <swagger-v3.v3.json> <repository> <path> <commit> <committed-on>
//
// Reads one file, writes one file; no network.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** [method, path] of every platform operation the client calls or the emulator serves. */
const OPERATIONS = [
  ['get', '/rest/api/3/serverInfo'],
  ['get', '/rest/api/3/myself'],
  ['get', '/rest/api/3/user'],
  ['get', '/rest/api/3/user/bulk'],
  ['get', '/rest/api/3/mypermissions'],
  ['post', '/rest/api/3/issue/bulkfetch'],
  ['get', '/rest/api/3/field'],
  ['get', '/rest/api/3/priority'],
  ['get', '/rest/api/3/priority/search'],
  ['get', '/rest/api/3/priority/{id}'],
  ['get', '/rest/api/3/status'],
  ['get', '/rest/api/3/status/{idOrName}'],
  ['get', '/rest/api/3/statuscategory'],
  ['get', '/rest/api/3/resolution'],
  ['get', '/rest/api/3/project/{projectIdOrKey}'],
  ['get', '/rest/api/3/project/{projectIdOrKey}/components'],
  ['get', '/rest/api/3/label'],
  ['post', '/rest/api/3/issue'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}'],
  ['put', '/rest/api/3/issue/{issueIdOrKey}'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/transitions'],
  ['post', '/rest/api/3/issue/{issueIdOrKey}/transitions'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/comment'],
  ['post', '/rest/api/3/issue/{issueIdOrKey}/comment'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/changelog'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/properties'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['put', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['delete', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['post', '/rest/api/3/issue/{issueIdOrKey}/notify'],
  ['get', '/rest/api/3/search/jql'],
  ['post', '/rest/api/3/search/jql'],
  ['post', '/rest/api/3/search/approximate-count'],
  ['get', '/rest/api/3/search'],
  ['post', '/rest/api/3/search'],
  ['post', '/rest/api/3/app/field/value'],
  ['put', '/rest/api/3/app/field/{fieldIdOrKey}/value'],
];

const [input, repository, sourcePath, commit, committedOn] = process.argv.slice(2);
if (input === undefined || repository === undefined || sourcePath === undefined || commit === undefined || committedOn === undefined) {
  console.error('usage: node scripts/openapi-facts.mjs <swagger-v3.v3.json> <repository> <path> <commit> <committed-on>');
  process.exit(2);
}
const full = JSON.parse(readFileSync(input, 'utf8'));

const MAX_DEPTH = 6;

/** The schema a `$ref` points at. */
function resolve(schema) {
  let current = schema;
  for (let hops = 0; current?.$ref !== undefined && hops < 20; hops++) {
    current = full.components.schemas[current.$ref.slice('#/components/schemas/'.length)];
  }
  return current ?? {};
}

/**
 * A schema condensed to what a shape check needs: type, nullable, enum, properties (recursively),
 * required, items, and whether other properties are allowed. `allOf` is merged; `oneOf`/`anyOf`
 * become `any` (the tests do not guess which branch applies).
 */
function condense(schema, depth) {
  const s = resolve(schema);
  if (s.allOf !== undefined) {
    const parts = s.allOf.map((part) => condense(part, depth));
    const merged = { type: 'object', properties: {}, required: [] };
    for (const part of parts) {
      Object.assign(merged.properties, part.properties ?? {});
      merged.required.push(...(part.required ?? []));
    }
    return merged;
  }
  if (s.oneOf !== undefined || s.anyOf !== undefined) return { type: 'any' };
  const type = s.type ?? (s.properties !== undefined ? 'object' : 'any');
  const out = { type };
  if (s.nullable === true) out.nullable = true;
  if (Array.isArray(s.enum)) out.enum = s.enum;
  if (depth >= MAX_DEPTH) return out;
  if (type === 'object') {
    if (s.properties !== undefined) {
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([name, value]) => [name, condense(value, depth + 1)]));
    }
    if (Array.isArray(s.required) && s.required.length > 0) out.required = s.required;
    if (s.additionalProperties === false) out.additionalProperties = false;
    else if (s.additionalProperties !== undefined && s.additionalProperties !== true) out.additionalProperties = condense(s.additionalProperties, depth + 1);
  }
  if (type === 'array' && s.items !== undefined) out.items = condense(s.items, depth + 1);
  return out;
}

function scopesOf(operation, state) {
  const entry = (operation['x-atlassian-oauth2-scopes'] ?? []).find((e) => e.state === state);
  if (entry !== undefined) return entry.scopes;
  if (state !== 'Current') return null;
  // older operations name only the classic scope, in `security`
  const oauth = (operation.security ?? []).find((e) => e.OAuth2 !== undefined);
  return oauth === undefined ? null : oauth.OAuth2;
}

const operations = OPERATIONS.map(([method, route]) => {
  const operation = full.paths[route]?.[method];
  if (operation === undefined) throw new Error(`${method.toUpperCase()} ${route} is not in the document`);
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const responses = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const schema = response.content?.['application/json']?.schema;
    responses[status] = schema === undefined ? null : condense(schema, 0);
  }
  return {
    method: method.toUpperCase(),
    path: route,
    operationId: operation.operationId,
    deprecated: operation.deprecated === true,
    scopes: { classic: scopesOf(operation, 'Current'), granular: scopesOf(operation, 'Beta') },
    query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true })),
    requestBody: body === undefined ? null : condense(body, 0),
    responses,
  };
});

const facts = {
  source: {
    description: "Facts condensed from Atlassian's OpenAPI document of the Jira Cloud platform REST API (developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json) as mirrored in a public repository; the document itself is not kept here.",
    documentVersion: full.info.version,
    repository,
    path: sourcePath,
    commit,
    committedOn,
    condensedBy: 'scripts/openapi-facts.mjs',
  },
  operations,
};
const out = path.resolve(import.meta.dirname, '../sandbox/jira/openapi/jira-platform-operations.json');
writeFileSync(out, `${JSON.stringify(facts, null, 1)}\n`);
console.log(`${operations.length} operations → ${path.relative(process.cwd(), out)}`);
