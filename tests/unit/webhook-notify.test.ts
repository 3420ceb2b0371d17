import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluate, parse } from 'groq-js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNdjson, type RawDocument } from '../../lib/dataset/ndjson.ts';
import { notifySite, revalidateEndpoint } from '../../lib/import/notify.ts';
import { planArticleImport } from '../../lib/import/plan-import.ts';
import { parseWireCopy } from '../../lib/import/wire-copy.ts';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { WEBHOOK_PROJECTION } from '../../lib/revalidate/webhook-projection.ts';

/** A site stand-in: node:http in front of the real webhook handler. */
async function startSite(secret: string) {
  const expired: string[] = [];
  const seen = createSeenSet();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://site${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const response = await handleRevalidateWebhook(request, { secret, revalidate: (tag) => expired.push(tag), seen, log: () => undefined });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, expired, server };
}

let site: Awaited<ReturnType<typeof startSite>> | undefined;
afterEach(() => new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve())));

const docs = [
  { _id: 'tag-new', _type: 'tag', title: 'New', slug: { _type: 'slug', current: 'new' } },
  { _id: 'article-story', _type: 'article', title: 'Story', slug: { _type: 'slug', current: 'story' }, previousSlugs: ['old-story'] },
];

describe('notifySite (import --notify)', () => {
  it('sends one signed delivery per imported document, which the site accepts', async () => {
    site = await startSite('shared');
    const answers = await notifySite(site.url, docs, [], 'shared');
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(JSON.parse(answers[1]!.body)).toEqual({
      revalidated: true,
      tags: ['doc:article-story', 'list:article', 'any:article', 'slug:article:story', 'slug:article:old-story'],
    });
    expect(site.expired).toContain('slug:tag:new');
  });

  it('is refused by a site with another secret, and says so', async () => {
    site = await startSite('site-secret');
    const answers = await notifySite(site.url, docs.slice(0, 1), [], 'wrong');
    expect(answers[0]!.status).toBe(401);
    expect(site.expired).toEqual([]);
  });

  it('needs the secret and an http(s) site URL', async () => {
    await expect(notifySite('http://localhost:1', docs, [], undefined)).rejects.toThrow(/SANITY_REVALIDATE_SECRET/);
    expect(() => revalidateEndpoint('ftp://x')).toThrow(/http/);
    expect(() => revalidateEndpoint('not a url')).toThrow(/not a URL/);
    expect(revalidateEndpoint('https://news.example/some/page')).toBe('https://news.example/api/revalidate');
  });
});

describe("what --notify sends is what Sanity's projection sends", () => {
  const sample = parseNdjson(readFileSync(new URL('../../sanity/sample-dataset/data.ndjson', import.meta.url), 'utf8')).docs;
  const seed = parseWireCopy(readFileSync(new URL('../../sanity/sample-content/articles/seed-article.txt', import.meta.url), 'utf8'));
  const now = '2026-11-20T08:05:00.000Z';

  /** The bodies notifySite posts, by document id, read off a stand-in fetch. */
  async function sent(written: RawDocument[], before: RawDocument[]): Promise<Map<string, Record<string, unknown>>> {
    const bodies = new Map<string, Record<string, unknown>>();
    const capture = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      bodies.set(String(body._id), body);
      return new Response('{}');
    }) as typeof fetch;
    await notifySite('http://site.test', written, before, 'secret', capture);
    return bodies;
  }

  it('an imported article and its new tag: the body equals the projection evaluated over the dataset after the import', async () => {
    const plan = planArticleImport({ ...seed, slug: 'notify-projection' }, { now, tags: ['world', 'notify-new-tag'] }, sample);
    expect(plan.documents.map((doc) => doc._id)).toEqual(['tag-notify-new-tag', 'article-notify-projection']);
    const bodies = await sent(plan.documents, sample);
    // Evaluated here on its own, with groq-js's own dereferencing over the whole dataset.
    const after = [...sample, ...plan.documents];
    const projection = parse(WEBHOOK_PROJECTION, { mode: 'delta' });
    for (const doc of plan.documents) {
      const expected = await (await evaluate(projection, { root: doc, before: null, after: doc, dataset: after })).get();
      expect(bodies.get(doc._id)).toEqual(expected);
    }
    expect(bodies.get('article-notify-projection')).toMatchObject({
      _type: 'article',
      slug: { current: 'notify-projection' },
      tagSlugs: ['world', 'notify-new-tag'],
      sourceSlugs: ['nextminutenews'],
      listsChanged: true,
    });
    // The projection's fields only: no raw references for the site to look up again.
    expect(bodies.get('article-notify-projection')).not.toHaveProperty('tags');
  });

  it('re-importing an article with only its body changed says no list changed; a new tag says one did', async () => {
    const existing = 'article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
    const tags = ['world', 'central-asia', 'politics'];
    // Its first paragraph once more at the end: a body edit, nothing a list filters or orders by.
    const edited = { ...seed, body: [...seed.body, { ...seed.body[0]!, _key: 'added-on-the-desk' }] };
    const bodyOnly = planArticleImport(edited, { now, tags }, sample);
    expect(bodyOnly.action).toBe('updated');
    expect((await sent(bodyOnly.documents, sample)).get(existing)).toMatchObject({ listsChanged: false, tagSlugs: tags });
    const retagged = planArticleImport(seed, { now, tags: ['world'] }, sample);
    expect((await sent(retagged.documents, sample)).get(existing)).toMatchObject({ listsChanged: true, tagSlugs: ['world'] });
  });
});
