import { defineConfig } from '@playwright/test';
import { suiteConfig } from '../helpers/playwright-suite.ts';

/*
 * The real Sanity Studio (/studio of the `site` build, made by scripts/build-test-sites.ts) on the
 * local Content Lake (lake/): each spec file starts the lake process and `next start` itself
 * (tests/studio/fixture.ts), on a dataset copy of its own, and drives the Studio in Debian's
 * Chromium as an editor would; the reader's side is checked on the same site.
 * Run with `playwright test --config tests/studio/playwright.config.ts` (npm test does).
 */
const suite = suiteConfig(120_000);

export default defineConfig({
  ...suite,
  // Generous: the Studio is a large app, and this machine's two cores are shared with the other suites.
  expect: { timeout: 20_000 },
  // Its own: the other suites clear test-results/ when they start.
  outputDir: '../../.tmp/studio-results',
  use: {
    ...suite.use,
    // Wide enough for the Studio's panes side by side (list, document) without collapsing them.
    viewport: { width: 1400, height: 900 },
    actionTimeout: 30_000,
    // Date-time fields take and show local time: UTC, so a test's times read the same on any machine.
    timezoneId: 'UTC',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
