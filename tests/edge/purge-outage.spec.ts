import { expect, test } from '@playwright/test';
import { TEST_SECRETS } from '../helpers/builds.ts';
import { upsertDocuments, type RawDocument } from '../helpers/dataset.ts';
import { eventually } from '../helpers/eventually.ts';
import { pageShows } from '../helpers/page.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { slugOf } from '../../lib/import/taxonomy.ts';
import { getDocument } from '../helpers/dataset.ts';
import { edgeStackForSuite } from './stack.ts';

/*
 * A publish purges the article, the feeds and the listings that show it at the edge. While the
 * instances answer, no reader gets a purged copy: the page is fresh within a second of the
 * webhook. If the instances then go down, the purged pages are still there for grace: the edge
 * answers with the last copy it had rather than 503. (The second test stops the instances: last.)
 */

const stack = edgeStackForSuite();

async function read(url: string): Promise<{ status: number; body: string; cache: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text(), cache: response.headers.get('x-cache') };
}

/** Reads each page through the edge until it is cached there; returns the copy the edge holds. */
async function cacheAtEdge(pages: string[]): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  for (const page of pages) {
    await read(`${stack().edge}${page}`);
    const hit = await read(`${stack().edge}${page}`);
    expect(`${hit.status} ${hit.cache}`, page).toBe('200 HIT');
    held.set(page, hit.body);
  }
  return held;
}

/** Publishes a new headline as Sanity would: into the dataset, then the whole document to the first instance. */
async function publishHeadline(doc: RawDocument, title: string) {
  upsertDocuments(stack().dataset, [{ ...doc, title }]);
  await publishWebhook(stack().origins[0]!.url, TEST_SECRETS.SANITY_REVALIDATE_SECRET, { ...doc, title });
}

test('after a publish every purged page is fresh on its first read, within a second, while the instances are up', async () => {
  const doc = getDocument(stack().dataset, 'article-caspian-grid-operator-plans-solar-expansion-across-three-regions');
  const article = `/articles/${slugOf(doc)}`;
  const lists = ['/feed.xml', '/', '/tags/economy'];
  const before = await cacheAtEdge([article, ...lists]);
  for (const page of lists) expect(before.get(page), page).toContain(doc.title as string);

  const corrected = `${doc.title as string} (corrected)`;
  await publishHeadline(doc, corrected);
  // Fresh within a second of the webhook's answer (the purge goes out right after it).
  await pageShows(`${stack().edge}${article}`, { status: 200, headline: corrected }, 1_000);
  // The purge reached the lists in the same request: each one's first read is the new page,
  // not the purged copy served once more while a background fetch refreshes it.
  const firstReads = await Promise.all(
    lists.map(async (page) => `${page} ${(await read(`${stack().edge}${page}`)).body.includes(corrected) ? 'fresh' : 'the purged copy'}`),
  );
  expect(firstReads).toEqual(lists.map((page) => `${page} fresh`));
});

test('a publish, then every instance down: the purged pages answer 200 with the last copy the edge had', async () => {
  const doc = getDocument(stack().dataset, 'article-regional-leaders-meet-in-aldane-to-discuss-transit-corridor');
  const article = `/articles/${slugOf(doc)}`;
  const lists = ['/feed.xml', '/', '/tags/world', '/tags/politics'];
  const before = await cacheAtEdge(lists);

  const corrected = `${doc.title as string} (corrected)`;
  const pingsBefore = stack().pings.length;
  await publishHeadline(doc, corrected);
  // The purge is done once the article shows the correction. The WebSub hub fetches the site feed
  // through the edge right after its ping, so the feed's last copy is the corrected one; no reader
  // asks for the other lists again, so theirs are the copies purged.
  await pageShows(`${stack().edge}${article}`, { status: 200, headline: corrected });
  const hubFeed = await eventually(
    () => {
      const ping = stack()
        .pings.slice(pingsBefore)
        .find((entry) => entry.url === `${stack().edge}/feed.xml` && entry.body !== undefined);
      if (!ping?.body) throw new Error('no fetch of /feed.xml by the hub yet');
      return ping.body;
    },
    { what: 'the hub fetching the site feed after the publish' },
  );
  expect(hubFeed).toContain(corrected);
  before.set('/feed.xml', hubFeed);
  await stack().stopOrigins();

  // Read for three seconds: first while the edge still takes the instances for up (its fetch is
  // refused), then once its probes have marked them down. Every read is the copy held before.
  const answers: string[] = [];
  const until = Date.now() + 3_000;
  do {
    for (const page of lists) {
      const answer = await read(`${stack().edge}${page}`);
      answers.push(`${page} ${answer.status} ${answer.body === before.get(page) ? 'the last copy' : 'another body'}`);
    }
  } while (Date.now() < until);
  expect(answers).toEqual(answers.map((_answer, index) => `${lists[index % lists.length]} 200 the last copy`));
  // The article itself: the corrected page the edge fetched before the outage.
  expect((await read(`${stack().edge}${article}`)).body).toContain(corrected);
});
