import { escapeHTML } from '@portabletext/to-html';
import { safeHref } from '../urls/safe-href.ts';
import { absoluteUrl, bodyHtml, imageHtml } from './body-html.ts';

/*
 * One article as every feed format carries it, built once so RSS, Atom and
 * JSON Feed cannot disagree. The article comes in already enhanced: its path,
 * summary and last change are content's answers (lib/content/feed.ts builds
 * them), read here, never worked out a second time.
 */

/** What a feed item reads of an article. */
export type FeedArticle = {
  _id: string;
  /** The article page, site-relative. */
  path: string;
  title: string;
  /** Plain text: the standfirst, or the lede summarised. */
  summary?: string;
  language: string;
  publishedAt: string;
  /** When it last changed for readers (publication, update or correction), ISO 8601. */
  modifiedAt: string;
  /** Portable Text; what the renderer does not know is skipped. */
  body: readonly unknown[];
  mainImage?: { alt: string; caption?: string; credit?: string; asset: { url: string } };
  authors: readonly { name: string; path: string }[];
  /** Lead tag first. */
  tags: readonly { title: string; path: string }[];
};

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
  const at = (path: string) => new URL(path, origin).href;
  const image = safeHref(article.mainImage?.asset.url);
  const lead = article.mainImage ? imageHtml(article.mainImage, origin) : '';
  return {
    id: articleUrn(article._id),
    url: at(article.path),
    title: article.title,
    summary: article.summary,
    contentHtml: lead + bodyHtml(article.body, origin),
    published: new Date(article.publishedAt).toISOString(),
    modified: article.modifiedAt,
    language: article.language,
    authors: article.authors.map((author) => ({ name: author.name, url: at(author.path) })),
    categories: article.tags.map((tag) => ({ name: tag.title, url: at(tag.path) })),
    image: image ? absoluteUrl(image, origin) : undefined,
  };
}
