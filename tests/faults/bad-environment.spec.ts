import { expect, test } from '@playwright/test';
import { SITE_BUILD } from '../helpers/builds.ts';
import { startSite } from '../helpers/site.ts';

/*
 * A bad environment stops the server: `next start` on the e2e site's build (nothing rendered, so
 * no copy of its own), with one bad variable each, exits non-zero with a message naming it,
 * instead of listening while every request fails (which a process manager would take for "up").
 * startSite fails, with the server's last lines, when the server exits before it answers.
 */
const BAD = [
  ['PREVIEW_SECRET', 'short'],
  ['SANITY_REVALIDATE_SECRET', 'short'],
  ['SITE_URL', 'notaurl'],
  ['CONTENT_LAKE_PORT', '0'],
] as const;

// The build's own SITE_URL names the e2e port; startSite gives each server its own.
const buildEnv = Object.fromEntries(Object.entries(SITE_BUILD.env).filter(([key]) => key !== 'SITE_URL'));

for (const [name, value] of BAD) {
  test(`next start with ${name}=${value} exits non-zero, naming the variable`, async () => {
    const outcome = await startSite({ distDir: SITE_BUILD.distDir, env: { ...buildEnv, [name]: value } }).then(
      async (site) => {
        await site.stop();
        return 'the server kept running and answered requests';
      },
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/^next start on \S+ exited \([1-9]\d*\)/);
    expect(outcome).toContain(`Invalid environment: ${name}: `);
  });
}
