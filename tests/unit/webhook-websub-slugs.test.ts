import { describe, expect, it } from 'vitest';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { notifyHubOfChange } from '../../lib/websub/ping-hub.ts';

/*
 * WebSub from Sanity's default payload (the whole document, no projection): the feeds a publish
 * pings are named by the slugs of what the document references, looked up by id in the content,
 * never guessed from how an id is spelt. Studio ids are random; `tag-ca` may have the slug
 * `central-asia`. Each case goes through the webhook handler as a signed delivery, so the payload
 * is parsed once and the hub is told what that one parsed change says.
 */

const secret = 'websub-slugs-secret';
const SITE = 'https://news.example';
const SITE_FEEDS = [`${SITE}/feed.xml`, `${SITE}/atom.xml`, `${SITE}/feed.json`];

// What the content holds: ids that follow no convention, and one that misleads.
const SLUGS_BY_ID: Record<string, string> = {
  'tag-ca': 'central-asia',
  '5b1e0c7a-3f7d-4f7e-9a53-2c4d8e1f0a96': 'energy',
  'c0ffee00-1d2e-4b3c-8f9a-0a1b2c3d4e5f': 'wire-service',
  'e3b0c442-98fc-4c14-9afb-f4c8996fb924': 'election-night',
};

async function signed(payload: unknown): Promise<Request> {
  const body = JSON.stringify(payload);
  return new Request('http://site.test/api/revalidate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sanity-webhook-signature': await signWebhookBody(body, secret) },
    body,
  });
}

/** Delivers `payload` and returns the feed URLs the hub was told about, and the ids content was asked for. */
async function pingsFor(payload: unknown, slugsById: Record<string, string> = SLUGS_BY_ID) {
  const pinged: string[] = [];
  const asked: string[][] = [];
  const hub = (async (_url: string | URL | Request, init?: RequestInit) => {
    pinged.push(new URLSearchParams(String(init?.body)).get('hub.url') ?? '');
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  const response = await handleRevalidateWebhook(await signed(payload), {
    secret,
    revalidate: () => undefined,
    seen: createSeenSet(10),
    log: () => undefined,
    referencedSlugs: async ({ tags, sources, article }) => {
      asked.push([...tags, ...sources, ...(article ? [article] : [])]);
      const known = (ids: readonly string[]) => new Map(ids.flatMap((id) => (slugsById[id] ? [[id, slugsById[id]] as const] : [])));
      return { tags: known(tags), sources: known(sources), ...(article && slugsById[article] ? { article: slugsById[article] } : {}) };
    },
    notifyHub: async (change) => {
      await notifyHubOfChange('https://hub.example/', SITE, change, { fetch: hub });
    },
  });
  expect(response.status).toBe(200);
  return { pinged, asked };
}

describe('WebSub pings from the whole document as payload', () => {
  it("names a tag's feed by its slug, not by its id", async () => {
    const { pinged } = await pingsFor({ _id: 'tag-ca', _type: 'tag', _rev: 'r1', title: 'Central Asia', slug: { _type: 'slug', current: 'central-asia' } });
    expect(pinged).toEqual([`${SITE}/tags/central-asia/feed.xml`]);
  });

  it("pings an article's tag feed by the slug content gives the tag's id `tag-ca`, and none for /tags/ca/", async () => {
    const { pinged } = await pingsFor({
      _id: 'article-silk-road',
      _type: 'article',
      slug: { _type: 'slug', current: 'silk-road' },
      tags: [{ _type: 'reference', _key: 'k1', _ref: 'tag-ca' }],
    });
    expect(pinged).toContain(`${SITE}/tags/central-asia/feed.xml`);
    expect(pinged.filter((url) => url.includes('/tags/ca/'))).toEqual([]);
  });

  it('pings the feeds of tags and sources whose ids are random', async () => {
    const { pinged } = await pingsFor({
      _id: '0d7f3a52-6c1b-4e8e-b1f2-9a0c7d5e4b31',
      _type: 'article',
      slug: { _type: 'slug', current: 'grid-prices' },
      tags: [{ _type: 'reference', _key: 'a', _ref: '5b1e0c7a-3f7d-4f7e-9a53-2c4d8e1f0a96' }],
      sources: [{ _type: 'reference', _key: 'b', _ref: 'c0ffee00-1d2e-4b3c-8f9a-0a1b2c3d4e5f' }],
    });
    expect(pinged).toEqual([...SITE_FEEDS, `${SITE}/tags/energy/feed.xml`, `${SITE}/sources/wire-service/feed.xml`]);
  });

  it("pings a live update's blog feed, the blog referenced by a random id", async () => {
    const { pinged } = await pingsFor({
      _id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      _type: 'liveUpdate',
      article: { _type: 'reference', _ref: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924' },
      body: [],
    });
    expect(pinged).toEqual([`${SITE}/articles/election-night/feed.xml`, ...SITE_FEEDS]);
  });

  it('pings no feed for a reference content does not know (deleted, or never published)', async () => {
    const { pinged } = await pingsFor({ _id: 'article-x', _type: 'article', slug: { current: 'x' }, tags: [{ _ref: 'tag-gone' }] });
    expect(pinged).toEqual(SITE_FEEDS);
  });
});

describe('WebSub pings from the webhook projection', () => {
  it('takes the slugs the projection carries and asks content nothing', async () => {
    const { pinged, asked } = await pingsFor({
      _id: 'article-a',
      _type: 'article',
      slug: { current: 'a' },
      tags: [{ _ref: 'tag-ca' }],
      tagSlugs: ['central-asia'],
      sourceSlugs: null,
      articleSlug: null,
      listsChanged: true,
    });
    expect(pinged).toEqual([...SITE_FEEDS, `${SITE}/tags/central-asia/feed.xml`]);
    expect(asked).toEqual([]);
  });

  it("takes a live update's blog slug from the projection", async () => {
    const { pinged, asked } = await pingsFor({
      _id: 'u1',
      _type: 'liveUpdate',
      article: { _ref: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924' },
      articleSlug: 'vote',
    });
    expect(pinged).toEqual([`${SITE}/articles/vote/feed.xml`, ...SITE_FEEDS]);
    expect(asked).toEqual([]);
  });
});
