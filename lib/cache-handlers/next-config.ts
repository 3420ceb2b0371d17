import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

/*
 * The Next.js settings that put the page cache and the "use cache" cache in
 * Redis, for several instances behind one proxy (docs/scaling.md). Only with
 * `REDIS_URL`: without it Next's own file-system page cache and an in-memory
 * "use cache" serve one instance (memory-use-cache-handler.ts: Next's own
 * in-memory handler let each small entry pin a 64 kB buffer). Either way the
 * page cache writes each page's cache tags into the header the edge purges by
 * (edge-keys.ts).
 */
type RedisCacheConfig = Pick<NextConfig, 'cacheHandler' | 'cacheHandlers' | 'cacheMaxMemorySize'>;

const handlerPath = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function redisCacheConfig(redisUrl: string | undefined): RedisCacheConfig {
  if (!redisUrl?.trim()) {
    return { cacheHandler: handlerPath('./file-system-handler.ts'), cacheHandlers: { default: handlerPath('./memory-use-cache-handler.ts') } };
  }
  return {
    cacheHandler: handlerPath('./incremental-handler.ts'),
    cacheHandlers: { default: handlerPath('./use-cache-handler.ts') },
    // Each process's own memory cache would hide another instance's updates.
    cacheMaxMemorySize: 0,
  };
}
