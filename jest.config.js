/** Two projects: pure code runs in node, pane components in jsdom. */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
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
  ],
};
