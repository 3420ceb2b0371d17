import { expect, test } from '@playwright/test';
import { startSanityApiFixture, type SanityApiFixture } from '../fixtures/sanity-api/server.ts';
import { SANITY_BUILD, sampleDocuments } from '../helpers/builds.ts';
import { copyBuild, startSite, type RunningSite } from '../helpers/site.ts';
import { fetchPage, pageShows } from '../helpers/page.ts';
import { readsUntilStale } from './page.ts';

/*
 * The site on Sanity: the `sanity` build (tests/helpers/builds.ts, content revalidated every
 * 3 s), its Content Lake a fixture standing in for api.sanity.io. When the API answers 500 or
 * never answers, readers keep the last good pages past the revalidate interval; once it
 * answers again, the site shows the change made meanwhile without a webhook.
 */
const PORT = 3122;
const SLUG = 'lake-sorrel-water-levels-reach-40-year-low';
const ID = `article-${SLUG}`;
const TITLE = 'Lake Sorrel Water Levels Reach 40-Year Low';

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

/** The article's query reached the Content Lake since `since` requests had been recorded. */
const askedSince = (since: number) =>
  lake.requests.slice(since).some((request) => request.endpoint === 'query' && JSON.stringify([request.search.get('$slug'), request.body]).includes(SLUG));

/** Reads across regeneration attempts that reached the broken API: every one the last good page, from the cache. */
async function expectLastGood(title: string) {
  const since = lake.requests.length;
  const answers = await readsUntilStale(article(), { alsoUntil: () => askedSince(since) });
  expect(
    answers.map((answer) => `${answer.status} ${answer.headline}`),
    'a reader still gets the page',
  ).toEqual(answers.map(() => `200 ${title}`));
  // Served from the cache, not held up by the failing API.
  expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(3000);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lake = await startSanityApiFixture({ documents: sampleDocuments(), dataset: 'production' });
  // A copy of the build: what this suite regenerates must not be the next run's starting pages.
  const distDir = copyBuild(SANITY_BUILD.distDir, 'test-sanity-faults');
  site = await startSite({ distDir, port: PORT, env: { ...SANITY_BUILD.env, SANITY_API_HOST: lake.url } });
});

test.afterAll(async () => {
  await site?.stop();
  await lake?.close();
});

test('the Content Lake answering 500 keeps the last good pages, and the site recovers by itself', async () => {
  expect((await fetchPage(article())).headline).toBe(TITLE);
  lake.mode = 'error';
  expect((await fetch(`${site.url}/api/health`)).status).toBe(503);
  await publishHeadline('Lake Sorrel Update Written During the Outage');
  await expectLastGood(TITLE);

  lake.mode = 'ok';
  await pageShows(article(), { status: 200, headline: 'Lake Sorrel Update Written During the Outage' });
});

test('a Content Lake that never answers keeps the last good pages, and the site recovers by itself', async () => {
  lake.mode = 'hang';
  await publishHeadline('Lake Sorrel Update Written While the API Hung');
  await expectLastGood('Lake Sorrel Update Written During the Outage');

  lake.mode = 'ok';
  // A regeneration stuck on a hung query gives up after the source's 10 s timeout.
  await pageShows(article(), { status: 200, headline: 'Lake Sorrel Update Written While the API Hung' }, 60_000);
});
