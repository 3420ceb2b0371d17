import { escapeHTML } from '@portabletext/to-html';
import type { FeedArticle } from '../content/feed.ts';
import { articleSummary } from '../content/summary.ts';
import { modifiedAt } from '../seo/modified.ts';
import { safeHref } from '../urls/safe-href.ts';
import { absoluteUrl, bodyHtml, imageHtml } from './body-html.ts';
import { contentPath } from '../urls/paths.ts';

/*
 * One article as every feed format carries it, built once from the content
 * types so RSS, Atom and JSON Feed cannot disagree.
 */

export type FeedLink = { name: string; url: string };

export type FeedItem = {
  /** Permanent even if the slug changes: derived from the document `_id`. */
  id: string;
  url: string;
  /** Plain text, exactly as the editor wrote it. */
  title: string;
  /** Plain text: the standfirst, or the lede summarised. */
  summary?: string;
  /** The main image and the full body as HTML with absolute, vetted URLs. */
  contentHtml: string;
  published: string;
  modified: string;
  language: string;
  authors: FeedLink[];
  /** One per tag, lead tag first. */
  categories: FeedLink[];
  image?: string;
};

/** What a feed is: its name, where it lives, and the site it belongs to. */
export type FeedChannel = {
  title: string;
  description: string;
  /** The page the feed mirrors (home, tag or source page). */
  homeUrl: string;
  /** This feed's own URL, per format. */
  feedUrl: string;
  language: string;
  logoUrl: string;
  faviconUrl?: string;
  /** The newest item's `modified`, or undefined for an empty feed. */
  updated?: string;
  /** The WebSub hub subscribers may use (WEBSUB_HUB_URL); the feed then names itself with rel="self". */
  hubUrl?: string;
};

export function articleUrn(id: string): string {
  return `urn:nextminutenews:article:${id}`;
}


/** Plain text as HTML text, for the feed elements that hold HTML (RSS description, Atom html). */
export function textAsHtml(text: string): string {
  return escapeHTML(text).replaceAll('&nbsp;', '\u00A0');
}

export function toFeedItem(article: FeedArticle, origin: string): FeedItem {
  const image = safeHref(article.mainImage?.asset.url);
  const lead = article.mainImage ? imageHtml(article.mainImage, origin) : '';
  return {
    id: articleUrn(article._id),
    url: new URL(contentPath('articles', article.slug), origin).href,
    title: article.title,
    summary: articleSummary(article),
    contentHtml: lead + bodyHtml(article.body, origin),
    published: new Date(article.publishedAt).toISOString(),
    modified: modifiedAt(article),
    language: article.language,
    authors: article.authors.map((author) => ({ name: author.name, url: new URL(contentPath('authors', author.slug), origin).href })),
    categories: article.tags.map((tag) => ({ name: tag.title, url: new URL(contentPath('tags', tag.slug), origin).href })),
    image: image ? absoluteUrl(image, origin) : undefined,
  };
}
