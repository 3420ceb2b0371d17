import path from 'node:path';
import { defineConfig } from '@playwright/test';

/*
 * Two `next start` instances of one build (.next-scale) sharing one Redis and
 * one dataset copy, as behind the proxy of deploy/nginx.conf. Run by
 * scripts/scale-test.sh, which builds, starts Redis and sets the environment;
 * separate from the main Playwright projects (own ports, own dist folder).
 * HTTP requests only: no browser.
 */
export const INSTANCE_PORTS = [3201, 3202] as const;

function instance(port: number) {
  return {
    command: `node_modules/.bin/next start -p ${port}`,
    cwd: path.resolve(import.meta.dirname, '../..'),
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  webServer: INSTANCE_PORTS.map(instance),
});
