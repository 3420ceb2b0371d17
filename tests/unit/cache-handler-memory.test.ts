import type { CacheEntry, CacheHandler } from 'next/dist/server/lib/cache-handlers/types';
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryUseCacheHandler } from '../../lib/cache-handlers/memory-use-cache-handler.ts';

/*
 * The in-memory "use cache" handler of one instance without Redis. Next's own
 * kept each small value as a slice of Node's 64 KiB buffer pool and counted
 * only the slice: every distinct search pinned a slab the size limit never saw.
 */

const now = () => performance.timeOrigin + performance.now();
let serial = 0;
const unique = (name: string) => `${name}-${process.pid}-${++serial}`;

function entry(bytes: Uint8Array, fields: Partial<Omit<CacheEntry, 'value'>> = {}): CacheEntry {
  return {
    value: new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
    tags: [],
    stale: 300,
    timestamp: now(),
    revalidate: 60,
    expire: 3600,
    ...fields,
  };
}

/** The bytes an entry hands back: the handler enqueues the stored bytes as one chunk. */
async function bytesIn(found: CacheEntry | undefined): Promise<Uint8Array | undefined> {
  if (!found) return undefined;
  return (await found.value.getReader().read()).value;
}

const bytesOf = async (handler: CacheHandler, key: string) => bytesIn(await handler.get(key, []));
const textIn = async (found: CacheEntry | undefined) => new TextDecoder().decode(await bytesIn(found));

/** A render's other small allocations, which share Node's pool with whatever the handler copies. */
const otherAllocations = () => Buffer.allocUnsafe(3000).fill(1);

/** Stores `count` distinct 1 kB values as a busy server would, then adds up the memory the retrievable ones keep alive. */
async function retainedAfter(handler: CacheHandler, count: number) {
  const keys = Array.from({ length: count }, (_, i) => `search-${i}`);
  for (const key of keys) {
    otherAllocations();
    await handler.set(key, Promise.resolve(entry(new Uint8Array(1000).fill(7))));
    otherAllocations();
  }
  const backing = new Set<ArrayBufferLike>();
  let kept = 0;
  for (const key of keys) {
    const bytes = await bytesOf(handler, key);
    if (!bytes) continue;
    kept++;
    backing.add(bytes.buffer);
  }
  const retained = [...backing].reduce((sum, buffer) => sum + buffer.byteLength, 0);
  return { kept, retained, first: await bytesOf(handler, keys[0]!), last: await bytesOf(handler, keys.at(-1)!) };
}

describe('the in-memory "use cache" handler', () => {
  it('keeps each value in memory of its own, exactly its size, and hands the bytes back', async () => {
    const handler = createMemoryUseCacheHandler();
    otherAllocations();
    await handler.set('a', Promise.resolve(entry(new TextEncoder().encode('search results'))));
    const bytes = await bytesOf(handler, 'a');
    expect(new TextDecoder().decode(bytes)).toBe('search results');
    expect(bytes!.buffer.byteLength).toBe(bytes!.byteLength);
  });

  it('keeps no more memory than its limit, however many distinct entries arrive', async () => {
    const limit = 256 * 1024;
    const { kept, retained, first, last } = await retainedAfter(createMemoryUseCacheHandler(limit), 2000);
    expect(retained).toBeLessThanOrEqual(limit);
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(2000);
    expect(first).toBeUndefined();
    expect(last).toEqual(new Uint8Array(1000).fill(7));
  });

  it("shows why: Next's own handler, with the same limit, keeps several times more than it counts", async () => {
    const limit = 256 * 1024;
    const { retained } = await retainedAfter(createDefaultCacheHandler(limit), 2000);
    // If this fails, Next copies values into memory of their own now, and its handler could serve again.
    expect(retained).toBeGreaterThan(2 * limit);
  });

  it('treats an entry past its revalidate time as a miss, and keeps no dynamic (expire 0) entry', async () => {
    const handler = createMemoryUseCacheHandler();
    await handler.set('old', Promise.resolve(entry(new Uint8Array(10), { timestamp: now() - 61_000, revalidate: 60 })));
    await handler.set('dynamic', Promise.resolve(entry(new Uint8Array(10), { expire: 0 })));
    await handler.set('fresh', Promise.resolve(entry(new TextEncoder().encode('fresh'))));
    expect(await handler.get('old', [])).toBeUndefined();
    expect(await handler.get('dynamic', [])).toBeUndefined();
    expect(await textIn(await handler.get('fresh', []))).toBe('fresh');
  });

  afterEach(() => vi.useRealTimers());

  it('follows tag updates: expired is a miss, stale is served once with revalidate -1', async () => {
    // Next rounds a tag's expiry to the millisecond, which can be a moment ahead of the clock: step past it.
    vi.useFakeTimers({ toFake: ['performance'] });
    const handler = createMemoryUseCacheHandler();
    const [expiredTag, staleTag] = [unique('list:article'), unique('doc:a')];
    const before = now() - 10;
    await handler.set('expired', Promise.resolve(entry(new Uint8Array(10), { tags: [expiredTag], timestamp: before })));
    await handler.set('stale', Promise.resolve(entry(new Uint8Array(10), { tags: [staleTag], timestamp: before })));
    await handler.updateTags([expiredTag], { expire: 0 });
    await handler.updateTags([staleTag], { expire: 3600 });
    vi.advanceTimersByTime(5);
    expect(await handler.get('expired', [])).toBeUndefined();
    expect((await handler.get('stale', []))?.revalidate).toBe(-1);
    expect(await handler.getExpiration([expiredTag])).toBeGreaterThan(before);
  });

  it('makes a read wait for a write of the same key in progress', async () => {
    const handler = createMemoryUseCacheHandler();
    let finish: (value: CacheEntry) => void = () => {};
    const writing = handler.set('racing', new Promise<CacheEntry>((resolve) => (finish = resolve)));
    const reading = handler.get('racing', []);
    finish(entry(new TextEncoder().encode('done')));
    await writing;
    expect(await textIn(await reading)).toBe('done');
  });
});

describe('next.config without REDIS_URL', () => {
  it('puts "use cache" in this handler, not in Next’s own', async () => {
    const { redisCacheConfig } = await import('@/lib/cache-handlers/next-config');
    expect(redisCacheConfig(undefined).cacheHandlers?.default).toMatch(/lib\/cache-handlers\/memory-use-cache-handler\.ts$/);
    expect(redisCacheConfig('redis://127.0.0.1:6379').cacheHandlers?.default).toMatch(/lib\/cache-handlers\/use-cache-handler\.ts$/);
  });
});
