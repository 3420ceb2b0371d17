import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeFileAtomic } from '../../lib/dataset/write.ts';
import { editDocument } from '../helpers/dataset.ts';
import type { RunningSite } from '../helpers/site.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { FAULTS_DATASET as folder, LAKE, LAKE_TITLE as TITLE, SECRET, startFaultSite } from './embedded-site.ts';
import { fetchPage, pageShows } from '../helpers/page.ts';
import { readsUntilStale } from './page.ts';

/*
 * The embedded dataset goes missing or gets garbled under a running site: readers keep
 * getting the last good pages (200, same headline) past the revalidate interval, no
 * error page is cached, and the site picks up the fixed file by itself. Right after a
 * webhook (expire: 0) the data layer's last good result still answers.
 */
const PORT = 3121;
const file = path.join(folder, 'data.ndjson');

let site: RunningSite;
let good = '';
const article = () => `${site.url}/articles/${LAKE.slug.current}`;

/** The good dataset with the article's headline changed, written with the importer's atomic upsert. */
function publishHeadline(title: string) {
  writeFileAtomic(file, good);
  editDocument(folder, LAKE._id, { title });
}

/** Reads across several regeneration attempts on the broken source: every one the last good page. */
async function expectLastGood(title: string) {
  const answers = await readsUntilStale(article());
  expect(
    answers.map((answer) => `${answer.status} ${answer.headline}`),
    'a reader still gets the page',
  ).toEqual(answers.map(() => `200 ${title}`));
  const home = await fetch(`${site.url}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain(title);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = await startFaultSite(PORT);
  good = readFileSync(file, 'utf8');
});

test.afterAll(async () => {
  if (good) writeFileSync(file, good);
  await site?.stop();
});

test('a missing dataset file keeps the last good pages, and the site recovers by itself', async () => {
  expect((await fetchPage(article())).headline).toBe(TITLE);
  rmSync(file);
  // The outage is real: the health check says so.
  expect((await fetch(`${site.url}/api/health`)).status).toBe(503);
  await expectLastGood(TITLE);

  publishHeadline('Lake Sorrel Rises Again After the Outage');
  await pageShows(article(), { status: 200, headline: 'Lake Sorrel Rises Again After the Outage' });
  expect((await fetch(`${site.url}/api/health`)).status).toBe(200);
});

test('a garbled or emptied dataset file never turns pages into cached 404s', async () => {
  publishHeadline(TITLE);
  await pageShows(article(), { status: 200, headline: TITLE });

  writeFileSync(file, '{"_id": "article-lake-sor\u0000\u0001 garbage from a half-copied disk\n<<<>>>\n');
  await expectLastGood(TITLE);
  writeFileSync(file, '');
  await expectLastGood(TITLE);

  publishHeadline('Lake Sorrel Readings Are Back');
  await pageShows(article(), { status: 200, headline: 'Lake Sorrel Readings Are Back' });
});

test('right after a webhook while the source is down, readers still get the last good page, and the fix shows next', async () => {
  publishHeadline(TITLE);
  await pageShows(article(), { status: 200, headline: TITLE });

  rmSync(file);
  await publishWebhook(site.url, SECRET, LAKE);
  // expire: 0 leaves no stale page: the data layer's last good result renders it again.
  const during = await fetchPage(article());
  expect(during.status).toBe(200);
  expect(during.headline).toBe(TITLE);

  publishHeadline('Lake Sorrel Page Regenerated After the Outage');
  await pageShows(article(), { status: 200, headline: 'Lake Sorrel Page Regenerated After the Outage' });
});

test('a page not cached yet while the dataset is missing tells the reader to reload, and loads once it is back', async ({ page }) => {
  publishHeadline(TITLE);
  await pageShows(article(), { status: 200, headline: TITLE });

  rmSync(file);
  // A search no suite makes before (last good results now outlive the process, so the e2e suite's
  // 'Lake Sorrel' on the same build is remembered): no cached page and no last good result, so the
  // render fails on the server.
  const response = await page.goto(`${site.url}/search?q=${encodeURIComponent('Sorrel Water Levels')}`);
  expect(response?.status()).toBe(500);
  // Next's built-in global error (docs/decisions/0009): a message and a reload, no stack trace.
  await expect(page.getByRole('heading', { name: 'This page couldn’t load' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/\bat \S+ \(|ENOENT|data\.ndjson/u);

  writeFileAtomic(file, good);
  await page.reload();
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
});
