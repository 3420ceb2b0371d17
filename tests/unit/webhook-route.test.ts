import { describe, expect, it } from 'vitest';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';

const secret = 'route-secret';
const article = { _id: 'article-lake', _type: 'article', slug: { current: 'lake' }, previousSlugs: ['old-lake'] };

function setup() {
  const expired: string[] = [];
  const seen = createSeenSet(3);
  const call = (request: Request) => handleRevalidateWebhook(request, { secret, revalidate: (tag) => expired.push(tag), seen, log: () => undefined });
  return { expired, seen, call };
}

async function signed(payload: unknown, init: { at?: number; key?: string; headers?: Record<string, string> } = {}): Promise<Request> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return new Request('http://site.test/api/revalidate', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sanity-webhook-signature': await signWebhookBody(body, init.key ?? secret, init.at ?? Date.now()),
      ...init.headers,
    },
    body,
  });
}

describe('POST /api/revalidate', () => {
  it('expires the tags of a signed change and says which', async () => {
    const { expired, call } = setup();
    const response = await call(await signed(article));
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toEqual({ revalidated: true, tags: ['doc:article-lake', 'list:article', 'any:article', 'slug:article:lake', 'slug:article:old-lake'] });
    expect(expired).toEqual(answer.tags);
  });

  it.each([
    ['unsigned', async () => new Request('http://site.test/api/revalidate', { method: 'POST', body: JSON.stringify(article) }), 401],
    ['forged (wrong secret)', () => signed(article, { key: 'guess' }), 401],
    ['replayed (signed 6 minutes ago)', () => signed(article, { at: Date.now() - 6 * 60 * 1000 }), 401],
    ['not JSON', () => signed('{"_id": "article-lake",'), 400],
    ['JSON without _id', () => signed({ _type: 'article' }), 400],
    ['JSON without _type', () => signed({ _id: 'article-lake' }), 400],
  ])('refuses a %s delivery and expires nothing', async (_name, make, status) => {
    const { expired, call } = setup();
    const response = await call(await make());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ revalidated: false });
    expect(expired).toEqual([]);
  });

  it('refuses GET and other methods with 405 and Allow: POST', async () => {
    const { expired, call } = setup();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await call(new Request('http://site.test/api/revalidate', { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    expect(expired).toEqual([]);
  });

  it('refuses a body over 256 KiB by its Content-Length, before reading it', async () => {
    const { expired, call } = setup();
    const request = new Request('http://site.test/api/revalidate', {
      method: 'POST',
      headers: { 'content-length': String(300 * 1024) },
      body: 'x',
    });
    expect((await call(request)).status).toBe(413);
    expect(expired).toEqual([]);
  });

  it('refuses a streamed body as soon as it passes the limit, without reading the rest', async () => {
    const { expired, call } = setup();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        if (pulled > 1000) controller.close();
      },
    });
    const request = new Request('http://site.test/api/revalidate', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect((await call(request)).status).toBe(413);
    expect(pulled).toBeLessThan(10); // ~64 MiB were on offer; about 256 KiB were read
    expect(expired).toEqual([]);
  });

  it('answers a repeated idempotency-key with duplicate: true and expires nothing the second time', async () => {
    const { expired, call } = setup();
    const first = await call(await signed(article, { headers: { 'idempotency-key': 'delivery-1' } }));
    expect((await first.json()).revalidated).toBe(true);
    const count = expired.length;
    const again = await call(await signed(article, { at: Date.now() + 5, headers: { 'idempotency-key': 'delivery-1' } }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ revalidated: false, duplicate: true, tags: [] });
    expect(expired.length).toBe(count);
  });

  it('answers the very same signed request, replayed inside the window, as a duplicate', async () => {
    const { expired, call } = setup();
    const request = await signed(article);
    const copy = request.clone();
    await call(request);
    const count = expired.length;
    expect(await (await call(copy)).json()).toMatchObject({ duplicate: true });
    expect(expired.length).toBe(count);
  });

  it('does not let unsigned requests burn an idempotency key', async () => {
    const { call } = setup();
    await call(new Request('http://site.test/api/revalidate', { method: 'POST', headers: { 'idempotency-key': 'k' }, body: '{}' }));
    const real = await call(await signed(article, { headers: { 'idempotency-key': 'k' } }));
    expect(await real.json()).toMatchObject({ revalidated: true });
  });

  it('keeps a bounded memory of keys', async () => {
    const { seen, call } = setup();
    for (let i = 0; i < 10; i += 1) await call(await signed(article, { at: Date.now() + i, headers: { 'idempotency-key': `k${i}` } }));
    expect(seen.size).toBeLessThanOrEqual(3);
  });

  it('ignores a draft (200, nothing expired): drafts are not on public pages', async () => {
    const { expired, call } = setup();
    const response = await call(await signed({ ...article, _id: 'drafts.article-lake' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ revalidated: false, tags: [] });
    expect(expired).toEqual([]);
  });

  it('refuses every delivery when the site has no secret configured', async () => {
    const expired: string[] = [];
    const response = await handleRevalidateWebhook(await signed(article), {
      secret: undefined,
      revalidate: (tag) => expired.push(tag),
      seen: createSeenSet(),
      log: () => undefined,
    });
    expect(response.status).toBe(401);
    expect(expired).toEqual([]);
  });
});
