import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CacheHandler as IncrementalCacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import { preparePageEntry } from './page-entry.ts';
import { isUnknownUrlPage, NOT_FOUND_TTL_SECONDS } from './unknown-urls.ts';
import type { RedisConnection } from './redis-connection.ts';
import { fromCacheJson, toCacheJson } from './serialize.ts';
import { sharedRedisConnection, redisKeyPrefix } from './shared-connection.ts';
import { readTagStates, verdictFor, writeTagUpdates } from './tag-store.ts';

/*
 * Next's page cache (`cacheHandler`: ISR pages, route handlers) in Redis, so
 * every instance serves and regenerates the same entries. Tags live in the
 * shared hashes of tag-store.ts: a tag expired on instance A makes instance B's
 * next read a miss, which Next answers with a foreground render.
 *
 * Entries are scoped by build id: a new deploy never serves pages whose
 * scripts belong to the previous build. They expire from Redis with the route's
 * `expire` (Next never deletes them itself). If Redis is unreachable a read is
 * a miss and a write is dropped, so pages render fresh (see redis-connection.ts).
 */

type GetContext = Parameters<IncrementalCacheHandler['get']>[1];
type SetData = Parameters<IncrementalCacheHandler['set']>[1];
type SetContext = Parameters<IncrementalCacheHandler['set']>[2];
type Durations = { expire?: number };

type StoredEntry = {
  lastModified: number;
  value: CacheHandlerValue['value'];
  cacheControl?: CacheHandlerValue['cacheControl'];
  tags: string[];
};

const TAGS_HEADER = 'x-next-cache-tags';
// Entries without an `expire` (revalidate: false) still leave Redis eventually.
const DEFAULT_TTL_SECONDS = 60 * 60 * 24 * 30;

export type RedisIncrementalOptions = {
  redis: RedisConnection | undefined;
  prefix: string;
  buildId: () => string | undefined;
};

/** The tags an entry answers to: page tags from its header, fetch tags from the call. */
export function entryTags(value: CacheHandlerValue['value'], ctx?: { tags?: string[]; softTags?: string[] }): string[] {
  if (value && 'headers' in value && value.headers) {
    const header = value.headers[TAGS_HEADER];
    if (typeof header === 'string' && header !== '') return header.split(',');
  }
  return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

export class RedisIncrementalCache {
  readonly #options: RedisIncrementalOptions;

  constructor(options: RedisIncrementalOptions) {
    this.#options = options;
  }

  #key(cacheKey: string): string | undefined {
    const buildId = this.#options.buildId();
    return buildId ? `${this.#options.prefix}isr:${buildId}:${cacheKey}` : undefined;
  }

  async get(cacheKey: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const { redis } = this.#options;
    const key = this.#key(cacheKey);
    if (!redis || !key) return null;
    const text = await redis.run((client) => client.get(key), null);
    if (typeof text !== 'string') return null;
    let stored: StoredEntry;
    try {
      stored = fromCacheJson<StoredEntry>(text);
    } catch {
      return null;
    }
    const tags = [...new Set([...stored.tags, ...entryTags(null, ctx as { tags?: string[]; softTags?: string[] })])];
    const states = await readTagStates(redis, this.#options.prefix, tags);
    // Without the tag states the entry cannot be trusted: render fresh.
    if (!states) return null;
    const now = Date.now();
    const verdict = verdictFor(states, stored.lastModified, now);
    if (verdict === 'expired') return null;
    let lastModified = stored.lastModified;
    const revalidate = stored.cacheControl?.revalidate;
    if (verdict === 'stale' && typeof revalidate === 'number') {
      // Served once more and regenerated in the background: make it look just past its revalidate time.
      lastModified = Math.min(lastModified, now - revalidate * 1000 - 1);
    }
    // Entries written before page-entry.ts existed are prepared on the way out too.
    preparePageEntry(cacheKey, stored.value);
    return { lastModified, value: stored.value, cacheControl: stored.cacheControl };
  }

  async set(cacheKey: string, data: SetData, ctx: SetContext): Promise<void> {
    // First, even when Redis is off: the fresh render is sent from this same object.
    preparePageEntry(cacheKey, data);
    const { redis } = this.#options;
    const key = this.#key(cacheKey);
    if (!redis || !key) return;
    const cacheControl = 'cacheControl' in ctx ? ctx.cacheControl : undefined;
    const stored: StoredEntry = {
      lastModified: Date.now(),
      value: data,
      cacheControl,
      tags: entryTags(data, 'tags' in ctx ? { tags: ctx.tags } : undefined),
    };
    const expire = cacheControl?.expire;
    const lifetime = typeof expire === 'number' && expire > 0 ? Math.ceil(expire) : DEFAULT_TTL_SECONDS;
    // A made-up URL's 404 is kept briefly, so a flood of them cannot fill Redis (unknown-urls.ts).
    const ttl = isUnknownUrlPage(cacheKey, data) ? Math.min(lifetime, NOT_FOUND_TTL_SECONDS) : lifetime;
    const text = toCacheJson(stored);
    await redis.run((client) => client.set(key, text, { expiration: { type: 'EX', value: ttl } }), undefined);
  }

  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    const { redis } = this.#options;
    if (!redis) return;
    const list = typeof tags === 'string' ? [tags] : tags;
    const written = await writeTagUpdates(redis, this.#options.prefix, list, durations);
    if (!written)
      console.warn(`[cache] could not record the revalidation of ${list.join(', ')} in Redis; other instances keep their entries until they expire`);
  }

  resetRequestCache(): void {
    // Nothing is memoised per request: every read asks Redis.
  }
}

function buildIdReader(serverDistDir: string | undefined): () => string | undefined {
  let known: string | undefined;
  return () => {
    if (known || !serverDistDir) return known;
    try {
      known = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim() || undefined;
    } catch {
      // Not written yet early in `next build`: skip the cache until it is.
    }
    return known;
  };
}

/** The class Next.js instantiates for `cacheHandler` (it passes only its own context). */
export class RedisIncrementalCacheHandler extends RedisIncrementalCache {
  constructor(ctx: CacheHandlerContext) {
    super({ redis: sharedRedisConnection(), prefix: redisKeyPrefix(), buildId: buildIdReader(ctx.serverDistDir) });
  }
}

// Next.js loads `cacheHandler` by path and takes the module's default export.
export default RedisIncrementalCacheHandler;
