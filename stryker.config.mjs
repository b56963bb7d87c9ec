// Mutation testing (`npm run mutate`, not part of `npm test` or CI): mutates every authorization
// check in src/app and src/entry — who may call which resolver, and which data a caller may see —
// and runs the tests that exercise them (the authorization matrix, the access checks, the portal,
// triage and compliance views' tests), so that removing or weakening any check must fail a test.
// See ADRs 0029 and 0030.
//
// The checks are found in the code, not listed as line numbers: whole access-check files, whole
// named functions, and spans from one line pattern to another inside a named function. Each helper
// throws when it finds nothing, so a refactor that moves or renames a check stops the run with the
// name of what is missing instead of silently mutating other lines. test/app/mutation-targets.test.ts
// (in `npm test`) checks that the list resolves and that every line deciding who may do or see what
// in src/app and src/entry lies inside it.
import { readFileSync } from 'node:fs';

const sourceCache = new Map();
function sourceLines(file) {
  if (!sourceCache.has(file)) sourceCache.set(file, readFileSync(new URL(file, import.meta.url), 'utf8').split('\n'));
  return sourceCache.get(file);
}

/** The lines (1-based, inclusive) of the top-level function `name`: its signature to its closing `}` at column 0. */
function functionLines(file, name) {
  const lines = sourceLines(file);
  const signature = new RegExp(`^(export )?(async )?function ${name}\\b`);
  const start = lines.findIndex((line) => signature.test(line));
  if (start < 0) throw new Error(`stryker.config.mjs: no top-level function ${name} in ${file}`);
  const end = lines.findIndex((line, i) => i > start && line === '}');
  if (end < 0) throw new Error(`stryker.config.mjs: function ${name} in ${file} has no closing brace at column 0`);
  return { start: start + 1, end: end + 1 };
}

/** A whole top-level function of `file`, as Stryker's `file:from-to`. */
export function fn(file, name) {
  const { start, end } = functionLines(file, name);
  return `${file}:${start}-${end}`;
}

/** Inside function `name` of `file`: from the first line matching `from` to the first line at or after it matching `to`. */
export function span(file, name, from, to = from) {
  const lines = sourceLines(file);
  const within = functionLines(file, name);
  let first = -1;
  for (let n = within.start; n <= within.end && first < 0; n += 1) if (from.test(lines[n - 1])) first = n;
  if (first < 0) throw new Error(`stryker.config.mjs: ${from} not found in function ${name} of ${file}`);
  let last = -1;
  for (let n = first; n <= within.end && last < 0; n += 1) if (to.test(lines[n - 1])) last = n;
  if (last < 0) throw new Error(`stryker.config.mjs: ${to} not found after ${from} in function ${name} of ${file}`);
  return `${file}:${first}-${last}`;
}

/** Every line of `file` matching `pattern`, one range each; at least `expected` of them. */
export function each(file, pattern, expected) {
  const ranges = sourceLines(file).flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}-${i + 1}`] : []));
  if (ranges.length !== expected) throw new Error(`stryker.config.mjs: ${pattern} matches ${ranges.length} lines of ${file}, expected ${expected}`);
  return ranges;
}

/** The authorization checks of src/app and src/entry (ADR 0030 lists what each is). */
export const AUTHORIZATION_CHECKS = [
  // Managers' views: Jira admins and service project agents; missed requests only of browsable projects.
  'src/app/compliance-access.ts',
  ...each('src/app/gadget-service.ts', /checkComplianceAccess\(deps|return fail\('forbidden', COMPLIANCE_FORBIDDEN\)/, 4),
  ...each('src/app/review-report-service.ts', /checkComplianceAccess\(deps|return fail\('forbidden', COMPLIANCE_FORBIDDEN\)/, 6),
  fn('src/app/compliance-records.ts', 'visible'),
  ...each('src/app/compliance-records.ts', /!visible\(digest, scope\)/, 3),
  // The agents' panel: Browse Projects and (Service Desk Agent or Administer), Edit Issues / Add Comments per action.
  fn('src/app/panel-service.ts', 'permissionsOf'),
  fn('src/app/panel-service.ts', 'panelRefusal'),
  span('src/app/panel-service.ts', 'loadPanelView', /const asUser = deps\.jiraAsUser/, /if \(refusal !== null\) return fail\('forbidden'/),
  span('src/app/panel-service.ts', 'prepareAction', /const can = await permissionsOf/, /if \(payload\.issueKey !== caller\.issueKey\)/),
  // Triage: agents of the project and Jira admins; rows only for issues Jira lets the caller browse.
  span('src/app/triage-service.ts', 'loadTriageView', /const asUser = deps\.jiraAsUser/, /return fail\('forbidden', TRIAGE_FORBIDDEN\)/),
  span('src/app/triage-service.ts', 'loadTriageView', /const listed = /, /rows\.push\(/),
  // The customer portal: who the caller is, which requests and contracts they see, prices only where allowed.
  'src/app/portal-access.ts',
  span('src/app/portal-service.ts', 'loadPortalRequestView', /checkRequestAccess\(deps/, /if \(!access\.visible\) return fail\('forbidden'/),
  span('src/app/portal-service.ts', 'loadPortalRequestView', /const mine = access\.callerOrganizations/, /c\.customer\.organizationIds\.some/),
  span('src/app/portal-service.ts', 'loadMyContractView', /organizationsOfCaller\(deps, caller\)/, /contractsOfOrganizations\(database, ids\)/),
  fn('src/app/portal-contract-view.ts', 'contractsOfOrganizations'),
  ...each('src/app/portal-contract-view.ts', /const showPrices = /, 1),
  // Jira's 401 for acting as a customer (Forge gives them no asUser()): no permission, never an error to pass on.
  fn('src/app/jira-ports.ts', 'isActingAsUserRefused'),
  // Resolvers: a Forge context and a logged-in account before anything runs, own function keys only.
  fn('src/entry/resolver-kit.ts', 'ownKeysOnly'),
  span('src/entry/resolver-kit.ts', 'runResolver', /resolverContextSchema\.safeParse/, /if \(accountId === undefined\) return fail\('forbidden'/),
  // The admin pages (overview and Configure forms, one resolver): Jira administrators only.
  fn('src/entry/admin-resolver.ts', 'asAdmin'),
  // The issue, request and project come from the Forge context, never the payload.
  fn('src/entry/panel-resolver.ts', 'callerOf'),
  fn('src/entry/panel-resolver.ts', 'forIssue'),
  fn('src/entry/portal-resolver.ts', 'forCustomer'),
  span('src/entry/portal-resolver.ts', 'createPortalResolver', /const request = call\.context\.extension\.request/, /outside a request/),
  span('src/entry/triage-resolver.ts', 'createTriageResolver', /const project = call\.context\.extension\.project/, /return loadTriageView/),
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  // No TypeScript checker: every mutant runs through the tests, also one the compiler would reject
  // (removing `if (issue === undefined) return null` is a type error, but a `!` would make it
  // compile) — the evidence is the tests', not the type system's (ADR 0030).
  coverageAnalysis: 'perTest',
  mutate: AUTHORIZATION_CHECKS,
  // The machine is shared (2 cores): two test runners.
  concurrency: 2,
  // Messages are not checks: a changed refusal text is not a weaker authorization.
  mutator: { excludedMutations: ['StringLiteral'] },
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Re-runs only the mutants whose code or covering tests changed since the last run (its results in
  // reports/stryker-incremental.json); `npm run mutate -- --force` runs every mutant again.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
