import { defineQuery } from 'groq';
import { z } from 'zod';
import { edgeKeysOf } from '../cache-handlers/edge-keys.ts';
import { serverEnv } from '../env.ts';
import { type CachedBody, etagOf } from '../http/conditional.ts';
import { latestOf } from '../seo/modified.ts';
import { newsSitemapXml, sitemapUrls, sitemapXml } from '../seo/sitemap.ts';
import { site } from '../site.ts';
import { listTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articlesReferencingParent, isPublic, isPublicArticle, isPublicLiveUpdate } from './fragments.ts';
import { parseEach } from './parse.ts';
import { isoDate, languageSchema, optionalIsoDate as optionalDate, text as slug } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The sitemaps: every public page with the date it last changed, and the
 * articles of the last 48 hours for Google News. Pure loaders for the
 * renderers in lib/seo; the getter returns the finished XML with validators.
 */

// A listing page changes when an article under it is published or updated.
const newestUnder = /* groq */ `"newest": ${articlesReferencingParent} | order(publishedAt desc) [0]{publishedAt, updatedAt}`;
const owner = (type: string) => /* groq */ `*[_type == "${type}" && ${isPublic} && defined(slug.current)] | order(slug.current asc){
  _id, "slug": slug.current, _updatedAt, ${newestUnder}
}`;

export const sitemapQuery = defineQuery(`{
  "articles": *[${isPublicArticle}] | order(publishedAt desc){
    _id, title, "slug": slug.current, publishedAt, updatedAt, "corrections": corrections[defined(date)]{date},
    // A live blog changes with each update: its latest one is its lastmod (and its live tag refreshes this).
    coverage,
    "liveUpdatedAt": select(coverage in ["live", "ended"] => *[${isPublicLiveUpdate} && article._ref == ^._id] | order(publishedAt desc) [0].publishedAt)
  },
  "tags": ${owner('tag')},
  "sources": ${owner('source')},
  "authors": ${owner('author')}
}`);

/**
 * Google News takes articles published in the last two days, at most 1,000 per
 * sitemap; a live blog stays listed for as long as its coverage runs.
 */
export const newsSitemapQuery = defineQuery(
  `*[${isPublicArticle} && (dateTime(publishedAt) > dateTime(now()) - 60*60*48 || coverage == "live")] | order(publishedAt desc) [0...1000]{
    _id, title, "slug": slug.current, language, publishedAt
  }`,
);

const articleEntrySchema = z.object({
  _id: z.string(),
  // As on the article page: an article without a usable title is not shown, so not listed either.
  title: z.string().trim().min(1),
  slug,
  publishedAt: isoDate,
  updatedAt: optionalDate,
  liveUpdatedAt: optionalDate,
  corrections: z
    .array(z.object({ date: isoDate }).nullable().catch(null))
    .nullish()
    .transform((list) => (list ?? []).filter((entry): entry is { date: string } => entry !== null)),
});

const ownerEntrySchema = z.object({
  _id: z.string(),
  slug,
  _updatedAt: optionalDate,
  newest: z.object({ publishedAt: optionalDate, updatedAt: optionalDate }).nullish().catch(null),
});

export const newsEntrySchema = z.object({
  _id: z.string(),
  title: z.string().trim().min(1),
  slug,
  language: languageSchema,
  publishedAt: z.iso.datetime({ offset: true }),
});

export type SitemapArticleEntry = z.infer<typeof articleEntrySchema>;
export type SitemapOwnerEntry = z.infer<typeof ownerEntrySchema>;
export type NewsEntry = z.infer<typeof newsEntrySchema>;
export type SitemapContent = {
  articles: SitemapArticleEntry[];
  tags: SitemapOwnerEntry[];
  sources: SitemapOwnerEntry[];
  authors: SitemapOwnerEntry[];
};

export async function loadSitemapContent(source: QuerySource): Promise<{ value: SitemapContent; raw: unknown }> {
  const raw = await source.query<Record<string, unknown> | null>(sitemapQuery, {}, 'published');
  const value = {
    articles: parseEach(articleEntrySchema, raw?.articles, 'article'),
    tags: parseEach(ownerEntrySchema, raw?.tags, 'tag'),
    sources: parseEach(ownerEntrySchema, raw?.sources, 'source'),
    authors: parseEach(ownerEntrySchema, raw?.authors, 'author'),
  };
  return { value, raw };
}

export async function loadNewsEntries(source: QuerySource): Promise<{ value: NewsEntry[]; raw: unknown }> {
  const raw = await source.query<unknown>(newsSitemapQuery, {}, 'published');
  return { value: parseEach(newsEntrySchema, raw, 'article'), raw };
}

const XML = 'application/xml; charset=utf-8';
const EVERY_TYPE = ['article', 'tag', 'source', 'author'].map(listTag);

/**
 * /sitemap.xml (`pages`, page undefined) or one of its parts, or /news-sitemap.xml
 * (`news`), with validators, built once per revalidation and tagged like the
 * pages. Null for a part that does not exist.
 */
export async function getSitemap(kind: 'pages' | 'news', page?: number): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const origin = serverEnv().SITE_URL;
  if (kind === 'news') {
    const { value, raw } = await loadNewsEntries(contentSource());
    const keys = edgeKeysOf(tagWithResult([listTag('article')], raw));
    const body = newsSitemapXml(value, origin, site.name);
    return { body, contentType: XML, etag: etagOf(body), lastModified: latestOf(value.map((entry) => entry.publishedAt)), keys };
  }
  const { value, raw } = await loadSitemapContent(contentSource());
  const keys = edgeKeysOf(tagWithResult(EVERY_TYPE, raw));
  const urls = sitemapUrls(value);
  const body = sitemapXml(urls, origin, page);
  if (body === null) return null;
  return { body, contentType: XML, etag: etagOf(body), lastModified: latestOf(urls.flatMap((url) => (url.lastmod ? [url.lastmod] : []))), keys };
}
