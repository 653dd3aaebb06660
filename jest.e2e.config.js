/* global module */
// The end-to-end suite: the built pages (dist/) in Debian's chromium through playwright-core.
// Not part of `npm test`; run `npm run test:e2e` (needs /usr/bin/chromium or CHROMIUM=...).
// globalSetup builds dist/ with webpack first; the tests run one at a time.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  // *.e2e.ts, not *.test.ts: jest.config.js (npm test) matches every *.test.ts under test/.
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  maxWorkers: 1,
  testTimeout: 180000,
  slowTestThreshold: 60,
};
