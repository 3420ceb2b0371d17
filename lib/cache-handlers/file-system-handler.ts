import type { CacheHandler as IncrementalCacheHandler, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { addEdgeKeys } from './edge-keys.ts';
import { isUnknownUrlPage } from './unknown-urls.ts';

/*
 * Next's own file-system page cache (one instance, no REDIS_URL), plus the
 * edge keys: every page it stores or serves carries its cache tags in the
 * header the edge indexes (edge-keys.ts); and 404 pages of made-up URLs are
 * not kept (unknown-urls.ts). Behaviour is otherwise Next's.
 */

type SetArgs = Parameters<IncrementalCacheHandler['set']>;
type GetArgs = Parameters<IncrementalCacheHandler['get']>;

export class FileSystemCacheWithEdgeKeys extends FileSystemCache {
  override async get(...args: GetArgs): Promise<CacheHandlerValue | null> {
    const entry = await super.get(...args);
    if (entry) addEdgeKeys(entry.value);
    return entry;
  }

  override async set(...[key, data, ctx]: SetArgs): Promise<void> {
    addEdgeKeys(data);
    // Not written to disk: made-up URLs would each leave a file (unknown-urls.ts).
    if (isUnknownUrlPage(key, data)) return;
    return super.set(key, data, ctx as Parameters<FileSystemCache['set']>[2]);
  }
}

// Next.js loads `cacheHandler` by path and takes the module's default export.
export default FileSystemCacheWithEdgeKeys;
