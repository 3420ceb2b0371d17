import type { PlaywrightTestConfig } from '@playwright/test';

/*
 * What every Playwright suite here shares (tests/e2e's config at the root, tests/faults, studio,
 * scale, edge) and how anything in the repository launches a browser (scripts/screenshots.ts):
 * one worker, in order (the suites share the machine's two cores and their sites' datasets), and
 * Debian's Chromium, since Playwright's own download is unreachable.
 */

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // No sandbox (root in a VM), no GPU, and nothing the browser would fetch for itself.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** A suite of the spec files beside its config, run one at a time. */
export function suiteConfig(timeoutMs: number): PlaywrightTestConfig {
  return {
    testDir: '.',
    testMatch: /.*\.spec\.ts$/,
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: timeoutMs,
    reporter: [['list']],
    use: { launchOptions: CHROMIUM_LAUNCH },
  };
}
