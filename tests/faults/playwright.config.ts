import { defineConfig } from '@playwright/test';

/*
 * Fault tests: each spec builds its own site (short revalidate, a content source it
 * can break) and starts it itself, so no web server here. Mostly HTTP; Debian's Chromium for
 * what a reader sees in a browser when a page fails.
 * Run with `playwright test --config tests/faults/playwright.config.ts` (npm test does).
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] },
  },
});
