import { defineConfig } from '@playwright/test';

/*
 * The edge in front of two instances (tests/edge/stack.ts starts Varnish, the
 * instances, Redis and a WebSub hub fixture itself, from the scale build made by
 * scripts/build-test-sites.ts). HTTP only: what a reader's browser is sent.
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
