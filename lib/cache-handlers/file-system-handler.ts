import type { CacheHandler as IncrementalCacheHandler, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import * as fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { preparePageEntry } from './page-entry.ts';
import { isUnknownUrlPage } from './unknown-urls.ts';

/*
 * Next's own file-system page cache (one instance, no REDIS_URL), plus what
 * page-entry.ts does to every entry it stores or serves (edge keys, reader
 * pages without the framework's scripts, the ETag): on `set` for a render, on
 * `get` for the build's prerendered files. 404 pages of made-up URLs are not
 * kept (unknown-urls.ts). Behaviour is otherwise Next's.
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
    if (entry) preparePageEntry(args[0], entry.value);
    return entry;
  }

  override async set(...[key, data, ctx]: SetArgs): Promise<void> {
    preparePageEntry(key, data);
    // Not written to disk: made-up URLs would each leave a file (unknown-urls.ts).
    if (isUnknownUrlPage(key, data)) return;
    return super.set(key, data, ctx as Parameters<InstanceType<FileSystemCacheClass>['set']>[2]);
  }
}

// Next.js loads `cacheHandler` by path and takes the module's default export.
export default FileSystemCacheWithEdgeKeys;
