import type { BlogPosting, Graph, LiveBlogPosting } from 'schema-dts';
import { articleBreadcrumbJsonLd, type JsonLdArticle, newsArticleJsonLd } from './structured-data.ts';

/*
 * A live blog tells search engines it is one: LiveBlogPosting (an Article, so
 * it keeps the article's headline, authors, publisher and image) with when the
 * coverage started and ended and its latest updates as BlogPosting. Serialised
 * by json-ld.ts like every other graph.
 */

/** How many of the newest updates the graph carries. */
export const JSON_LD_UPDATES = 10;

export type LiveJsonLdUpdate = {
  href: string;
  label: string;
  summary: string;
  publishedAt: string;
  authors: { name: string; path: string }[];
};

export type LiveJsonLdBlog = {
  startedAt?: string;
  endedAt?: string;
  /** When the blog last changed: its article or its newest update, whichever is later. */
  modifiedAt: string;
  /** Newest first. */
  updates: readonly LiveJsonLdUpdate[];
};

export function liveBlogPostingJsonLd(article: JsonLdArticle, blog: LiveJsonLdBlog, origin: string): LiveBlogPosting {
  const at = (path: string) => new URL(path, origin).href;
  const { '@type': _type, ...base } = newsArticleJsonLd(article, origin) as Exclude<ReturnType<typeof newsArticleJsonLd>, string> & Record<string, unknown>;
  void _type;
  const updates: BlogPosting[] = blog.updates.slice(0, JSON_LD_UPDATES).map((update) => ({
    '@type': 'BlogPosting',
    '@id': at(update.href),
    url: at(update.href),
    headline: update.label,
    articleBody: update.summary,
    datePublished: update.publishedAt,
    ...(update.authors.length > 0 ? { author: update.authors.map((author) => ({ '@type': 'Person' as const, name: author.name, url: at(author.path) })) } : {}),
  }));
  return {
    ...(base as Omit<LiveBlogPosting, '@type'>),
    '@type': 'LiveBlogPosting',
    dateModified: blog.modifiedAt,
    coverageStartTime: new Date(blog.startedAt ?? article.publishedAt).toISOString(),
    ...(blog.endedAt ? { coverageEndTime: new Date(blog.endedAt).toISOString() } : {}),
    liveBlogUpdate: updates,
  };
}

/** Everything a live blog's page tells search engines, in one graph. */
export function liveBlogJsonLd(article: JsonLdArticle, blog: LiveJsonLdBlog, origin: string): Graph {
  return { '@context': 'https://schema.org', '@graph': [liveBlogPostingJsonLd(article, blog, origin), articleBreadcrumbJsonLd(article, origin)] };
}
