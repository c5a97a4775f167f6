/** Jest: TypeScript through SWC (no type-checking here; `npm run typecheck` does that). */

// Tests run in UTC, as every entry point does (server/runtime/utc.ts: the Zoho SDK needs it). Set here,
// before the workers start, so they inherit it; the e2e and fault configs load this file too.
process.env.TZ = 'UTC';
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic', importSource: 'preact' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  // Many tests sync against the emulator over real HTTP; a slow or shared CI machine can take several
  // seconds for what runs in one here, so the 5 s default would fail on load, not on behaviour.
  testTimeout: 30_000,
  // Preact 11 ships ES modules only: let SWC turn them into CommonJS for Jest.
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!preact/)'],
  testMatch: ['<rootDir>/{shared,server,widget,test}/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/faults/'],
  // STYLE: a coverage floor on shared/ only; `npm run test:unit` runs with --coverage so it holds.
  coverageThreshold: { './shared/': { lines: 90, branches: 80 } },
  collectCoverageFrom: ['shared/**/*.ts', '!shared/**/*.test.ts', '!shared/testing/**'],
  coverageReporters: ['text-summary'],
};
