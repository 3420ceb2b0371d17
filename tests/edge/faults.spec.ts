import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_SECRETS } from '../helpers/builds.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { fetchPage } from '../helpers/page.ts';
import { slugOf } from '../../lib/import/taxonomy.ts';
import { getDocument } from '../helpers/dataset.ts';
import { edgeStackForSuite } from './stack.ts';

/*
 * Faults a reader must not see: the content source garbled right after a webhook
 * expired (and purged) a page, on instances just started from the build and on ones
 * that had served it, and every instance gone.
 */

const stack = edgeStackForSuite();

/** Runs `during` with the dataset garbled (written whole, as a broken copy would land), then puts it back. */
async function whileGarbled(during: () => Promise<void>) {
  const file = path.join(stack().dataset, 'data.ndjson');
  const good = readFileSync(file, 'utf8');
  writeFileSync(`${file}.tmp`, '{"_id": "garbled\n\u0000\u0001 not json at all\n');
  renameSync(`${file}.tmp`, file);
  try {
    await during();
  } finally {
    writeFileSync(`${file}.tmp`, good);
    renameSync(`${file}.tmp`, file);
  }
}

test('started from the build, a webhook, then a garbled dataset before any reader: 200 with the last good text at the instances and the edge', async () => {
  // First in this file: the instances have served nothing yet and Redis is empty, so all they
  // have is what `next build` read (the build's own Redis is gone, its copy on disk is not).
  const doc = getDocument(stack().dataset, 'article-lake-sorrel-water-levels-reach-40-year-low');
  const pages = [`/articles/${slugOf(doc)}`, '/', '/tags/climate'];
  const bases = [...stack().origins.map((origin) => origin.url), stack().edge];
  const answers: string[] = [];
  await whileGarbled(async () => {
    await publishWebhook(stack().origins[0]!.url, TEST_SECRETS.SANITY_REVALIDATE_SECRET, { _id: doc._id, _type: 'article', slug: doc.slug });
    expect((await fetch(`${stack().origins[0]!.url}/api/health`)).status).toBe(503);
    for (const page of pages) {
      for (const base of bases) {
        const response = await fetch(`${base}${page}`, { signal: AbortSignal.timeout(30_000) });
        const html = await response.text();
        answers.push(`${base}${page} ${response.status} ${html.includes(doc.title as string) ? 'shows the article' : 'without it'}`);
      }
    }
  });
  expect(answers).toEqual(pages.flatMap((page) => bases.map((base) => `${base}${page} 200 shows the article`)));
});

test('a dataset garbled after a webhook: the page answers 200 with the last good headline at the instance and at the edge', async () => {
  const doc = getDocument(stack().dataset, 'article-veska-parliament-passes-digital-identity-law');
  const articlePath = `/articles/${slugOf(doc)}`;
  // Read once while the source is good, at both instances and the edge.
  for (const base of [stack().edge, ...stack().origins.map((origin) => origin.url)])
    expect((await fetchPage(`${base}${articlePath}`)).headline).toBe(doc.title);

  await whileGarbled(async () => {
    // The webhook expires the page at the origin and purges it at the edge: the next request renders.
    await publishWebhook(stack().origins[0]!.url, TEST_SECRETS.SANITY_REVALIDATE_SECRET, { _id: doc._id, _type: 'article', slug: doc.slug });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The instance that took the webhook first: it renders the expired page itself (the others
    // and the edge could otherwise be served the copy one of them stored in Redis).
    for (const base of [...stack().origins.map((origin) => origin.url), stack().edge]) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const answer = await fetchPage(`${base}${articlePath}`);
        expect(answer.status, `${base} attempt ${attempt + 1}`).toBe(200);
        expect(answer.headline).toBe(doc.title);
      }
    }
    // The outage is not hidden from the load balancer.
    expect((await fetch(`${stack().origins[0]!.url}/api/health`)).status).toBe(503);
  });
});

test('with every instance stopped, the edge still serves every page it had', async () => {
  const paths = ['/', '/articles/lake-sorrel-water-levels-reach-40-year-low', '/tags/climate', '/feed.xml'];
  const before = new Map<string, string | undefined>();
  for (const pagePath of paths) {
    const answer = await fetchPage(`${stack().edge}${pagePath}`);
    expect(answer.status, pagePath).toBe(200);
    before.set(pagePath, answer.headline);
  }
  await stack().stopOrigins();
  // Past the health probes' window too: the edge knows the instances are down.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  for (const pagePath of paths) {
    const answer = await fetchPage(`${stack().edge}${pagePath}`);
    expect(answer.status, pagePath).toBe(200);
    expect(answer.headline, pagePath).toBe(before.get(pagePath));
  }
  // A page it never had: a short 503 with a retry hint, not an error page.
  const never = await fetch(`${stack().edge}/articles/never-cached-${Date.now()}`);
  expect(never.status).toBe(503);
  expect(never.headers.get('retry-after')).toBe('10');
});
