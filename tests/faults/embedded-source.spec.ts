import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { EMBEDDED_DATASET as folder, EMBEDDED_DIST as DIST, embeddedSiteEnv, prepareEmbeddedDataset } from './embedded-site.ts';
import { buildSite, FAULTS_SECRET, headline, REVALIDATE_SECONDS, sleep, startSite, waitForHeadline, type RunningSite } from './site.ts';

/*
 * The embedded dataset goes missing or gets garbled under a running site: readers keep
 * getting the last good pages (200, same headline) past the revalidate interval, no
 * error page is cached, and the site picks up the fixed file by itself. Right after a
 * webhook (expire: 0) there is no stale page to fall back on: that one request fails,
 * and is not cached.
 */
const PORT = 3121;
const file = path.join(folder, 'data.ndjson');
const ID = 'article-lake-sorrel-water-levels-reach-40-year-low';
const SLUG = 'lake-sorrel-water-levels-reach-40-year-low';
const TITLE = 'Lake Sorrel Water Levels Reach 40-Year Low';

let site: RunningSite;
let good = '';
const article = () => `${site.url}/articles/${SLUG}`;
const pastInterval = () => sleep((REVALIDATE_SECONDS + 1) * 1000);

/** The dataset with the article's headline changed, written atomically as the import CLI does. */
function publishHeadline(title: string) {
  const lines = good.split('\n').map((line) => (line.includes(`"_id":"${ID}"`) ? JSON.stringify({ ...JSON.parse(line), title }) : line));
  writeFileSync(`${file}.tmp`, lines.join('\n'));
  renameSync(`${file}.tmp`, file);
}

/** Several requests across a few regeneration attempts: every one the last good page. */
async function expectLastGood(title: string) {
  await pastInterval();
  for (let i = 0; i < 4; i++) {
    const answer = await headline(article());
    expect(answer.status, 'a reader still gets the page').toBe(200);
    expect(answer.h1).toBe(title);
    await sleep(700);
  }
  const home = await fetch(`${site.url}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain(title);
}

async function webhook(doc: Record<string, unknown>) {
  const body = JSON.stringify(doc);
  const response = await fetch(`${site.url}/api/revalidate`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'sanity-webhook-signature': await signWebhookBody(body, FAULTS_SECRET) },
  });
  expect(response.status).toBe(200);
}

test.beforeAll(async () => {
  test.setTimeout(900_000);
  prepareEmbeddedDataset();
  good = readFileSync(file, 'utf8');
  await buildSite('embedded', DIST, PORT, embeddedSiteEnv());
  site = await startSite('embedded', DIST, PORT, embeddedSiteEnv());
});

test.afterAll(async () => {
  await site?.stop();
  // Leave the dataset as it was built, for the rate-limit test that reuses this build.
  if (good) writeFileSync(file, good);
});

test('a missing dataset file keeps the last good pages, and the site recovers by itself', async () => {
  expect((await headline(article())).h1).toBe(TITLE);
  rmSync(file);
  // The outage is real: the health check says so.
  expect((await fetch(`${site.url}/api/health`)).status).toBe(503);
  await expectLastGood(TITLE);

  publishHeadline('Lake Sorrel Rises Again After the Outage');
  await waitForHeadline(article(), 'Lake Sorrel Rises Again After the Outage');
  expect((await fetch(`${site.url}/api/health`)).status).toBe(200);
});

test('a garbled or emptied dataset file never turns pages into cached 404s', async () => {
  publishHeadline(TITLE);
  await waitForHeadline(article(), TITLE);

  writeFileSync(file, '{"_id": "article-lake-sor\u0000\u0001 garbage from a half-copied disk\n<<<>>>\n');
  await expectLastGood(TITLE);
  writeFileSync(file, '');
  await expectLastGood(TITLE);

  publishHeadline('Lake Sorrel Readings Are Back');
  await waitForHeadline(article(), 'Lake Sorrel Readings Are Back');
});

test('right after a webhook while the source is down, that request fails uncached and the next good one regenerates', async () => {
  publishHeadline(TITLE);
  await waitForHeadline(article(), TITLE);

  rmSync(file);
  const doc = good.split('\n').map((line) => JSON.parse(line || 'null')).find((value) => value?._id === ID);
  await webhook(doc);
  // expire: 0 leaves no stale page to serve: this reader gets the error, and it is not stored.
  const during = await headline(article());
  expect(during.status).toBe(500);
  expect(during.h1).not.toBe(TITLE);

  publishHeadline('Lake Sorrel Page Regenerated After the Outage');
  const recovered = await headline(article());
  expect(recovered.status).toBe(200);
  expect(recovered.h1).toBe('Lake Sorrel Page Regenerated After the Outage');
});
