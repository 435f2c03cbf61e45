import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './tests/e2e/chromium';

/**
 * End-to-end tests drive the real app in browser mode (`rebound serve`: the real services in
 * Node, the built renderer) in Debian's Chromium, since the Electron binary cannot be
 * downloaded everywhere. Run `npm run build` first (npm test does).
 */
// The `rebound` processes the tests start speak English unless a test says --lang (tests/support/locale.ts).
process.env.LC_ALL = 'C';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
