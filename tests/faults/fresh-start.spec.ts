import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeFileAtomic } from '../../lib/dataset/write.ts';
import { prepareSiteDataset, SITE_BUILD } from '../helpers/builds.ts';
import { fetchPage } from '../helpers/page.ts';
import { copyBuild, ROOT, startSite, type RunningSite } from '../helpers/site.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { LAKE, LAKE_TITLE, SECRET } from './embedded-site.ts';

/*
 * A deploy, then a publish, then a broken source: a server started from a fresh build has
 * served nothing yet, so its memory holds no last good result. The webhook expires the
 * prerendered pages (expire: 0, nothing stale left to serve) and the dataset is garbled before
 * any reader comes: the pages must still render, from what the build itself read.
 */
const PORT = 3124;
const DATASET = path.join(ROOT, '.tmp/faults/fresh-start-dataset');
const file = path.join(DATASET, 'data.ndjson');

let site: RunningSite;
let good = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  prepareSiteDataset(DATASET);
  good = readFileSync(file, 'utf8');
  site = await startSite({
    // A copy of the e2e build as `next build` left it: what this server renders stays out of the e2e cache.
    distDir: copyBuild(SITE_BUILD.distDir, 'test-site-fresh-start'),
    port: PORT,
    env: { ...SITE_BUILD.env, SITE_URL: `http://localhost:${PORT}`, CONTENT_DATASET: DATASET },
  });
});

test.afterAll(async () => {
  if (good) writeFileSync(file, good);
  await site?.stop();
});

test('fresh build, start, webhook, garbled dataset: the touched pages answer 200 with the last good text', async () => {
  await publishWebhook(site.url, SECRET, LAKE);
  writeFileAtomic(file, '{"_id": "article-lake-sor\u0000\u0001 half a line from a broken copy\n<<<>>>\n');
  // The outage is real: the health check says so.
  expect((await fetch(`${site.url}/api/health`)).status).toBe(503);

  // The article, and pages that list it (home and its tag), each read more than once: the first
  // read renders in the foreground, the later ones must not have cached an error either.
  const pages = [`/articles/${LAKE.slug.current}`, '/', '/tags/climate'];
  const answers: string[] = [];
  for (const page of pages) {
    for (let read = 1; read <= 2; read += 1) {
      const response = await fetch(`${site.url}${page}`, { signal: AbortSignal.timeout(30_000) });
      const html = await response.text();
      answers.push(`${page} ${response.status} ${html.includes(LAKE_TITLE) ? 'shows the article' : 'without the article'}`);
    }
  }
  expect(answers).toEqual(pages.flatMap((page) => [`${page} 200 shows the article`, `${page} 200 shows the article`]));
  expect((await fetchPage(`${site.url}/articles/${LAKE.slug.current}`)).headline).toBe(LAKE_TITLE);

  // The source back: the next publish renders from it again.
  writeFileAtomic(file, good);
  await publishWebhook(site.url, SECRET, LAKE);
  expect((await fetch(`${site.url}/api/health`)).status).toBe(200);
});
