import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookSender, WEBHOOK_FILTER } from '../../lake/webhook.ts';
import type { Change, LakeDocument, Transaction } from '../../lake/types.ts';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { verifyWebhookSignature } from '../../lib/revalidate/verify.ts';
import { freePort } from '../helpers/ports.ts';

/*
 * The lake's publish webhook as a site receives it: a node:http server records each delivery
 * (headers and raw body) and answers with the status the test scripts, or with the site's own
 * handler (lib/revalidate/handle-webhook.ts) to prove the site takes it.
 */

const SECRET = 'a-secret-the-lake-and-the-site-share-0123456789';

type Received = { headers: IncomingHttpHeaders; raw: string; body: Record<string, unknown>; status: number };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A receiver answering each request with the next scripted status (200 once they run out). */
async function receiver(statuses: number[] = [], handle?: (request: Request) => Promise<Response>) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const request = new Request('http://site/api/revalidate', { method: req.method, headers: req.headers as Record<string, string>, body: raw });
    const response = handle ? await handle(request) : new Response('{}', { status: statuses.shift() ?? 200 });
    received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown>, status: response.status });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`, received };
}

function sender(urls: string[]) {
  const lines: string[] = [];
  const webhook = createWebhookSender({ urls, secret: SECRET, log: (line) => lines.push(line), retryDelaysMs: [5, 5] });
  return { webhook, lines };
}

// The tag's id says nothing of its slug: the projection must follow the reference to find `climate`.
const tag: LakeDocument = { _id: 'tag-3f9a1c', _type: 'tag', title: 'Climate', slug: { _type: 'slug', current: 'climate' } };
const article: LakeDocument = {
  _id: 'article-lake',
  _type: 'article',
  _rev: 'r1',
  _updatedAt: '2026-11-30T10:00:00Z',
  title: 'Lake levels fall',
  slug: { _type: 'slug', current: 'lake-levels-fall' },
  publishedAt: '2026-11-30T09:00:00Z',
  tags: [{ _type: 'reference', _ref: tag._id, _key: 'a' }],
};
let txCount = 0;
const tx = (...changes: Change[]): Transaction => {
  txCount += 1;
  return { id: `tx-${txCount}`, timestamp: new Date(Date.UTC(2026, 10, 30, 11, 0, txCount)).toISOString(), author: 'p-local', changes };
};
const revised = (doc: LakeDocument, fields: Record<string, unknown>, rev: string): LakeDocument => ({ ...doc, ...fields, _rev: rev });
const published = (changes: Record<string, unknown>, rev: string): Change => ({ id: article._id, before: article, after: revised(article, changes, rev) });

describe('the lake publish webhook', () => {
  it('sends a headline edit, signed, with its tag slugs resolved and listsChanged false', async () => {
    const site = await receiver();
    const { webhook } = sender([site.url]);
    const draft = { ...article, _id: 'drafts.article-lake', title: 'Lake levels fall sharply' };
    const change = published({ title: 'Lake levels fall sharply' }, 'tx-pub');
    const after = [tag, change.after!];
    webhook.send(tx({ id: draft._id, before: draft, after: null }, change), after, [tag, article, draft]);
    await webhook.idle();

    expect(site.received).toHaveLength(1);
    const [delivery] = site.received;
    expect(delivery!.body).toEqual({
      _id: 'article-lake',
      _type: 'article',
      slug: { _type: 'slug', current: 'lake-levels-fall' },
      tagSlugs: ['climate'],
      sourceSlugs: null,
      articleSlug: null,
      listsChanged: false,
      previousSlugs: null,
      article: null,
      coverage: null,
    });
    const verified = await verifyWebhookSignature({ rawBody: delivery!.raw, header: delivery!.headers['sanity-webhook-signature'] as string, secret: SECRET });
    expect(verified.ok).toBe(true);
    expect(delivery!.headers).toMatchObject({
      'content-type': 'application/json',
      'sanity-operation': 'update',
      'sanity-document-id': 'article-lake',
      'sanity-transaction-id': `tx-${txCount}`,
      'sanity-dataset': 'production',
      'sanity-project-id': 'no-project',
      'idempotency-key': expect.stringMatching(/\S{8,}/),
    });
  });

  it('is accepted by the site, which expires the lists for an article given a new tag', async () => {
    const expired: string[] = [];
    const site = await receiver([], (request) =>
      handleRevalidateWebhook(request, { secret: SECRET, revalidate: (t) => expired.push(t), seen: createSeenSet(), log: () => undefined }),
    );
    const { webhook } = sender([site.url]);
    const fresh: LakeDocument = { _id: 'tag-77e0', _type: 'tag', title: 'Drought', slug: { _type: 'slug', current: 'drought' } };
    const change = published({ tags: [...(article.tags as unknown[]), { _type: 'reference', _ref: fresh._id, _key: 'b' }] }, 'tx-tag');
    webhook.send(tx({ id: fresh._id, before: null, after: fresh }, change), [tag, fresh, change.after!], [tag, article]);
    await webhook.idle();

    expect(site.received.map((r) => [r.headers['sanity-operation'], r.body._id, r.status])).toEqual([
      ['create', 'tag-77e0', 200],
      ['update', 'article-lake', 200],
    ]);
    expect(site.received[1]!.body).toMatchObject({ tagSlugs: ['climate', 'drought'], listsChanged: true });
    expect(expired).toEqual(expect.arrayContaining(['slug:tag:drought', 'doc:article-lake', 'list:article']));
  });

  it('sends nothing for a draft or a type the filter leaves out, and the next publish still goes', async () => {
    const site = await receiver();
    const { webhook } = sender([site.url]);
    const draft = { ...article, _id: 'drafts.article-lake', title: 'Work in progress' };
    const asset = { _id: 'image-abc-10x10-png', _type: 'sanity.imageAsset' };
    webhook.send(tx({ id: draft._id, before: null, after: draft }), [tag, article, draft], [tag, article]);
    webhook.send(tx({ id: asset._id, before: null, after: asset }), [asset], []);
    webhook.send(tx(published({ title: 'Published' }, 'tx-next')), [tag], [tag, article]);
    await webhook.idle();
    expect(site.received.map((r) => r.body._id)).toEqual(['article-lake']);
  });

  it('sends a delete with the document and dataset as they were', async () => {
    const site = await receiver();
    const { webhook } = sender([site.url]);
    webhook.send(tx({ id: article._id, before: article, after: null }, { id: tag._id, before: tag, after: null }), [], [tag, article]);
    await webhook.idle();
    expect(site.received[0]!.headers['sanity-operation']).toBe('delete');
    expect(site.received[0]!.body).toMatchObject({ _id: 'article-lake', tagSlugs: ['climate'], listsChanged: true });
    expect(site.received.map((r) => r.body._id)).toEqual(['article-lake', tag._id]);
  });

  it('retries a 500 with the same idempotency key, signed afresh, and does not retry a 400', async () => {
    const site = await receiver([500, 200, 400]);
    const { webhook, lines } = sender([site.url]);
    webhook.send(tx(published({ title: 'Once' }, 'tx-a')), [tag], [tag, article]);
    webhook.send(tx(published({ title: 'Twice' }, 'tx-b')), [tag], [tag, article]);
    await webhook.idle();

    expect(site.received.map((r) => [r.headers['sanity-transaction-id'], r.status])).toEqual([
      [`tx-${txCount - 1}`, 500],
      [`tx-${txCount - 1}`, 200],
      [`tx-${txCount}`, 400],
    ]);
    expect(site.received[1]!.headers['idempotency-key']).toBe(site.received[0]!.headers['idempotency-key']);
    expect(site.received[2]!.headers['idempotency-key']).not.toBe(site.received[0]!.headers['idempotency-key']);
    const checks = await Promise.all(
      site.received.map((r) => verifyWebhookSignature({ rawBody: r.raw, header: r.headers['sanity-webhook-signature'] as string, secret: SECRET })),
    );
    expect(checks.map((check) => check.ok)).toEqual([true, true, true]);
    expect(lines).toEqual([expect.stringMatching(/refused by .*400/)]);
  });

  it('gives up after the last retry, logs it and never throws, even with no site listening', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/api/revalidate`;
    const { webhook, lines } = sender([nowhere]);
    expect(() => webhook.send(tx(published({ title: 'Lost' }, 'tx-lost')), [tag], [tag, article])).not.toThrow();
    await webhook.idle();
    expect(lines).toEqual([expect.stringMatching(/article-lake .*dropped after 3 attempts: ECONNREFUSED/)]);
  });

  it('keeps each site in transaction order while one of them is retrying', async () => {
    const slow = await receiver([503, 429]);
    const fast = await receiver();
    const { webhook } = sender([slow.url, fast.url]);
    for (const title of ['first', 'second', 'third']) webhook.send(tx(published({ title }, `tx-${title}`)), [tag], [tag, article]);
    await webhook.idle();

    const arrived = (site: { received: Received[] }) => site.received.filter((r) => r.status === 200).map((r) => r.headers['sanity-transaction-id']);
    const ids = [`tx-${txCount - 2}`, `tx-${txCount - 1}`, `tx-${txCount}`];
    expect(arrived(slow)).toEqual(ids);
    expect(arrived(fast)).toEqual(ids);
    expect(slow.received).toHaveLength(5);
  });

  it('uses the filter docs/editors.md tells editors to paste into Sanity', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/editors.md'), 'utf8')).toContain(WEBHOOK_FILTER);
  });
});
