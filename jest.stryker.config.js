/**
 * Jest for `npm run mutate` (stryker.config.mjs): the tests written to check who may call what and
 * who may see which data — the authorization matrix, the access checks, the portal's, triage's and
 * the compliance views' tests. TypeScript is transpiled per file without type diagnostics
 * (`isolatedModules`): Stryker's TypeScript checker has already dropped every mutant that does not
 * compile, and ts-jest's own type check would otherwise reject the rest at run time (Stryker's
 * instrumented code does not type-check), leaving them untested. `npm test` (jest.config.js) keeps
 * full type checking.
 */
const base = require('./jest.config.js');

const [tsPattern] = Object.keys(base.transform).filter((pattern) => pattern.includes('tsx?'));
if (tsPattern === undefined) throw new Error('jest.stryker.config.js: jest.config.js has no TypeScript transform');

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    [tsPattern]: ['ts-jest', { tsconfig: { ...require('./tsconfig.json').compilerOptions, isolatedModules: true }, diagnostics: false }],
  },
  testMatch: [
    '**/test/app/resolver-authorization.test.ts',
    '**/test/app/access-checks.test.ts',
    '**/test/app/portal-access.test.ts',
    '**/test/app/triage-view.test.ts',
    '**/test/app/compliance-views.test.ts',
  ],
};
