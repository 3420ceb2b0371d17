import { createHash } from 'node:crypto';
import { isBuildPhase } from '../env.ts';
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
 * Redis answers first, being what every instance last read; the disk is the fallback.
 */

const TTL_SECONDS = 7 * 24 * 60 * 60;

/** The shape stale-if-error.ts takes as `shared` (JSON text by query key). */
export type LastGoodStore = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
};

export function redisLastGood(redis: RedisConnection, prefix: string): LastGoodStore {
  const keyOf = (key: string) => `${prefix}lastgood:${createHash('sha256').update(key).digest('base64url')}`;
  return {
    async get(key) {
      const text = await redis.run((client) => client.get(keyOf(key)), undefined);
      return typeof text === 'string' ? text : undefined;
    },
    async set(key, text) {
      await redis.run((client) => client.set(keyOf(key), text, { expiration: { type: 'EX', value: TTL_SECONDS } }), undefined);
    },
  };
}

export type LayeredOptions = {
  redis?: LastGoodStore;
  disk: DiskLastGood;
  log?: (message: string) => void;
};

/** Redis over the disk: reads ask Redis first, writes go to both. Never throws. */
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
      return shared ?? disk.get(key).catch(() => undefined);
    },
    async set(key, text) {
      await Promise.all([redis?.set(key, text).catch(() => undefined), disk.set(key, text).catch(diskFailed)]);
    },
  };
}

/** The process's store: the build folder's `last-good` folder, and Redis when REDIS_URL is set. */
export function durableLastGood(folder: string): LastGoodStore {
  const connection = sharedRedisConnection();
  return layeredLastGood({
    redis: connection ? redisLastGood(connection, redisKeyPrefix()) : undefined,
    disk: diskLastGood(folder, { building: isBuildPhase() }),
  });
}
