import { defineConfig } from '@playwright/test';
import { ADMIN_STATE, E2E_ADMIN } from './fixtures/users';

export const BACKEND_PORT = Number(process.env.E2E_PORT ?? 3310);
export const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? 3311);
export const MOODLE_PORT = Number(process.env.E2E_MOODLE_PORT ?? 3312);
export const CRM_PORT = Number(process.env.E2E_CRM_PORT ?? 3313);

/** The real built app (API + UI on one port) with the stand-in gateway, on a fresh SQLite file per run. */
export default defineConfig({
  testDir: './tests',
  // Every spec starts signed in as the e2e admin; a spec that needs another user clears storageState.
  globalSetup: './fixtures/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'playwright-report/report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${BACKEND_PORT}`,
    trace: 'on-first-retry',
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    storageState: ADMIN_STATE,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node fixtures/serve-fresh.mjs',
    url: `http://127.0.0.1:${BACKEND_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(BACKEND_PORT),
      STAND_IN_GOLESTAN_PORT: String(GATEWAY_PORT),
      STAND_IN_MOODLE_PORT: String(MOODLE_PORT),
      STAND_IN_CRM_PORT: String(CRM_PORT),
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
