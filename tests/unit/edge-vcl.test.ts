import { request as httpRequest, createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnVarnish } from '../../scripts/edge/varnish.ts';
import { eventually } from '../helpers/eventually.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool } from '../helpers/tools.ts';

/*
 * deploy/varnish.vcl against a stand-in instance whose answers the test controls: what the
 * Playwright edge suite cannot provoke through a real site (an instance answering 500 while its
 * health probe passes, many browsers' Accept strings, a TLS terminator's hop in X-Forwarded-For).
 */
const hasVarnish = requireTool('varnishd');

type Answer = { status: number; headers?: Record<string, string>; body: string };
let answerPage: () => Answer = () => ({ status: 200, headers: { 'cache-control': 'public, s-maxage=1', 'x-nmn-keys': 'doc:x' }, body: 'the good page' });
/** The page under /published/: a minute's lifetime, so only a purge or a test's wait ends it. */
let published: { status: number; body: string; maxAge?: number } = { status: 200, body: 'version 1' };

function origin(): Server {
  return createServer((req, res) => {
    const reply = (answer: Answer) => (res.writeHead(answer.status, answer.headers), res.end(answer.body));
    if (req.url === '/robots.txt') return reply({ status: 200, body: 'ok' });
    if (req.url === '/xff') return reply({ status: 200, headers: { 'cache-control': 'no-store' }, body: String(req.headers['x-forwarded-for']) });
    if (req.url?.startsWith('/media/')) {
      return reply({ status: 200, headers: { 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept' }, body: `variant ${req.headers.accept}` });
    }
    if (req.url === '/never-good') return reply({ status: 500, body: 'stack trace' });
    if (req.url?.startsWith('/published/')) {
      const headers = { 'cache-control': `public, s-maxage=${published.maxAge ?? 60}`, 'x-nmn-keys': `doc:${req.url.slice('/published/'.length)}` };
      return reply({ status: published.status, headers: published.status === 200 ? headers : {}, body: published.body });
    }
    return reply(answerPage());
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}, localAddress?: string, method = 'GET') {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, localAddress, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.runIf(hasVarnish)('the edge VCL', () => {
  let server: Server;
  let edgePort = 0;
  let stop = () => undefined as unknown;

  beforeAll(async () => {
    const originPort = await freePort();
    edgePort = await freePort();
    server = origin().listen(originPort, '127.0.0.1');
    const { child } = spawnVarnish({ port: edgePort, origins: [{ host: '127.0.0.1', port: originPort }] }, 'pipe');
    stop = () => child.kill('SIGTERM');
    await eventually(
      async () => {
        if ((await get(edgePort, '/robots.txt')).status !== 200) throw new Error('no healthy origin yet');
      },
      { what: 'varnishd answering through its origin', timeout: 15_000, interval: 200 },
    );
  }, 20_000);

  afterAll(() => {
    stop();
    server?.close();
  });

  it('serves the stale copy when the instance answers 500 past the short grace, and 503 with Retry-After when it has none', async () => {
    expect((await get(edgePort, '/story')).body).toBe('the good page');
    answerPage = () => ({ status: 500, body: 'stack trace' });
    // Read until the copy is past its lifetime (1 s) and the 10 s served while a healthy instance
    // refreshes it, as its Age says: from then on the edge asks the instance first, gets the 500,
    // and falls back to the copy. Every read on the way, in grace or past it, is the good page.
    const reads: Awaited<ReturnType<typeof get>>[] = [];
    await eventually(
      async () => {
        const answer = await get(edgePort, '/story');
        reads.push(answer);
        if (!(Number(answer.headers.age) >= 12)) throw new Error(`the copy's Age is ${String(answer.headers.age)}`);
      },
      { what: 'a read of the copy past its lifetime and grace', timeout: 25_000, interval: 500 },
    );
    expect(reads.map((answer) => `${answer.status} ${answer.body}`)).toEqual(reads.map(() => '200 the good page'));

    const none = await get(edgePort, '/never-good');
    expect(none.status).toBe(503);
    expect(none.headers['retry-after']).toBe('10');
    expect(none.body).not.toContain('stack trace');
  }, 30_000);

  it('keeps three /media variants, not one per Accept string', async () => {
    const chrome = await get(edgePort, '/media/a.png', { accept: 'image/avif,image/webp,image/apng,*/*;q=0.8' });
    expect(chrome.body).toBe('variant image/avif');
    const other = await get(edgePort, '/media/a.png', { accept: 'image/avif,image/webp,*/*' });
    expect(other.headers['x-cache']).toBe('HIT');
    expect((await get(edgePort, '/media/a.png', { accept: 'image/webp,*/*' })).body).toBe('variant image/webp');
    expect((await get(edgePort, '/media/a.png', { accept: '*/*' })).body).toBe('variant undefined');
  });

  it("drops a trusted hop from X-Forwarded-For, so the instances see the reader's address", async () => {
    expect((await get(edgePort, '/xff', { 'x-forwarded-for': '203.0.113.9' })).body).toBe('203.0.113.9');
    // From an untrusted address nothing is dropped: a reader cannot pick the address it is counted as.
    expect((await get(edgePort, '/xff', { 'x-forwarded-for': '203.0.113.9' }, '127.0.0.2')).body).toBe('203.0.113.9, 127.0.0.2');
  });

  it('after a purge the next reader gets the new page at once, never the purged copy, while the instance answers', async () => {
    published = { status: 200, body: 'version 1' };
    expect((await get(edgePort, '/published/a')).body).toBe('version 1');
    expect((await get(edgePort, '/published/a')).headers['x-cache']).toBe('HIT');
    published = { status: 200, body: 'version 2' };
    const purge = await get(edgePort, '/', { 'xkey-purge': 'doc:a' }, undefined, 'PURGE');
    expect(purge.body).toMatch(/"purged": 1/);
    // The first read after the purge, not one after a background refresh.
    expect((await get(edgePort, '/published/a')).body).toBe('version 2');
    expect((await get(edgePort, '/published/a')).headers['x-cache']).toBe('HIT');
    // A reader cannot ask for the edge's own refetch: the copy is served from cache.
    expect((await get(edgePort, '/published/a', { 'x-nmn-purged': '1' })).headers['x-cache']).toBe('HIT');
  });

  it('a purged copy is the last good page when the instance then errs', async () => {
    published = { status: 200, body: 'before the outage' };
    expect((await get(edgePort, '/published/b')).body).toBe('before the outage');
    await get(edgePort, '/', { 'xkey-purge': 'doc:b' }, undefined, 'PURGE');
    published = { status: 500, body: 'stack trace' };
    for (const read of [1, 2, 3]) {
      const answer = await get(edgePort, '/published/b');
      expect(`${answer.status} ${answer.body}`, `read ${read}`).toBe('200 before the outage');
    }
  });

  it('a copy that merely expired is still served while it is refreshed in the background', async () => {
    published = { status: 200, body: 'version 1', maxAge: 1 };
    expect((await get(edgePort, '/published/c')).body).toBe('version 1');
    published = { status: 200, body: 'version 2', maxAge: 1 };
    // The first read past its one-second lifetime (Age ≥ 1) comes from grace; a purged copy would not.
    const past = await eventually(
      async () => {
        const answer = await get(edgePort, '/published/c');
        if (!(Number(answer.headers.age) >= 1)) throw new Error(`Age ${String(answer.headers.age)}`);
        return answer;
      },
      { what: 'a read of the copy past its lifetime', timeout: 5_000, interval: 100 },
    );
    expect(past.body).toBe('version 1');
    await eventually(
      async () => {
        if ((await get(edgePort, '/published/c')).body !== 'version 2') throw new Error('not refreshed yet');
      },
      { what: 'the background refresh', timeout: 5_000, interval: 100 },
    );
  });
});
