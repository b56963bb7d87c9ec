/**
 * Jest for `npm run mutate` (stryker.config.mjs): the tests written to check who may call what and
 * who may see which data — the authorization matrix (every resolver key × every kind of caller), the
 * access checks under permission schemes, the portal's and triage's access tests and the portal's
 * contract view (which contracts and prices a customer sees). TypeScript is
 * transpiled per file without type diagnostics (`isolatedModules`, `diagnostics: false`): every
 * mutant runs through the tests, also one the compiler would reject (there is no TypeScript checker
 * in the run, ADR 0030). `npm test` (jest.config.js) keeps full type checking.
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
    '**/test/app/portal-contract-view.test.ts',
  ],
};
