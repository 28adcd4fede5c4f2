const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Two projects: unit specs next to their files, integration specs (real database, real processes) under test/.
 * With TEST_POSTGRES_URL the integration specs run on PostgreSQL (test/integration/helpers/test-database.ts), except
 * the files postgres-pending.json lists with why; without it, on SQLite, except test/integration/postgres/.
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }] },
};
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const onPostgres = Boolean(process.env.TEST_POSTGRES_URL?.trim());
const pending = Object.keys(JSON.parse(readFileSync(join(__dirname, 'test/integration/postgres-pending.json'), 'utf8')));
const integrationIgnored = onPostgres ? pending.map((file) => `<rootDir>/${escape(file)}$`) : ['<rootDir>/test/integration/postgres/'];

module.exports = {
  // A global option in jest 30 (ignored inside a project): integration tests fork real processes.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...integrationIgnored],
    },
  ],
};
