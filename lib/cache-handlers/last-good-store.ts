import { createHash } from 'node:crypto';
import { redisKeyPrefix, sharedRedisConnection } from './shared-connection.ts';

/*
 * The content source's last good results (lib/content/sources/stale-if-error.ts),
 * shared by every instance through the cache's Redis. With several instances the
 * one that re-renders an expired page has often never run its queries itself
 * (another instance rendered it and stored it in Redis), so its own memory has
 * nothing to fall back on; this has. Kept a week, written only when a result
 * changed; Redis's maxmemory policy bounds the rest (docs/scaling.md).
 * Undefined without REDIS_URL: one instance's own memory is enough.
 */

const TTL_SECONDS = 7 * 24 * 60 * 60;

/** The shape stale-if-error.ts takes as `shared` (JSON text by query key). */
export type LastGoodStore = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
  delete(key: string): Promise<void>;
};

export function redisLastGood(): LastGoodStore | undefined {
  const redis = sharedRedisConnection();
  if (!redis) return undefined;
  const prefix = `${redisKeyPrefix()}lastgood:`;
  const keyOf = (key: string) => prefix + createHash('sha256').update(key).digest('base64url');
  return {
    async get(key) {
      const text = await redis.run((client) => client.get(keyOf(key)), null);
      return typeof text === 'string' ? text : undefined;
    },
    async set(key, text) {
      await redis.run((client) => client.set(keyOf(key), text, { expiration: { type: 'EX', value: TTL_SECONDS } }), undefined);
    },
    async delete(key) {
      await redis.run((client) => client.del(keyOf(key)), undefined);
    },
  };
}
