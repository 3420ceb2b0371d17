import type { CacheHandler as IncrementalCacheHandler, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import * as fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { addEdgeKeys } from './edge-keys.ts';
import { isUnknownUrlPage } from './unknown-urls.ts';

/*
 * Next's own file-system page cache (one instance, no REDIS_URL), plus the
 * edge keys: every page it stores or serves carries its cache tags in the
 * header the edge indexes (edge-keys.ts); and 404 pages of made-up URLs are
 * not kept (unknown-urls.ts). Behaviour is otherwise Next's.
 */

type FileSystemCacheClass = typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
type SetArgs = Parameters<IncrementalCacheHandler['set']>;
type GetArgs = Parameters<IncrementalCacheHandler['get']>;

/**
 * The class behind Next's CommonJS module: Turbopack's bundle, Node and vitest
 * each wrap `module.exports` differently (a default import was the exports
 * object in the build, not the class), so unwrap until it is a class.
 */
function classOf(module: unknown): FileSystemCacheClass {
  let current = module;
  for (let depth = 0; typeof current !== 'function' && depth < 3; depth++) {
    current = typeof current === 'object' && current !== null ? (current as { default?: unknown }).default : undefined;
  }
  if (typeof current !== 'function')
    throw new Error("Next's FileSystemCache class was not found in next/dist/server/lib/incremental-cache/file-system-cache.js");
  return current as FileSystemCacheClass;
}

const FileSystemCache = classOf(fileSystemCacheModule);

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
    return super.set(key, data, ctx as Parameters<InstanceType<FileSystemCacheClass>['set']>[2]);
  }
}

// Next.js loads `cacheHandler` by path and takes the module's default export.
export default FileSystemCacheWithEdgeKeys;
