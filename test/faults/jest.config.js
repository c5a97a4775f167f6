/** The fault suite (`npm run test:faults`): ≥ 500 accounts against the local CRM; not part of `npm test`. */
const base = require('../../jest.config.js');

module.exports = {
  rootDir: '../..',
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testTimeout: 600_000,
  maxWorkers: 1,
};
