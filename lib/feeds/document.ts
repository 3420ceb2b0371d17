import type { FeedContent, FeedScope } from '../content/feed.ts';
import { etagOf, type CachedBody } from '../http/conditional.ts';
import { latestOf } from '../seo/modified.ts';
import { site } from '../site.ts';
import { contentPath, feedPaths, listingFeedPath } from '../urls/paths.ts';
import { atomXml, jsonFeed, rssXml } from './build.ts';
import { type FeedChannel, toFeedItem } from './feed-item.ts';

/*
 * A whole feed response body with its validators, from content. Pure: the
 * cached getter (lib/content/feed.ts) calls it once per revalidation, and
 * tests call it directly.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Where a feed lives. Tag and source feeds exist in RSS only. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  return scope.kind === 'site' ? feedPaths[format] : listingFeedPath(`${scope.kind}s`, scope.slug);
}

function pagePath(scope: FeedScope): string {
  return scope.kind === 'site' ? '/' : contentPath(`${scope.kind}s`, scope.slug);
}

function scopeOf(content: FeedContent): FeedScope {
  return content.owner ? { kind: content.owner.kind, slug: content.owner.slug } : { kind: 'site' };
}

function describe(content: FeedContent): { title: string; description: string } {
  const { owner } = content;
  if (!owner) return { title: site.name, description: site.description };
  return { title: `${owner.name} · ${site.name}`, description: owner.description };
}

export function feedDocument(format: FeedFormat, content: FeedContent, origin: string, hubUrl?: string): CachedBody {
  const scope = scopeOf(content);
  const items = content.articles.map((article) => toFeedItem(article, origin));
  const updated = latestOf(items.map((item) => item.modified));
  const channel: FeedChannel = {
    ...describe(content),
    homeUrl: new URL(pagePath(scope), origin).href,
    feedUrl: new URL(feedPath(scope, format), origin).href,
    language: site.language,
    logoUrl: new URL(site.logoPath, origin).href,
    updated,
    hubUrl,
  };
  const body =
    format === 'rss'
      ? rssXml(channel, items)
      : format === 'atom'
        ? atomXml(channel, items)
        : jsonFeed(channel, items, { name: site.name, url: new URL('/', origin).href });
  return { body, contentType: FEED_CONTENT_TYPES[format], etag: etagOf(body), lastModified: updated };
}
