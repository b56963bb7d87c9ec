/** Jest for `npm run mutate` (stryker.config.mjs): the tests written to check who may call what (the matrix and the access checks). */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/test/app/resolver-authorization.test.ts', '**/test/app/access-checks.test.ts'],
};
