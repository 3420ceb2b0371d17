import { defineConfig, devices } from '@playwright/test';
import { SITE_BUILD, SITE_PORT } from './tests/helpers/builds.ts';
import { suiteConfig } from './tests/helpers/playwright-suite.ts';

/*
 * End-to-end tests against the `site` build (the sample with the hostile documents merged in,
 * tests/helpers/builds.ts), built once by scripts/build-test-sites.ts and started here with
 * `next start`. Debian's Chromium: Playwright's own download is unreachable.
 */
const suite = suiteConfig(30_000);

export default defineConfig({
  ...suite,
  testDir: 'tests/e2e',
  use: {
    ...devices['Desktop Chrome'],
    ...suite.use,
    baseURL: `http://localhost:${SITE_PORT}`,
    trace: 'off',
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${SITE_PORT}`,
    env: { ...SITE_BUILD.env, NEXT_DIST_DIR: SITE_BUILD.distDir, NEXT_TELEMETRY_DISABLED: '1' },
    url: `http://localhost:${SITE_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
