/** Jest: unit, property, adapter and manifest-contract tests (TypeScript via ts-jest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // FormatJS (intl-messageformat and its @formatjs parts) ships ES modules only; Jest runs CommonJS.
    '^.+/node_modules/(intl-messageformat|@formatjs/[^/]+)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs/))'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
