import { cacheLife } from 'next/cache';
import { listTag, slugTag } from '../content/cache-tags.ts';
import { type FeedScope, loadFeedContent } from '../content/feed.ts';
import { tagWithResult } from '../content/index.ts';
import { contentSource } from '../content/sources/index.ts';
import { serverEnv } from '../env.ts';
import type { CachedBody } from '../http/conditional.ts';
import { site } from '../site.ts';
import { type FeedFormat, feedDocument } from './document.ts';

/**
 * A feed's body, ETag and Last-Modified, built once per revalidation and
 * tagged like the pages (`list:article`, the slug looked up, every `doc:` id),
 * so a publish webhook refreshes it. Route handlers read request headers and
 * so run per request; all they do per request is compare validators.
 * Null when the tag or source does not exist.
 */
export async function getFeedDocument(format: FeedFormat, scope: FeedScope): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadFeedContent(contentSource(), scope, site.feedSize);
  tagWithResult([listTag('article'), ...(scope.kind === 'site' ? [] : [slugTag(scope.kind, scope.slug)])], raw);
  return value ? feedDocument(format, value, serverEnv().SITE_URL) : null;
}
