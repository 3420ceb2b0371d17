import { defineQuery } from 'groq';
import { z } from 'zod';
import { serverEnv } from '../env.ts';
import { latestOf, modifiedAt } from '../format/modified.ts';
import { cachedBody } from '../http/cached-body.ts';
import type { CachedBody } from '../http/conditional.ts';
import { type NewsSitemapEntry, newsSitemapXml, type SitemapUrl, sitemapXml } from '../seo/sitemap.ts';
import { site } from '../site.ts';
import { articlePath, contentPath, type PathKind } from '../urls/paths.ts';
import { listTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articlesReferencingParent, isPublic, isPublicArticle, isPublicLiveUpdate } from './fragments.ts';
import { parseEach } from './parse.ts';
import { isoDate, languageSchema, optionalIsoDate as optionalDate, text as slug } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The sitemaps: every public page with the date it last changed, and the
 * articles of the last 48 hours for Google News. Pure loaders decide which
 * pages and when each changed (each entry carries its `path` and `lastmod`);
 * the renderers in lib/seo only write them out. The getter returns the
 * finished XML with validators.
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

const articleEntrySchema = z
  .object({
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
  })
  // A live blog changes with each update; any other article with its own last change.
  .transform((entry) => ({ ...entry, path: articlePath(entry.slug), lastmod: latestOf([modifiedAt(entry), entry.liveUpdatedAt]) }));

// A listing page changes with its document or with the newest article under it.
const ownerEntrySchema = (kind: PathKind) =>
  z
    .object({
      _id: z.string(),
      slug,
      _updatedAt: optionalDate,
      newest: z.object({ publishedAt: optionalDate, updatedAt: optionalDate }).nullish().catch(null),
    })
    .transform((owner) => ({
      ...owner,
      path: contentPath(kind, owner.slug),
      lastmod: latestOf([owner._updatedAt, owner.newest?.publishedAt, owner.newest?.updatedAt]),
    }));

const ownerEntries = { tags: ownerEntrySchema('tags'), sources: ownerEntrySchema('sources'), authors: ownerEntrySchema('authors') };

export const newsEntrySchema = z
  .object({
    _id: z.string(),
    title: z.string().trim().min(1),
    slug,
    language: languageSchema,
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .transform((entry) => ({ ...entry, path: articlePath(entry.slug) }));

type Listed = SitemapUrl & { _id: string; slug: string };
export type NewsEntry = z.output<typeof newsEntrySchema>;
export type SitemapContent = { articles: Listed[]; tags: Listed[]; sources: Listed[]; authors: Listed[] };

export async function loadSitemapContent(source: QuerySource): Promise<{ value: SitemapContent; raw: unknown }> {
  const raw = await source.query<Record<string, unknown> | null>(sitemapQuery, {}, 'published');
  const value = {
    articles: parseEach(articleEntrySchema, raw?.articles, 'article'),
    tags: parseEach(ownerEntries.tags, raw?.tags, 'tag'),
    sources: parseEach(ownerEntries.sources, raw?.sources, 'source'),
    authors: parseEach(ownerEntries.authors, raw?.authors, 'author'),
  } satisfies SitemapContent;
  return { value, raw };
}

/** Every public page worth indexing, with when it last changed: the front page changes with its newest article. */
export function sitemapUrls(content: SitemapContent): SitemapUrl[] {
  const page = ({ path, lastmod }: SitemapUrl) => ({ path, lastmod });
  return [
    { path: '/', lastmod: latestOf(content.articles.map((article) => article.lastmod)) },
    ...[...content.articles, ...content.tags, ...content.sources, ...content.authors].map(page),
  ];
}

export async function loadNewsEntries(source: QuerySource): Promise<{ value: NewsEntry[]; raw: unknown }> {
  const raw = await source.query<unknown>(newsSitemapQuery, {}, 'published');
  return { value: parseEach(newsEntrySchema, raw, 'article') satisfies NewsSitemapEntry[], raw };
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
    const tags = tagWithResult([listTag('article')], raw);
    const body = newsSitemapXml(value, origin, site.name);
    return cachedBody({ body, contentType: XML, lastModified: latestOf(value.map((entry) => entry.publishedAt)) }, tags);
  }
  const { value, raw } = await loadSitemapContent(contentSource());
  const tags = tagWithResult(EVERY_TYPE, raw);
  const urls = sitemapUrls(value);
  const body = sitemapXml(urls, origin, page);
  if (body === null) return null;
  return cachedBody({ body, contentType: XML, lastModified: latestOf(urls.map((url) => url.lastmod)) }, tags);
}
