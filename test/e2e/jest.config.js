/** Browser tests (`npm run test:e2e`): headless Chromium against the preview; not part of `npm test`. */
const base = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
