import type { CacheEntry, CacheHandler } from 'next/dist/server/lib/cache-handlers/types';
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { areTagsExpired, areTagsStale } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { LRUCache } from 'next/dist/server/lib/lru-cache.js';
import { bytesOf, streamOf } from './stream-bytes.ts';

/*
 * The "use cache" handler of one instance without Redis: Next's own in-memory
 * handler, except for how it keeps a value. Next's copies each value with
 * Buffer.concat, which takes anything under half of `Buffer.poolSize` (64 KiB
 * on Node 24) as a slice of a shared pool slab, while its LRU counts only the
 * slice. A search's entry of a few hundred bytes thus kept a 64 KiB slab alive
 * (the rest of it other requests' bytes, long garbage): every distinct search
 * left ≈50 kB no collection freed, and 50 MB "by the count" meant gigabytes.
 * Here each value is copied into a Uint8Array of its own, exactly its size, so
 * the limit counts what is really kept. Freshness and tags follow Next's rules
 * (its shared tag manifest; `updateTags` and `getExpiration` are Next's own).
 */

/** Next's default `cacheMaxMemorySize`. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** What an entry costs besides its bytes, its key and its tags (metadata, LRU node, map slot): ≈1 kB measured. */
const ENTRY_OVERHEAD_BYTES = 1024;

type Stored = { entry: Omit<CacheEntry, 'value'>; value: Uint8Array; size: number };

const now = () => performance.timeOrigin + performance.now();

export function createMemoryUseCacheHandler(maxBytes = DEFAULT_MAX_BYTES): CacheHandler {
  // Next's handler keeps the tag manifest; its own store is never written to.
  const tags = createDefaultCacheHandler(maxBytes);
  const memory = new LRUCache<Stored>(maxBytes, (stored) => stored.size);
  // A read that races a write of the same key waits for it (the interface requires it).
  const pendingSets = new Map<string, Promise<void>>();

  return {
    async get(cacheKey) {
      await pendingSets.get(cacheKey);
      const stored = memory.get(cacheKey);
      if (!stored) return undefined;
      const { entry } = stored;
      // As Next's in production: an entry past its revalidate time is a miss, not served stale.
      if (entry.expire < 0 || now() > entry.timestamp + entry.revalidate * 1000) return undefined;
      if (areTagsExpired(entry.tags, entry.timestamp)) return undefined;
      const revalidate = areTagsStale(entry.tags, entry.timestamp) ? -1 : entry.revalidate;
      const value = stored.value;
      return {
        ...entry,
        revalidate,
        value: streamOf(value),
      };
    },

    async set(cacheKey, pendingEntry) {
      let done = () => {};
      pendingSets.set(cacheKey, new Promise<void>((resolve) => (done = resolve)));
      try {
        const { value: stream, ...entry } = await pendingEntry;
        // An `expire: 0` entry is dynamic: Next renders it again on every read, so none is kept.
        if (entry.expire === 0) return void (await stream.cancel());
        const value = await bytesOf(stream);
        const size = value.byteLength + cacheKey.length + entry.tags.join('').length + ENTRY_OVERHEAD_BYTES;
        memory.set(cacheKey, { entry, value, size });
      } catch {
        // A failed render or stream: nothing stored, the next read renders again.
      } finally {
        pendingSets.delete(cacheKey);
        done();
      }
    },

    refreshTags: () => tags.refreshTags(),
    getExpiration: (list) => tags.getExpiration(list),
    updateTags: (list, durations) => tags.updateTags(list, durations),
  };
}

// Next.js loads `cacheHandlers.default` by path and takes the module's default export.
const memoryUseCacheHandler: CacheHandler = createMemoryUseCacheHandler();
export default memoryUseCacheHandler;
