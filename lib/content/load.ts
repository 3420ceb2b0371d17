import { z } from 'zod';
import { parseEach, parseOne } from './parse.ts';
import type { Perspective } from './perspective.ts';
import {
  articleBySlugQuery,
  articleRedirectQuery,
  authorListQuery,
  authorPageQuery,
  homeQuery,
  recentArticleSlugsQuery,
  sourceListQuery,
  sourcePageQuery,
  tagListQuery,
  tagPageQuery,
} from './queries.ts';
import {
  articleCardSchema,
  articleSchema,
  authorOwnerSchema,
  authorSchema,
  listingFields,
  sourceOwnerSchema,
  sourceSchema,
  tagOwnerSchema,
  tagSchema,
} from './schemas.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * Pure loaders: run one named query, parse the result. They know nothing of
 * Next.js caching, so tests run them against the sample dataset directly;
 * lib/content/index.ts wraps them in the cache. Each returns the raw result
 * too, for the cache tags.
 */


export async function loadHome(source: QuerySource, perspective: Perspective = 'published') {
  const raw = await source.query<{ featured?: unknown; latest?: unknown }>(homeQuery, {}, perspective);
  const featured = parseEach(articleCardSchema, raw?.featured, 'article');
  const featuredIds = new Set(featured.map((article) => article._id));
  const latest = parseEach(articleCardSchema, raw?.latest, 'article').filter((article) => !featuredIds.has(article._id));
  return { value: { featured, latest: latest.slice(0, 20) }, raw };
}

export async function loadArticle(source: QuerySource, slug: string, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(articleBySlugQuery, { slug }, perspective);
  return { value: parseOne(articleSchema, raw, 'article'), raw };
}

export async function loadArticleRedirect(source: QuerySource, slug: string, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(articleRedirectQuery, { slug }, perspective);
  const parsed = z.object({ slug: z.string().min(1) }).nullable().safeParse(raw ?? null);
  return { value: parsed.success && parsed.data ? parsed.data.slug : null, raw };
}

export async function loadRecentArticleSlugs(source: QuerySource, limit: number) {
  const raw = await source.query<unknown>(recentArticleSlugsQuery, { limit }, 'published');
  const value = parseEach(z.object({ slug: z.string().min(1) }), raw, 'article').map((entry) => entry.slug);
  return { value, raw };
}

export async function loadTags(source: QuerySource, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(tagListQuery, {}, perspective);
  return { value: parseEach(tagSchema, raw, 'tag'), raw };
}

export async function loadSources(source: QuerySource, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(sourceListQuery, {}, perspective);
  return { value: parseEach(sourceSchema, raw, 'source'), raw };
}

export async function loadAuthors(source: QuerySource, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(authorListQuery, {}, perspective);
  return { value: parseEach(authorSchema, raw, 'author'), raw };
}

type OwnerSchema = typeof tagOwnerSchema | typeof sourceOwnerSchema | typeof authorOwnerSchema;

async function loadListingOf<O extends OwnerSchema>(
  source: QuerySource,
  query: string,
  ownerSchema: O,
  what: string,
  slug: string,
  page: number,
  pageSize: number,
  perspective: Perspective,
) {
  const start = (page - 1) * pageSize;
  const raw = await source.query<unknown>(query, { slug, start, end: start + pageSize }, perspective);
  const parsed = parseOne(ownerSchema.extend(listingFields), raw, what);
  if (!parsed) return { value: null, raw };
  const owner = ownerSchema.parse(parsed) as z.infer<O>;
  const value = {
    owner,
    articles: parseEach(articleCardSchema, parsed.articles, 'article'),
    total: parsed.total,
    page,
    pageCount: Math.max(1, Math.ceil(parsed.total / pageSize)),
  };
  return { value, raw };
}

/** One page (1-based) of the articles under a tag, newest first. */
export function loadTagListing(source: QuerySource, slug: string, page: number, pageSize: number, perspective: Perspective = 'published') {
  return loadListingOf(source, tagPageQuery, tagOwnerSchema, 'tag', slug, page, pageSize, perspective);
}

/** One page (1-based) of the articles from a source, newest first. */
export function loadSourceListing(source: QuerySource, slug: string, page: number, pageSize: number, perspective: Perspective = 'published') {
  return loadListingOf(source, sourcePageQuery, sourceOwnerSchema, 'source', slug, page, pageSize, perspective);
}

/** One page (1-based) of the articles by an author, newest first. */
export function loadAuthorListing(source: QuerySource, slug: string, page: number, pageSize: number, perspective: Perspective = 'published') {
  return loadListingOf(source, authorPageQuery, authorOwnerSchema, 'author', slug, page, pageSize, perspective);
}
