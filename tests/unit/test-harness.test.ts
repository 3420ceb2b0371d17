import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyDataset, editDocument, getDocument, readDocuments, removeDocuments, upsertDocuments } from '../helpers/dataset.ts';
import { eventually } from '../helpers/eventually.ts';
import { headlineOf, pageShows } from '../helpers/page.ts';
import { freePort } from '../helpers/ports.ts';
import { startRedis } from '../helpers/redis.ts';
import { requireTool } from '../helpers/tools.ts';
import { sendWebhook } from '../helpers/webhook.ts';
import { verifyWebhookSignature } from '../../lib/revalidate/verify.ts';

/* The shared test harness itself: what every suite relies on to edit datasets and sign webhooks. */
const work = mkdtempSync(path.join(tmpdir(), 'nmn-harness-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dataset helpers', () => {
  const dir = path.join(work, 'dataset');
  const file = copyDataset(path.resolve('sanity/sample-dataset'), dir);
  const sample = readFileSync('sanity/sample-dataset/data.ndjson', 'utf8');

  it('copy the sample byte for byte, then edit only the copy, one line per change', () => {
    expect(readFileSync(file, 'utf8')).toBe(sample);
    const [first] = readDocuments(dir);
    const edited = editDocument(dir, first!._id, { title: 'Edited by the harness' });
    expect(getDocument(dir, first!._id)).toEqual(edited);
    const before = sample.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.filter((line, index) => line !== before[index])).toHaveLength(1);
    expect(readFileSync('sanity/sample-dataset/data.ndjson', 'utf8')).toBe(sample);
  });

  it('append new documents and remove documents by id', () => {
    const count = readDocuments(dir).length;
    expect(upsertDocuments(dir, [{ _id: 'tag-harness', _type: 'tag', title: 'Harness' }])).toEqual({ created: ['tag-harness'], updated: [] });
    expect(readDocuments(dir)).toHaveLength(count + 1);
    expect(removeDocuments(dir, ['tag-harness', 'no-such-id'])).toEqual(['tag-harness']);
    expect(readDocuments(dir)).toHaveLength(count);
    expect(() => getDocument(dir, 'tag-harness')).toThrow(/not in/);
  });
});

describe('sendWebhook', () => {
  it('signs the body so the site verifies it, and forges when asked', async () => {
    const seen: { body: string; signature: string | undefined }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk));
      req.on('end', () => {
        seen.push({ body, signature: req.headers['sanity-webhook-signature'] as string | undefined });
        res.end('{}');
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const doc = { _id: 'article-x', _type: 'article' };
      await sendWebhook(`http://127.0.0.1:${port}`, 'a-secret', doc);
      await sendWebhook(`http://127.0.0.1:${port}`, 'a-secret', doc, { signWith: 'guessed' });
      await sendWebhook(`http://127.0.0.1:${port}`, 'a-secret', doc, { unsigned: true });
      expect(seen[0]!.body).toBe(JSON.stringify(doc));
      expect((await verifyWebhookSignature({ rawBody: seen[0]!.body, header: seen[0]!.signature, secret: 'a-secret' })).ok).toBe(true);
      expect((await verifyWebhookSignature({ rawBody: seen[1]!.body, header: seen[1]!.signature, secret: 'a-secret' })).ok).toBe(false);
      expect(seen[2]!.signature).toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe('eventually and pageShows', () => {
  it('eventually retries until the assertion passes, and returns its value', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      { what: 'the third call', interval: 1 },
    );
    expect([value, calls]).toEqual(['done', 3]);
  });

  it('eventually fails at its deadline naming what it waited for and the last failure', async () => {
    await expect(eventually(() => expect(1).toBe(2), { what: 'one to be two', timeout: 50, interval: 10 })).rejects.toThrow(
      /^one to be two: not within 50 ms \(\d+ attempts\); last failure: .*expected 1 to be 2/,
    );
  });

  it('reads the headline as a reader sees it, entities decoded once', () => {
    expect(headlineOf('<h1 class="x"><span>Fish &amp; Chips</span> &lt;b&gt; &quot;A&#x27;s&quot; &amp;lt;</h1><h1>second</h1>')).toBe(
      'Fish & Chips <b> "A\'s" &lt;',
    );
    expect(headlineOf('<h1>Marrowgate&#x2019;s &#8220;audit&#8221; &#x1f600;</h1>')).toBe('Marrowgate’s “audit” 😀');
    expect(headlineOf('<p>no headline</p>')).toBeUndefined();
  });

  it('pageShows polls a URL until it answers as expected, redirects not followed', async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls += 1;
      if (calls < 3) return res.writeHead(404).end('<h1>Not found</h1>');
      res.writeHead(308, { location: '/articles/new' }).end('<h1>Moved</h1>');
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const answer = await pageShows(`http://127.0.0.1:${port}/articles/old`, { status: 308, location: /\/articles\/new$/ });
      expect([answer.headline, calls]).toEqual(['Moved', 3]);
      await expect(pageShows(`http://127.0.0.1:${port}/articles/old`, { status: 200, headline: 'Moved' }, 300)).rejects.toThrow(/status 308, not 200/);
    } finally {
      server.close();
    }
  });
});

describe.runIf(requireTool('redis-server'))('startRedis', () => {
  it('starts a server on its own port, stops it (an outage) and restarts it on the same port', async () => {
    const redis = await startRedis();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      await redis.stop();
      await redis.restart();
      expect(redis.port).toBeGreaterThan(0);
    } finally {
      await redis.stop();
    }
  });
});
