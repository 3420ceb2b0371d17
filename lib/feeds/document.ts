import type { RenderedBody } from '../http/cached-body.ts';
import { latestOf } from '../format/modified.ts';
import { site } from '../site.ts';
import { type FeedFormat, type FeedScope, feedPagePath, feedPath } from '../urls/paths.ts';
import { atomXml, jsonFeed, rssXml } from './build.ts';
import { type FeedArticle, type FeedChannel, toFeedItem } from './feed-item.ts';

/*
 * A whole feed response body, from what the feed reads (declared here, built
 * by lib/content/feed.ts). Pure: the cached getter calls it once per
 * revalidation and adds the validators (lib/http/cached-body.ts); tests call
 * it directly.
 */

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Who a scoped feed is about, as the channel names and describes it (the listing page's wording). */
export type FeedOwner = { kind: 'tag' | 'source'; slug: string; name: string; description: string };

/** What a feed reads: its owner (none for the site-wide feed) and its newest articles, newest first. */
export type FeedContent = { owner?: FeedOwner; articles: readonly FeedArticle[] };

function scopeOf(content: FeedContent): FeedScope {
  return content.owner ? { kind: content.owner.kind, slug: content.owner.slug } : { kind: 'site' };
}

function describe(content: FeedContent): { title: string; description: string } {
  const { owner } = content;
  if (!owner) return { title: site.name, description: site.description };
  return { title: `${owner.name} · ${site.name}`, description: owner.description };
}

export function feedDocument(format: FeedFormat, content: FeedContent, origin: string, hubUrl?: string): RenderedBody {
  const scope = scopeOf(content);
  const items = content.articles.map((article) => toFeedItem(article, origin));
  const updated = latestOf(items.map((item) => item.modified));
  const channel: FeedChannel = {
    ...describe(content),
    homeUrl: new URL(feedPagePath(scope), origin).href,
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
  return { body, contentType: FEED_CONTENT_TYPES[format], lastModified: updated };
}
