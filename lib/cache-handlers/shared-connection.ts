import { redisCacheEnv } from '../env.ts';
import { createRedisConnection, type RedisConnection } from './redis-connection.ts';

/*
 * The handlers are loaded by Next.js from their file path, outside the app's
 * bundle and without options, so they take their variables from
 * lib/env.ts's redisCacheEnv() (which reads only those, never the whole
 * server schema). next.config.ts only registers them when REDIS_URL is set.
 */

export function redisKeyPrefix(): string {
  return redisCacheEnv().keyPrefix;
}

const SHARED = Symbol.for('nextminutenews.redis-cache-connection');
type WithShared = typeof globalThis & { [SHARED]?: RedisConnection };

/** One connection per process even if Next loads the two handler files separately. */
export function sharedRedisConnection(): RedisConnection | undefined {
  const { url } = redisCacheEnv();
  if (!url) return undefined;
  const holder = globalThis as WithShared;
  holder[SHARED] ??= createRedisConnection({ url });
  return holder[SHARED];
}
