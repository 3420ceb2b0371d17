import { defineConfig, devices } from '@playwright/test';

/*
 * End-to-end tests against built sites (`next build` by scripts/e2e-build.sh, then
 * `next start` here). Debian's Chromium: Playwright's own download is unreachable.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function server(site: 'sample' | 'hostile', port: number) {
  return {
    command: `bash -c 'source scripts/e2e-env.sh && e2e_env ${site} && exec node_modules/.bin/next start -p ${port}'`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: chromium, args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    // Playwright matches these against absolute paths.
    { name: 'sample', testMatch: /\.spec\.ts$/, testIgnore: /\/hostile[^/]*\.spec\.ts$/, use: { baseURL: 'http://localhost:3101' } },
    { name: 'hostile', testMatch: /\/hostile[^/]*\.spec\.ts$/, use: { baseURL: 'http://localhost:3102' } },
  ],
  webServer: [server('sample', 3101), server('hostile', 3102)],
});
