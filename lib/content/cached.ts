import { cacheLife, cacheTag } from 'next/cache.js';
import { tagsForResult } from './cache-tags.ts';

/*
 * Shared by every feature's "use cache" getter. Getters take cacheLife and
 * cacheTag from here: the `.js` specifier lets Node scripts (the bench, the
 * CLI) import a feature module for its pure loader, where the bare
 * `next/cache` does not resolve.
 */

export { cacheLife, cacheTag };

const REFERENCED = ['tag', 'source', 'author'];

/**
 * Tag the entry with what it read: the base tags plus every `_id` in the raw
 * result, so the publish webhook expires exactly the pages a change touches
 * (docs/decisions/0001-caching.md).
 */
export function tagWithResult(base: string[], raw: unknown, fallbackTypes: string[] = REFERENCED): string[] {
  const tags = tagsForResult(base, raw, fallbackTypes);
  cacheTag(...tags);
  // Returned for route handlers, which hand them to the edge themselves (edge-keys.ts).
  return tags;
}
