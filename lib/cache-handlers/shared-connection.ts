import { createRedisConnection, type RedisConnection } from './redis-connection.ts';

/*
 * The handlers are loaded by Next.js from their file path, outside the app's
 * bundle and without options, so this is where they read their environment
 * (lib/env.ts is the app's door; this module must run without it).
 * `REDIS_URL` turns them on (next.config.ts only registers them when it is set);
 * `REDIS_KEY_PREFIX` lets several sites share one Redis.
 */

export function redisKeyPrefix(): string {
  return process.env.REDIS_KEY_PREFIX?.trim() || 'nmn:';
}

const SHARED = Symbol.for('nextminutenews.redis-cache-connection');
type WithShared = typeof globalThis & { [SHARED]?: RedisConnection };

/** One connection per process even if Next loads the two handler files separately. */
export function sharedRedisConnection(): RedisConnection | undefined {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return undefined;
  const holder = globalThis as WithShared;
  holder[SHARED] ??= createRedisConnection({ url });
  return holder[SHARED];
}
