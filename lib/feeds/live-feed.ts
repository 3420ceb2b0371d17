import type { RenderedBody } from '../http/cached-body.ts';
import { site } from '../site.ts';
import { articlePath, liveFeedPath } from '../urls/paths.ts';
import { rssXml } from './build.ts';
import type { FeedChannel, FeedItem } from './feed-item.ts';
import { FEED_CONTENT_TYPES } from './document.ts';

/*
 * A live blog's own RSS feed (/articles/<slug>/feed.xml): its updates newest
 * first, each an item linking to the update's anchor on the page that holds
 * it. Pure, like the site feeds, and written by the same RSS builder.
 */

export type LiveFeedUpdate = {
  _id: string;
  href: string;
  label: string;
  summary: string;
  bodyHtml: string;
  publishedAt: string;
  authors: { name: string; path: string }[];
};

export type LiveFeedBlog = {
  title: string;
  slug: string;
  language: string;
  isLive: boolean;
  modifiedAt?: string;
  /** Newest first. */
  updates: readonly LiveFeedUpdate[];
};

export function liveUpdateUrn(id: string): string {
  return `urn:nextminutenews:liveUpdate:${id}`;
}

export function liveFeedItem(update: LiveFeedUpdate, language: string, origin: string): FeedItem {
  return {
    id: liveUpdateUrn(update._id),
    url: new URL(update.href, origin).href,
    title: update.label,
    summary: update.summary,
    contentHtml: update.bodyHtml,
    published: update.publishedAt,
    modified: update.publishedAt,
    language,
    authors: update.authors.map((author) => ({ name: author.name, url: new URL(author.path, origin).href })),
    categories: [],
  };
}

export function liveFeedDocument(blog: LiveFeedBlog, origin: string, hubUrl?: string): RenderedBody {
  const channel: FeedChannel = {
    title: `${blog.title} · ${site.name}`,
    description: blog.isLive ? `Live updates: ${blog.title}` : `Live updates (coverage ended): ${blog.title}`,
    homeUrl: new URL(articlePath(blog.slug), origin).href,
    feedUrl: new URL(liveFeedPath(blog.slug), origin).href,
    language: blog.language,
    logoUrl: new URL(site.logoPath, origin).href,
    updated: blog.modifiedAt,
    hubUrl,
  };
  const body = rssXml(
    channel,
    blog.updates.map((update) => liveFeedItem(update, blog.language, origin)),
  );
  return { body, contentType: FEED_CONTENT_TYPES.rss, lastModified: blog.modifiedAt };
}
