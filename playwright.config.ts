import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  E2E_AUTH_SECRET,
  E2E_BASE_URL,
  E2E_CRON_SECRET,
  E2E_PG_PORT,
  E2E_PORT,
  E2E_VAPID_PRIVATE_KEY,
  E2E_VAPID_PUBLIC_KEY,
} from './e2e/fixtures/env';

// Playwright cannot download browsers here: use the system Chromium (Debian's package).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    {
      name: 'desktop',
      // The served page's weight does not depend on the browser: measured once, as the phone.
      // `*.phone.spec.ts` are about the phone alone (its menu, its width, its touch targets).
      testIgnore: [/page-weight\.spec\.ts/, /\.phone\.spec\.ts$/],
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    {
      name: 'phone',
      // Status codes do not depend on the screen: every page is requested once, as the desktop.
      // `*.desktop.spec.ts` are about the desktop alone.
      testIgnore: [/every-page\.spec\.ts/, /\.desktop\.spec\.ts$/],
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
  ],
  webServer: {
    command: 'npm run build && node --import tsx server/launch/main.ts start --fresh',
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 420_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      APP_URL: E2E_BASE_URL,
      EMBEDDED_PG_DIR: '.data/e2e-postgres',
      EMBEDDED_PG_PORT: String(E2E_PG_PORT),
      DEV_MAILBOX: 'on',
      AUTH_SECRET: E2E_AUTH_SECRET,
      CRON_SECRET: E2E_CRON_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      // Pushes go to a receiver each spec starts on this machine (e2e/push-notifications.spec.ts).
      VAPID_PUBLIC_KEY: E2E_VAPID_PUBLIC_KEY,
      VAPID_PRIVATE_KEY: E2E_VAPID_PRIVATE_KEY,
      VAPID_SUBJECT: 'mailto:e2e@countersign.test',
      PUSH_ALLOW_LOCAL_ENDPOINTS: 'true',
      // A production build, but staff sign in without a code as every journey does; e2e/second-factor.spec.ts covers it.
      STAFF_SECOND_FACTOR: 'setting',
    },
  },
});
