import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSystemCacheWithEdgeKeys } from '../../lib/cache-handlers/file-system-handler.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function handler() {
  const dir = mkdtempSync(path.join(tmpdir(), 'nmn-fs-cache-'));
  dirs.push(dir);
  // The same context Next.js passes a custom cacheHandler.
  return new FileSystemCacheWithEdgeKeys({
    fs: nodeFs,
    serverDistDir: dir,
    flushToDisk: true,
    revalidatedTags: [],
    maxMemoryCacheSize: 0,
    dev: false,
    _requestHeaders: {},
  });
}

const page = (status: number) => ({
  kind: 'APP_PAGE' as const,
  html: '<h1>Story</h1>',
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': '_N_T_/layout,doc:article-a,slug:article:a' } as Record<string, string>,
  status,
  postponed: undefined,
  segmentData: undefined,
});
const setContext = { cacheControl: { revalidate: 60, expire: 600 }, isRoutePPREnabled: false, isFallback: false };
const getContext = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false } as never;

describe('the file-system page cache with edge keys', () => {
  it('sends the keys with a fresh render and keeps them for the cached copy', async () => {
    const cache = handler();
    const fresh = page(200);
    await cache.set('/articles/a', fresh as never, setContext as never);
    expect(fresh.headers['x-nmn-keys']).toBe('doc:article-a slug:article:a');
    const cached = await cache.get('/articles/a', getContext);
    expect((cached?.value as { headers: Record<string, string> }).headers['x-nmn-keys']).toBe('doc:article-a slug:article:a');
  });

  it("keeps no copy of a made-up URL's 404, but still gives its render the keys", async () => {
    const cache = handler();
    const notFound = page(404);
    await cache.set('/articles/made-up', notFound as never, setContext as never);
    expect(notFound.headers['x-nmn-keys']).toBe('doc:article-a slug:article:a');
    expect(await cache.get('/articles/made-up', getContext)).toBeNull();
  });
});
