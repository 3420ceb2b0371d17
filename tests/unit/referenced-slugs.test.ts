import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSlugsByReference } from '../../lib/content/referenced-slugs.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { notifyHubOfChange } from '../../lib/websub/ping-hub.ts';

/*
 * The content's side of the publish pipeline's slug lookup (lib/content/referenced-slugs.ts), on an
 * embedded dataset whose ids follow no convention, and the webhook wired to it as the route wires it.
 */

const BLOG_ID = 'b7e1d2c3-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const docs = [
  { _id: 'tag-ca', _type: 'tag', title: 'Central Asia', slug: { _type: 'slug', current: 'central-asia' } },
  { _id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', _type: 'source', title: 'Wire', slug: { _type: 'slug', current: 'wire-service' } },
  {
    _id: BLOG_ID,
    _type: 'article',
    title: 'Election night',
    slug: { _type: 'slug', current: 'election-night' },
    coverage: 'live',
    publishedAt: '2026-01-01T00:00:00Z',
  },
  // A draft's slug is no published feed; an author has no feed at all.
  { _id: 'drafts.tag-ca', _type: 'tag', title: 'Central Asia (draft)', slug: { _type: 'slug', current: 'draft-slug' } },
  { _id: 'author-ca', _type: 'author', name: 'C. A.', slug: { _type: 'slug', current: 'c-a' } },
];

const dir = mkdtempSync(path.join(tmpdir(), 'nmn-slugs-by-id-'));
const file = path.join(dir, 'data.ndjson');
writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
const source = createEmbeddedSource(file, () => undefined);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSlugsByReference', () => {
  it('gives the published slug of each tag, source and blog it knows, each among its own type', async () => {
    const { value } = await loadSlugsByReference(source, {
      tags: ['tag-ca', 'author-ca', 'tag-gone', BLOG_ID],
      sources: ['1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', 'tag-ca'],
      article: BLOG_ID,
    });
    expect({ tags: Object.fromEntries(value.tags), sources: Object.fromEntries(value.sources), article: value.article }).toEqual({
      tags: { 'tag-ca': 'central-asia' },
      sources: { '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b': 'wire-service' },
      article: 'election-night',
    });
  });

  it('answers an empty lookup with nothing found', async () => {
    const { value } = await loadSlugsByReference(source, { tags: [], sources: [] });
    expect({ tags: value.tags.size, sources: value.sources.size, article: value.article }).toEqual({ tags: 0, sources: 0, article: undefined });
  });
});

describe('the webhook, looking slugs up in the content', () => {
  it("pings the feeds of a whole document's references by the slugs content holds", async () => {
    const pinged: string[] = [];
    const hub = (async (_url: string | URL | Request, init?: RequestInit) => {
      pinged.push(new URLSearchParams(String(init?.body)).get('hub.url') ?? '');
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const deliver = async (payload: unknown) => {
      const body = JSON.stringify(payload);
      const request = new Request('http://site.test/api/revalidate', {
        method: 'POST',
        headers: { 'sanity-webhook-signature': await signWebhookBody(body, 'secret') },
        body,
      });
      const response = await handleRevalidateWebhook(request, {
        secret: 'secret',
        revalidate: () => undefined,
        seen: createSeenSet(10),
        log: () => undefined,
        referencedSlugs: async (ids) => (await loadSlugsByReference(source, ids)).value,
        notifyHub: async (change) => void (await notifyHubOfChange('https://hub.example/', 'https://news.example', change, { fetch: hub })),
      });
      expect(response.status).toBe(200);
    };

    await deliver({
      _id: 'article-x',
      _type: 'article',
      slug: { current: 'x' },
      tags: [{ _ref: 'tag-ca' }],
      sources: [{ _ref: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b' }],
    });
    await deliver({ _id: 'f00dfeed-0000-4000-8000-000000000001', _type: 'liveUpdate', article: { _ref: BLOG_ID } });
    const siteFeeds = ['feed.xml', 'atom.xml', 'feed.json'].map((name) => `https://news.example/${name}`);
    expect(pinged.filter((url) => !siteFeeds.includes(url))).toEqual([
      'https://news.example/tags/central-asia/feed.xml',
      'https://news.example/sources/wire-service/feed.xml',
      'https://news.example/articles/election-night/feed.xml',
    ]);
  });
});
