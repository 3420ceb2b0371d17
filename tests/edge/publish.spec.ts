import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { TEST_SECRETS } from '../helpers/builds.ts';
import { removeDocuments, upsertDocuments, type RawDocument } from '../helpers/dataset.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { fetchPage, pageShows } from '../helpers/page.ts';
import { slugOf } from '../../lib/import/taxonomy.ts';
import { getDocument } from '../helpers/dataset.ts';
import { edgeStackForSuite } from './stack.ts';

/*
 * Publishing through the whole path a reader sits behind: dataset → signed webhook to one
 * instance → its tags expired in Redis → the edge purged by the same keys → the reader at
 * the edge sees the change. Each test takes its own article of the sample.
 */

const stack = edgeStackForSuite();
const secret = TEST_SECRETS.SANITY_REVALIDATE_SECRET;

/** Publishes `doc` as Sanity would: into the dataset, then the webhook to the FIRST instance. */
async function publish(doc: RawDocument, extra: Record<string, unknown> = {}) {
  upsertDocuments(stack().dataset, [doc]);
  await publishWebhook(stack().origins[0]!.url, secret, { ...doc, ...extra });
}

test('the edge caches an article under its keys and never shows the keys to the reader', async () => {
  const doc = getDocument(stack().dataset, 'article-marrowgate-startup-tests-drone-deliveries-to-mountain-clinics');
  const path = `/articles/${slugOf(doc)}`;
  // At the instance, fresh and cached alike, the page carries its tags as keys for the edge.
  for (const round of [1, 2]) {
    const origin = await fetchPage(`${stack().origins[1]!.url}${path}`);
    expect(origin.headers.get('x-nmn-keys'), `origin round ${round}`).toContain(`doc:${doc._id}`);
  }
  const first = await fetchPage(`${stack().edge}${path}`);
  const second = await fetchPage(`${stack().edge}${path}`);
  expect(second.status).toBe(200);
  expect(second.headline).toBe(doc.title);
  expect(second.headers.get('x-cache')).toBe('HIT');
  for (const answer of [first, second]) {
    expect(answer.headers.get('x-nmn-keys')).toBeNull();
    expect(answer.headers.get('xkey')).toBeNull();
  }
});

test('a corrected headline shows through the edge, and the hub is pinged for every feed the article is in', async () => {
  const doc = getDocument(stack().dataset, 'article-audit-finds-gaps-in-marrowgates-air-quality-sensors');
  const url = `${stack().edge}/articles/${slugOf(doc)}`;
  expect((await fetchPage(url)).headline).toBe(doc.title);
  expect((await fetchPage(url)).headers.get('x-cache')).toBe('HIT');

  const corrected = `${doc.title as string} (corrected)`;
  await publish({ ...doc, title: corrected });
  await pageShows(url, { status: 200, headline: corrected });
  // The other instance agrees (Redis), so the edge may ask either.
  expect((await fetchPage(`${stack().origins[1]!.url}/articles/${slugOf(doc)}`)).headline).toBe(corrected);

  const feeds = [
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/tags/climate/feed.xml',
    '/tags/science/feed.xml',
    '/tags/technology/feed.xml',
    '/sources/civic-data-watch/feed.xml',
  ];
  await expect.poll(() => stack().pings.filter((ping) => ping.body !== undefined).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(feeds.length);
  expect(new Set(stack().pings.map((ping) => ping.url))).toEqual(new Set(feeds.map((feed) => `${stack().edge}${feed}`)));
  expect(stack().pings.every((ping) => ping.mode === 'publish')).toBe(true);
  // What the hub fetched right after the ping, through the edge, already has the correction.
  const siteFeed = stack().pings.find((ping) => ping.url === `${stack().edge}/feed.xml`);
  expect(siteFeed?.status).toBe(200);
  expect(siteFeed?.body).toContain(corrected);
  expect(siteFeed?.body).toContain('rel="hub"');
});

test('a new article turns from 404 into the page through the edge', async () => {
  const base = getDocument(stack().dataset, 'article-central-bank-of-veska-holds-interest-rates-steady');
  const slug = 'edge-test-harbour-bridge-reopens';
  const url = `${stack().edge}/articles/${slug}`;
  expect((await fetchPage(url)).status).toBe(404);
  expect((await fetchPage(url)).status).toBe(404);

  const doc = { ...base, _id: `article-${slug}`, slug: { _type: 'slug', current: slug }, title: 'Harbour Bridge Reopens After Repairs', previousSlugs: [] };
  await publish(doc);
  await pageShows(url, { status: 200, headline: doc.title as string });
});

test('a deleted article answers 404 through the edge', async () => {
  const doc = getDocument(stack().dataset, 'article-port-aldane-raises-harbour-fees-for-first-time-in-a-decade');
  const url = `${stack().edge}/articles/${slugOf(doc)}`;
  expect((await fetchPage(url)).status).toBe(200);
  expect((await fetchPage(url)).headers.get('x-cache')).toBe('HIT');

  removeDocuments(stack().dataset, [doc._id]);
  await publishWebhook(stack().origins[0]!.url, secret, { _id: doc._id, _type: 'article', slug: doc.slug });
  await pageShows(url, { status: 404 });
});

test('a renamed article redirects from its old URL through the edge', async () => {
  const doc = getDocument(stack().dataset, 'article-northvale-rail-strike-ends-after-overnight-talks');
  const oldSlug = slugOf(doc);
  const newSlug = 'northvale-rail-strike-ends';
  expect((await fetchPage(`${stack().edge}/articles/${oldSlug}`)).status).toBe(200);
  expect((await fetchPage(`${stack().edge}/articles/${newSlug}`)).status).toBe(404);

  await publish({ ...doc, slug: { _type: 'slug', current: newSlug }, previousSlugs: [oldSlug] });
  await pageShows(`${stack().edge}/articles/${oldSlug}`, { status: 308, location: new RegExp(`/articles/${newSlug}$`) });
  await pageShows(`${stack().edge}/articles/${newSlug}`, { status: 200, headline: doc.title as string });
});

test('a purge from an address the edge does not trust is refused, and the page stays cached', async () => {
  const doc = getDocument(stack().dataset, 'article-researchers-map-ancient-irrigation-canals-with-satellite-radar');
  const url = `${stack().edge}/articles/${slugOf(doc)}`;
  await fetchPage(url);
  expect((await fetchPage(url)).headers.get('x-cache')).toBe('HIT');

  const status = await new Promise<number>((resolve, reject) => {
    const purge = httpRequest(url, { method: 'PURGE', localAddress: '127.0.0.2', headers: { 'xkey-purge': `doc:${doc._id}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    purge.on('error', reject);
    purge.end();
  });
  expect(status).toBe(403);
  expect((await fetchPage(url)).headers.get('x-cache')).toBe('HIT');
});

test('an edit that moves an article in no list purges only the pages that show it', async () => {
  const doc = getDocument(stack().dataset, 'article-marrowgate-startup-tests-drone-deliveries-to-mountain-clinics');
  const page = `${stack().edge}/articles/${slugOf(doc)}`;
  const unrelated = ['/articles/lake-sorrel-water-levels-reach-40-year-low', '/tags/central-asia'];
  for (const path of unrelated) {
    // These pages do not show the article (its key is not among theirs at the instance), but they
    // list articles: a purge of list:article would have emptied them.
    const keys = (await fetchPage(`${stack().origins[1]!.url}${path}`)).headers.get('x-nmn-keys') ?? '';
    expect(keys, path).not.toContain(`doc:${doc._id}`);
    expect(keys.split(' '), path).toContain('list:article');
    await fetchPage(`${stack().edge}${path}`);
    expect((await fetchPage(`${stack().edge}${path}`)).headers.get('x-cache'), path).toBe('HIT');
  }
  await fetchPage(page);
  await fetchPage(`${stack().edge}/`);

  // Sent as the projection of docs/editors.md sends a headline edit: it changes no list.
  const edited = `${doc.title as string} (updated)`;
  await publish({ ...doc, title: edited }, { listsChanged: false });
  await pageShows(page, { status: 200, headline: edited });
  // Home shows the article's card, so its key purged home too.
  await expect.poll(async () => (await fetch(`${stack().edge}/`)).text(), { timeout: 15_000 }).toContain(edited);
  // The rest of the edge is untouched: a publish purges exactly the pages it touches.
  for (const path of unrelated) expect((await fetchPage(`${stack().edge}${path}`)).headers.get('x-cache'), path).toBe('HIT');
});
