/** Jest for `npm run mutate` (stryker.config.mjs): the tests that check who may call what. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/test/app/resolver-authorization.test.ts', '**/test/app/access-checks.test.ts', '**/test/app/resolvers.test.ts', '**/test/app/compliance-views.test.ts'],
};
