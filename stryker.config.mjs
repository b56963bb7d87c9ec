// Mutation testing (`npm run mutate`, not part of `npm test` or CI): mutates the authorization checks
// — who may call which resolver — and runs the tests that exercise them (the authorization matrix and
// the resolver tests), so that removing or weakening any check must fail a test. See ADR 0029.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // The access checks: compliance views, the panel's permission gate, the admin guard, the kit's login and key guards.
  mutate: [
    'src/app/compliance-access.ts',
    'src/app/panel-service.ts:50-88',
    'src/app/panel-service.ts:180-187',
    'src/entry/admin-resolver.ts:27-35',
    'src/entry/resolver-kit.ts:75-80',
    'src/entry/resolver-kit.ts:93-97',
    'src/entry/panel-resolver.ts:21-33',
  ],
  concurrency: 4,
  // Messages are not checks: a changed refusal text is not a weaker authorization.
  mutator: { excludedMutations: ['StringLiteral'] },
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
