import { defineConfig } from '@playwright/test';

/*
 * Fault tests: each spec builds its own site (short revalidate, a content source it
 * can break) and starts it itself, so no web server here. HTTP only, no browser.
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
});
