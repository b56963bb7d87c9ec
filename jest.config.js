/** Jest: unit, property, adapter and manifest-contract tests (TypeScript via ts-jest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // FormatJS (intl-messageformat and its @formatjs parts) and `cookie` 2 (used by Fastify's
    // light-my-request and @fastify/cookie) ship ES modules only; Jest runs CommonJS. `cookie` 2 may
    // sit at the top of node_modules or under its user (light-my-request/node_modules/cookie).
    '^.+/node_modules/(intl-messageformat|@formatjs/[^/]+|cookie)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs/|cookie/|(@[^/]+/)?[^/]+/node_modules/cookie/))'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
