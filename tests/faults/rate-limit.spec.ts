import { expect, test } from '@playwright/test';
import type { RunningSite } from '../helpers/site.ts';
import { startFaultSite } from './embedded-site.ts';

/*
 * The e2e site's build, started with SEARCH_RATE_LIMIT=5 and TRUST_PROXY=1 (the budget is
 * read when the server starts, so no build of its own): a client hammering search is told to
 * wait, with Retry-After, while its pages and other clients' searches keep working.
 * X-Forwarded-For stands in for the address our proxy would append.
 */
const PORT = 3123;
const HAMMER = { 'x-forwarded-for': '203.0.113.9' };
let site: RunningSite;

test.use({ baseURL: `http://localhost:${PORT}` });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = await startFaultSite(PORT, { SEARCH_RATE_LIMIT: '5', SEARCH_RATE_WINDOW_SECONDS: '60', TRUST_PROXY: '1' });
});

test.afterAll(async () => {
  await site?.stop();
});

test('hammering search gets 429 with Retry-After, while pages stay 200 and other clients can still search', async ({ request }) => {
  const statuses: number[] = [];
  let refused;
  for (let i = 0; i < 20 && !refused; i++) {
    const response = await request.get(`/search?q=x${i}`, { headers: HAMMER });
    statuses.push(response.status());
    if (response.status() === 429) refused = response;
  }
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(refused, `statuses: ${statuses.join(',')}`).toBeDefined();
  const retryAfter = Number(refused!.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused!.headers()['cache-control']).toBe('no-store');
  expect(await refused!.text()).toContain('Too many searches');

  // The same client still reads the site: only search is budgeted.
  for (const path of ['/', '/articles/lake-sorrel-water-levels-reach-40-year-low', '/feed.xml']) {
    expect((await request.get(path, { headers: HAMMER })).status(), path).toBe(200);
  }
  // Another reader is not punished for it.
  expect((await request.get('/search?q=lake', { headers: { 'x-forwarded-for': '198.51.100.4' } })).status()).toBe(200);
  // Still refused a moment later: the budget refills at 5 a minute.
  expect((await request.get('/search?q=again', { headers: HAMMER })).status()).toBe(429);
});
