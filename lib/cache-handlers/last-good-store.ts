import { createHash } from 'node:crypto';
import { diskLastGood, type DiskLastGood } from './last-good-disk.ts';
import type { RedisConnection } from './redis-connection.ts';
import { redisKeyPrefix, sharedRedisConnection } from './shared-connection.ts';

/*
 * Where the content source's last good results (lib/content/sources/stale-if-error.ts)
 * outlive the process that fetched them:
 * - on disk in the build folder (last-good-disk.ts), seeded by `next build`, so a server
 *   started from a fresh build, or restarted, still has what the build rendered;
 * - with REDIS_URL also in Redis, shared by every instance: the one that re-renders an
 *   expired page has often never run its queries itself (another rendered the cached copy).
 *   Kept a week, written only when a result changed; Redis's maxmemory policy bounds the rest
 *   (docs/scaling.md).
 * Redis answers first; the build's copy on disk is the fallback. An empty answer (a deleted or
 * unpublished document) removes the result from both, and Redis keeps a marker that it is gone,
 * so another instance's copy of the build's seed cannot bring a taken-down article back.
 */

const TTL_SECONDS = 7 * 24 * 60 * 60;
/** In Redis in place of a result that is gone; never a result's JSON text. */
const GONE = '';

/** The shape stale-if-error.ts takes as `shared` (JSON text by query key). */
export type LastGoodStore = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
  delete(key: string): Promise<void>;
};

/** Redis's part: a result, `null` for one known to be gone, undefined when Redis knows nothing. */
export type RedisLastGood = {
  get(key: string): Promise<string | null | undefined>;
  set(key: string, text: string): Promise<void>;
  /** Marks the result gone: always when `known` (a copy existed elsewhere), else only over one Redis holds. */
  forget(key: string, known: boolean): Promise<void>;
};

export function redisLastGood(redis: RedisConnection, prefix: string): RedisLastGood {
  const keyOf = (key: string) => `${prefix}lastgood:${createHash('sha256').update(key).digest('base64url')}`;
  const expiration = { type: 'EX', value: TTL_SECONDS } as const;
  return {
    async get(key) {
      const text = await redis.run((client) => client.get(keyOf(key)), undefined);
      if (typeof text !== 'string') return undefined;
      return text === GONE ? null : text;
    },
    async set(key, text) {
      await redis.run((client) => client.set(keyOf(key), text, { expiration }), undefined);
    },
    async forget(key, known) {
      // Unconditionally only when something existed: a marker for every search that found nothing would fill Redis.
      await redis.run((client) => client.set(keyOf(key), GONE, known ? { expiration } : { expiration, condition: 'XX' }), undefined);
    },
  };
}

export type LayeredOptions = {
  redis?: RedisLastGood;
  disk: DiskLastGood;
  log?: (message: string) => void;
};

/** Redis over the disk: reads ask Redis first, writes and removals go to both. Never throws. */
export function layeredLastGood({ redis, disk, log = (message) => console.warn(message) }: LayeredOptions): LastGoodStore {
  let diskFailureLogged = false;
  const diskFailed = (error: unknown) => {
    // Once: a read-only build folder fails every write the same way.
    if (!diskFailureLogged) log(`[content] cannot keep last good results on disk (${(error as Error).message}); they last only as long as this process`);
    diskFailureLogged = true;
  };
  return {
    async get(key) {
      const shared = await redis?.get(key).catch(() => undefined);
      if (shared === null) return undefined;
      if (shared !== undefined) return shared;
      return disk.get(key).catch(() => undefined);
    },
    async set(key, text) {
      await Promise.all([redis?.set(key, text).catch(() => undefined), disk.set(key, text).catch(diskFailed)]);
    },
    async delete(key) {
      const existed = await disk.delete(key).catch((error: unknown) => (diskFailed(error), true));
      await redis?.forget(key, existed).catch(() => undefined);
    },
  };
}

/** The process's store: the build folder's `last-good` folder, and Redis when REDIS_URL is set. */
export function durableLastGood(folder: string): LastGoodStore {
  const connection = sharedRedisConnection();
  return layeredLastGood({
    redis: connection ? redisLastGood(connection, redisKeyPrefix()) : undefined,
    // `next build` ends its workers right after the last page: its writes must be done by then.
    disk: diskLastGood(folder, { sync: process.env.NEXT_PHASE === 'phase-production-build' }),
  });
}
