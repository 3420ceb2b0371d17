import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

/*
 * The Next.js settings that put the page cache and the "use cache" cache in
 * Redis, for several instances behind one proxy (docs/scaling.md). Only with
 * `REDIS_URL`: without it the config is unchanged (file-system ISR and
 * in-memory "use cache", one instance).
 */
type RedisCacheConfig = Pick<NextConfig, 'cacheHandler' | 'cacheHandlers' | 'cacheMaxMemorySize'>;

const handlerPath = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function redisCacheConfig(redisUrl: string | undefined): RedisCacheConfig {
  if (!redisUrl?.trim()) return {};
  return {
    cacheHandler: handlerPath('./incremental-handler.ts'),
    cacheHandlers: { default: handlerPath('./use-cache-handler.ts') },
    // Each process's own memory cache would hide another instance's updates.
    cacheMaxMemorySize: 0,
  };
}
