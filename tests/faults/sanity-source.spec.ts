import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startSanityApiFixture, type FixtureDocument, type SanityApiFixture } from '../fixtures/sanity-api/server.ts';
import { buildSite, headline, REVALIDATE_SECONDS, ROOT, sleep, startSite, waitForHeadline, type RunningSite } from './site.ts';

/*
 * The site on Sanity (the Content Lake fixture standing in for api.sanity.io, started
 * before the build because the build prerenders through it). When the API answers 500
 * or never answers, readers keep the last good pages past the revalidate interval;
 * once it answers again, the site shows the change made meanwhile without a webhook.
 */
const DIST = '.next-faults-sanity';
const PORT = 3122;
const SLUG = 'lake-sorrel-water-levels-reach-40-year-low';
const ID = `article-${SLUG}`;
const TITLE = 'Lake Sorrel Water Levels Reach 40-Year Low';

const sample = readFileSync(path.join(ROOT, 'sanity/sample-dataset/data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureDocument);

let lake: SanityApiFixture;
let site: RunningSite;
const article = () => `${site.url}/articles/${SLUG}`;

/** An editor publishes in the Studio: a mutation through the Content Lake API. */
async function publishHeadline(title: string) {
  const mode = lake.mode;
  lake.mode = 'ok';
  const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/${lake.dataset}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations: [{ patch: { id: ID, set: { title } } }] }),
  });
  expect(response.status).toBe(200);
  lake.mode = mode;
}

async function expectLastGood(title: string) {
  await sleep((REVALIDATE_SECONDS + 1) * 1000);
  for (let i = 0; i < 4; i++) {
    const started = Date.now();
    const answer = await headline(article());
    expect(answer.status, 'a reader still gets the page').toBe(200);
    expect(answer.h1).toBe(title);
    // Served from the cache, not held up by the failing API.
    expect(Date.now() - started).toBeLessThan(3000);
    await sleep(700);
  }
}

test.beforeAll(async () => {
  test.setTimeout(900_000);
  lake = await startSanityApiFixture({ documents: sample, dataset: 'production' });
  const env = {
    NEXT_PUBLIC_SANITY_PROJECT_ID: lake.projectId,
    NEXT_PUBLIC_SANITY_DATASET: lake.dataset,
    SANITY_API_HOST: lake.url,
  };
  await buildSite('sanity', DIST, PORT, env);
  site = await startSite('sanity', DIST, PORT, env);
});

test.afterAll(async () => {
  await site?.stop();
  await lake?.close();
});

test('the Content Lake answering 500 keeps the last good pages, and the site recovers by itself', async () => {
  expect((await headline(article())).h1).toBe(TITLE);
  lake.mode = 'error';
  expect((await fetch(`${site.url}/api/health`)).status).toBe(503);
  await publishHeadline('Lake Sorrel Update Written During the Outage');
  await expectLastGood(TITLE);

  lake.mode = 'ok';
  await waitForHeadline(article(), 'Lake Sorrel Update Written During the Outage');
});

test('a Content Lake that never answers keeps the last good pages, and the site recovers by itself', async () => {
  lake.mode = 'hang';
  await publishHeadline('Lake Sorrel Update Written While the API Hung');
  await expectLastGood('Lake Sorrel Update Written During the Outage');

  lake.mode = 'ok';
  // A regeneration stuck on a hung query gives up after the source's 10 s timeout.
  await waitForHeadline(article(), 'Lake Sorrel Update Written While the API Hung', 60_000);
});
