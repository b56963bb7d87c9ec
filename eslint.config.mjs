// ESLint flat config: typescript-eslint strictTypeChecked everywhere, plus the architecture rules
// that keep src/domain pure (no Forge, no adapters, no entry code, no I/O) and src/app on its ports
// (no Forge, no concrete adapter: the Jira client and the KVS implementations are wired in src/entry
// and the sandbox).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '**/dist/**', 'coverage/**', '.sandbox-data/**', 'test-results/**', 'reports/**', '.stryker-tmp/**', 'stryker.config.mjs', '*.js', '*.cjs', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'src/domain is pure: no Forge imports.' },
            { group: ['**/adapters/**', '**/adapters', '**/entry/**', '**/entry', '**/sandbox/**'], message: 'src/domain may not depend on adapters, entry code or the sandbox.' },
            { group: ['fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'child_process', 'worker_threads'], message: 'src/domain does no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'src/domain does no I/O.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain takes "now" as a parameter.' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'src/domain takes "now" as a parameter.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'src/app runs under Forge and in the sandbox: no Forge imports (take a port in AppDeps).' },
            {
              group: ['**/adapters/jira/**', '**/adapters/jira', '**/adapters/storage/forge-kvs-store', '**/adapters/storage/sqlite-*', '**/adapters/storage/memory-kvs-store', 'better-sqlite3'],
              message: 'src/app uses the ports of src/app/jira-ports.ts and the storage port, never a concrete adapter.',
            },
            { group: ['**/entry/**', '**/entry', '**/sandbox/**'], message: 'src/app may not depend on entry code or the sandbox.' },
          ],
        },
      ],
    },
  },
  {
    // The message system is shared by the backend and every Custom UI bundle.
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*', 'react', 'react-dom', '**/static/**'], message: 'src/i18n is shared by the backend and the browser: no Forge, no React, no UI code.' },
            { group: ['**/adapters/**', '**/adapters', '**/entry/**', '**/entry', '**/app/**', '**/app', '**/sandbox/**'], message: 'src/i18n may not depend on adapters, use cases, entry code or the sandbox.' },
            { group: ['fs', 'fs/*', 'node:*', 'http', 'https', 'net', 'child_process', 'worker_threads'], message: 'src/i18n does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // Plain ES modules (build scripts): typed by JSDoc, linted without the type-aware rules.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
