import type { CacheEntry, CacheHandler } from 'next/dist/server/lib/cache-handlers/types';
import type { RedisConnection } from './redis-connection.ts';
import { fromCacheJson, toCacheJson } from './serialize.ts';
import { redisKeyPrefix, sharedRedisConnection } from './shared-connection.ts';
import { readTagStates, verdictFor, writeTagUpdates, type Durations } from './tag-store.ts';
import { bytesOf, streamOf } from './stream-bytes.ts';

/*
 * The "use cache" handler (`cacheHandlers.default`) in Redis, so every
 * instance shares the content getters' cached results and their tags.
 * Next's keys for these entries already contain the build id.
 *
 * Tags: `updateTags` writes the shared hashes (tag-store.ts); `get` checks an
 * entry's own tags there (expired → miss, stale → served once with
 * `revalidate: -1` and refreshed in the background); `getExpiration` answers
 * for a request's implicit (path) tags. Redis is the source of truth on every
 * read, so `refreshTags` has nothing to sync.
 */

type StoredEntry = Omit<CacheEntry, 'value'> & { value: Buffer };

// Entries are kept until their `expire`; a cap keeps a typo'd cacheLife from living forever.
const MAX_TTL_SECONDS = 60 * 60 * 24 * 365;

export type RedisUseCacheOptions = {
  redis: RedisConnection | undefined;
  prefix: string;
  /** The production rule of Next's own handler: an `expire: 0` entry is never served back. */
  skipDynamicEntries?: boolean;
};

export function createRedisUseCacheHandler(options: RedisUseCacheOptions): CacheHandler {
  const { redis, prefix } = options;
  const skipDynamic = options.skipDynamicEntries ?? true;
  // A read that races a write of the same key waits for it (the interface requires it).
  const pendingSets = new Map<string, Promise<void>>();
  const key = (cacheKey: string) => `${prefix}uc:${cacheKey}`;

  return {
    async get(cacheKey) {
      await pendingSets.get(cacheKey);
      if (!redis) return undefined;
      const text = await redis.run((client) => client.get(key(cacheKey)), null);
      if (typeof text !== 'string') return undefined;
      let stored: StoredEntry;
      try {
        stored = fromCacheJson<StoredEntry>(text);
      } catch {
        return undefined;
      }
      const states = await readTagStates(redis, prefix, stored.tags);
      if (!states) return undefined;
      const verdict = verdictFor(states, stored.timestamp, Date.now());
      if (verdict === 'expired') return undefined;
      return {
        ...stored,
        revalidate: verdict === 'stale' ? -1 : stored.revalidate,
        value: streamOf(stored.value),
      };
    },

    async set(cacheKey, pendingEntry) {
      let done = () => {};
      pendingSets.set(cacheKey, new Promise<void>((resolve) => (done = resolve)));
      try {
        const entry = await pendingEntry;
        // The stream must be consumed either way; an errored stream is a partial value: keep nothing.
        const bytes = Buffer.from(await bytesOf(entry.value));
        if (!redis || (skipDynamic && entry.expire === 0)) return;
        const stored: StoredEntry = {
          tags: entry.tags,
          stale: entry.stale,
          timestamp: entry.timestamp,
          expire: entry.expire,
          revalidate: entry.revalidate,
          value: bytes,
        };
        const text = toCacheJson(stored);
        const ttl = Math.max(1, Math.min(Math.ceil(entry.expire), MAX_TTL_SECONDS));
        await redis.run((client) => client.set(key(cacheKey), text, { expiration: { type: 'EX', value: ttl } }), undefined);
      } catch {
        // A failed render or stream: nothing stored, the next read renders again.
      } finally {
        pendingSets.delete(cacheKey);
        done();
      }
    },

    async refreshTags() {
      // Every read consults Redis directly.
    },

    async getExpiration(tags) {
      if (!redis) return 0;
      const states = await readTagStates(redis, prefix, tags);
      if (!states) return 0;
      const now = Date.now();
      // An expiry scheduled for later (a profile's `expire`) is not in force yet.
      return Math.max(0, ...states.map((state) => (state.expired !== undefined && state.expired <= now ? state.expired : 0)));
    },

    async updateTags(tags, durations?: Durations) {
      if (!redis) return;
      const written = await writeTagUpdates(redis, prefix, tags, durations);
      if (!written)
        console.warn(`[cache] could not record the revalidation of ${tags.join(', ')} in Redis; other instances keep their entries until they expire`);
    },
  };
}

// Next.js loads `cacheHandlers.default` by path and takes the module's default export.
const redisUseCacheHandler: CacheHandler = createRedisUseCacheHandler({ redis: sharedRedisConnection(), prefix: redisKeyPrefix() });
export default redisUseCacheHandler;
