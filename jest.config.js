/** Three projects: pure code runs in node, pane components in jsdom, the built pane in Chromium (e2e). */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  // Workbook tests render and read whole workbooks; on a busy 2-core machine 5 s is too tight.
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/bench/'],
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
    },
    {
      // The built pane (dist/) in Debian's Chromium with the recording Excel double; see test/e2e/.
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/timeout.ts'],
    },
  ],
};
