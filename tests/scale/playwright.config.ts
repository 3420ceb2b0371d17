import { defineConfig } from '@playwright/test';

/*
 * Several instances, one cache: the spec starts its own Redis and two `next start` instances of
 * the `scale` build (tests/helpers/builds.ts) through the harness. HTTP requests only: no browser.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
});
