import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EDGE_KEYS_HEADER, addEdgeKeys, edgeKey, edgeKeysOf } from '../../lib/cache-handlers/edge-keys.ts';
import { conditionalResponse } from '../../lib/http/conditional.ts';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { purgeEdges } from '../../lib/revalidate/purge-edge.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';

type Seen = { method?: string; keys?: string };
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A stand-in edge: records each request, answers `status` (or never, with 'hang'). */
async function fakeEdge(status: number | 'hang'): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    seen.push({ method: request.method, keys: request.headers['xkey-purge'] as string | undefined });
    if (status !== 'hang') response.writeHead(status).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => (server.closeAllConnections(), server.close()) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

describe('edge keys', () => {
  it('encode the separators xkey splits on, and % itself, so no two tags share a key', () => {
    expect(edgeKey('slug:tag:new york')).toBe('slug:tag:new%20york');
    expect(edgeKey('slug:tag:a,b')).toBe('slug:tag:a%2Cb');
    expect(edgeKey('slug:tag:a%20b')).not.toBe(edgeKey('slug:tag:a b'));
    expect(edgeKeysOf(['doc:a', '_N_T_/layout', 'doc:a', 'list:article'])).toBe('doc:a list:article');
  });

  it("copy a page entry's tags into the header the edge reads, leaving entries without tags alone", () => {
    const page = { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': '_N_T_/layout,doc:article-x,slug:article:x' } };
    addEdgeKeys(page);
    expect(page.headers[EDGE_KEYS_HEADER as 'x-next-cache-tags']).toBe('doc:article-x slug:article:x');
    const bare = { kind: 'APP_PAGE', headers: {} as Record<string, string> };
    addEdgeKeys(bare);
    expect(bare.headers).toEqual({});
  });
});

describe('feeds and sitemaps at the edge', () => {
  it('carry their keys on a 200 and on a 304, and no key header when they have none', () => {
    const cached = { body: '<rss/>', contentType: 'application/rss+xml', etag: '"abc"', keys: 'list:article doc:a' };
    expect(conditionalResponse(new Request('http://site.test/feed.xml'), cached).headers.get(EDGE_KEYS_HEADER)).toBe('list:article doc:a');
    const revalidation = new Request('http://site.test/feed.xml', { headers: { 'if-none-match': '"abc"' } });
    const notModified = conditionalResponse(revalidation, cached);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get(EDGE_KEYS_HEADER)).toBe('list:article doc:a');
    const bare = { ...cached, keys: undefined };
    expect(conditionalResponse(new Request('http://site.test/feed.xml'), bare).headers.has(EDGE_KEYS_HEADER)).toBe(false);
  });
});

describe('purgeEdges', () => {
  it('sends PURGE with the encoded keys to every edge and reports success', async () => {
    const [a, b] = [await fakeEdge(200), await fakeEdge(200)];
    expect(await purgeEdges([a.url, b.url], ['doc:article-x', 'slug:tag:new york'])).toBe(true);
    for (const edge of [a, b]) expect(edge.seen).toEqual([{ method: 'PURGE', keys: 'doc:article-x slug:tag:new%20york' }]);
  });

  it('reports a refusal or a timeout as a failure, logged, without throwing', async () => {
    const [ok, refused, hung] = [await fakeEdge(200), await fakeEdge(403), await fakeEdge('hang')];
    const logs: string[] = [];
    const started = Date.now();
    expect(await purgeEdges([ok.url, refused.url, hung.url], ['doc:a'], { timeoutMs: 300, log: (line) => logs.push(line) })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(logs.join('\n')).toMatch(/refused \(403\)/);
    expect(logs.join('\n')).toMatch(/TimeoutError/);
  });
});

describe('the webhook and the edge', () => {
  const secret = 'edge-secret';
  const article = { _id: 'article-lake', _type: 'article', slug: { current: 'lake' } };
  const request = async (key: string) => {
    const body = JSON.stringify(article);
    return new Request('http://site.test/api/revalidate', {
      method: 'POST',
      headers: { 'idempotency-key': key, 'sanity-webhook-signature': await signWebhookBody(body, secret), 'content-type': 'application/json' },
      body,
    });
  };

  it('purges after expiring, and forgets a delivery whose purge failed so its retry purges again', async () => {
    const order: string[] = [];
    let edgeUp = false;
    const seen = createSeenSet();
    const deps = {
      secret,
      seen,
      log: () => undefined,
      revalidate: (tag: string) => order.push(`expire ${tag}`),
      purgeEdges: async (tags: string[]) => (order.push(`purge ${tags.length}`), edgeUp),
      purgeRetryMs: [],
    };
    const first = await handleRevalidateWebhook(await request('delivery-1'), deps);
    expect((await first.json()).revalidated).toBe(true);
    expect(order.at(-1)).toBe('purge 4');
    expect(order.slice(0, 4).every((step) => step.startsWith('expire'))).toBe(true);

    edgeUp = true;
    const retry = await handleRevalidateWebhook(await request('delivery-1'), deps);
    expect((await retry.json()).revalidated).toBe(true);
    const repeat = await handleRevalidateWebhook(await request('delivery-1'), deps);
    expect(await repeat.json()).toMatchObject({ duplicate: true });
  });

  it('tries a missed purge again before giving up: Sanity never repeats a delivery it got 200 for', async () => {
    let attempts = 0;
    const deps = {
      secret,
      seen: createSeenSet(),
      log: () => undefined,
      revalidate: () => undefined,
      purgeEdges: async () => ++attempts >= 3,
      purgeRetryMs: [1, 1],
    };
    const first = await handleRevalidateWebhook(await request('delivery-2'), deps);
    expect((await first.json()).revalidated).toBe(true);
    expect(attempts).toBe(3);
    const repeat = await handleRevalidateWebhook(await request('delivery-2'), deps);
    expect(await repeat.json()).toMatchObject({ duplicate: true });
  });
});
