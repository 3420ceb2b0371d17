import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { notifySite, revalidateEndpoint } from '../../lib/import/notify.ts';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';

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
    const answers = await notifySite(site.url, docs, 'shared');
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(JSON.parse(answers[1]!.body)).toEqual({
      revalidated: true,
      tags: ['doc:article-story', 'list:article', 'any:article', 'slug:article:story', 'slug:article:old-story'],
    });
    expect(site.expired).toContain('slug:tag:new');
  });

  it('is refused by a site with another secret, and says so', async () => {
    site = await startSite('site-secret');
    const answers = await notifySite(site.url, docs.slice(0, 1), 'wrong');
    expect(answers[0]!.status).toBe(401);
    expect(site.expired).toEqual([]);
  });

  it('needs the secret and an http(s) site URL', async () => {
    await expect(notifySite('http://localhost:1', docs, undefined)).rejects.toThrow(/SANITY_REVALIDATE_SECRET/);
    expect(() => revalidateEndpoint('ftp://x')).toThrow(/http/);
    expect(() => revalidateEndpoint('not a url')).toThrow(/not a URL/);
    expect(revalidateEndpoint('https://news.example/some/page')).toBe('https://news.example/api/revalidate');
  });
});
