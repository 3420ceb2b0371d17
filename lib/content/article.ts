import { defineQuery } from 'groq';
import { z } from 'zod';
import { serverEnv } from '../env.ts';
import { isLaterThan } from '../format/date.ts';
import { headingsOf, readingMinutes } from '../portable-text/index.ts';
import { articleJsonLd } from '../seo/structured-data.ts';
import { listTag, slugTag } from './cache-tags.ts';
import { cacheLife, cacheTag, tagWithResult } from './cached.ts';
import { articleFull, isPublicArticle } from './fragments.ts';
import { withInlinePicture } from './lead-image.ts';
import { parseEach, parseOne } from './parse.ts';
import type { Perspective } from './perspective.ts';
import { articleFullFields, withFullView } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The article page: one article by its slug, or, for a slug it once had, where
 * it lives now. The view model carries everything the page shows beyond the
 * fields: table of contents, reading time, "updated", last change, JSON-LD,
 * and the key the onward journeys (onward.ts) are looked up by.
 */

export const articleQuery = defineQuery(`*[${isPublicArticle} && slug.current == $slug][0]{
  ${articleFull},
  previousSlugs
}`);

export const articleRedirectQuery = defineQuery(`*[${isPublicArticle} && $slug in previousSlugs] | order(publishedAt desc) [0]{"slug": slug.current}`);

export const articleSlugsQuery = defineQuery(`*[${isPublicArticle} && defined(slug.current)]{_id, "slug": slug.current, previousSlugs}`);

export const recentArticleSlugsQuery = defineQuery(`*[${isPublicArticle}] | order(publishedAt desc) [0...$limit]{"slug": slug.current}`);

type Fields = z.output<typeof articleFullFields> & { previousSlugs: string[] };

function withArticleView(article: Fields) {
  return {
    ...withFullView(article),
    headings: headingsOf(article.body),
    readingMinutes: readingMinutes(article.body),
    // Shown only when it says something: an update later than publication.
    updated: isLaterThan(article.updatedAt, article.publishedAt) ? article.updatedAt : undefined,
    // Just what the onward query needs: the cache key of getOnward, so it stays small.
    onwardFrom: {
      _id: article._id,
      publishedAt: article.publishedAt,
      tags: article.tags.map(({ _id }) => ({ _id })),
      sources: article.sources.map(({ _id }) => ({ _id })),
    },
  };
}

export const articleSchema = articleFullFields
  .extend({
    previousSlugs: z
      .array(z.string())
      .nullish()
      .transform((slugs) => slugs ?? []),
  })
  .transform(withArticleView);

export type Article = z.output<typeof articleSchema>;
export type OnwardFrom = Article['onwardFrom'];
export type ArticlePage = Article & { jsonLd: ReturnType<typeof articleJsonLd> };
export type ArticleResult = { kind: 'article'; article: ArticlePage } | { kind: 'redirect'; slug: string } | null;

export async function loadArticle(source: QuerySource, slug: string, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(articleQuery, { slug }, perspective);
  return { value: parseOne(articleSchema, raw, 'article'), raw };
}

/** The current slug of the article that once had `slug`, for a permanent redirect. */
export async function loadArticleRedirect(source: QuerySource, slug: string, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(articleRedirectQuery, { slug }, perspective);
  const parsed = z
    .object({ slug: z.string().min(1) })
    .nullable()
    .safeParse(raw ?? null);
  return { value: parsed.success && parsed.data ? parsed.data.slug : null, raw };
}

export async function loadRecentArticleSlugs(source: QuerySource, limit: number) {
  const raw = await source.query<unknown>(recentArticleSlugsQuery, { limit }, 'published');
  const value = parseEach(z.object({ slug: z.string().min(1) }), raw, 'article').map((entry) => entry.slug);
  return { value, raw };
}

const slugEntrySchema = z.object({
  slug: z.string().min(1),
  // A malformed history must not make the article itself unknown: keep its current slug.
  previousSlugs: z.unknown().transform((value) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])),
});

/** Every slug a public article answers to, current or previous. */
export async function loadArticleSlugs(source: QuerySource) {
  const raw = await source.query<unknown>(articleSlugsQuery, {}, 'published');
  const value = [...new Set(parseEach(slugEntrySchema, raw, 'article').flatMap((entry) => [entry.slug, ...entry.previousSlugs]))];
  return { value, raw };
}

/** One cached list for the whole site, refreshed by any article's publish. */
async function getArticleSlugs(): Promise<string[]> {
  'use cache';
  cacheLife('content');
  const { value } = await loadArticleSlugs(contentSource());
  cacheTag(listTag('article'));
  return value;
}

/** Whether a public article answers to `slug` (current or previous): the gate before any per-slug cache entry. */
export async function isPublicArticleSlug(slug: string): Promise<boolean> {
  return (await getArticleSlugs()).includes(slug);
}

/**
 * The article under `slug`; else, when an article once had that slug, where
 * to redirect; else null (a 404). A slug no public article answers to stops at
 * the shared slug list, so made-up URLs leave no cache entry each (a crawler's
 * invented URLs must not each keep memory); draft mode looks every slug up,
 * since drafts are not in that list.
 */
export async function getArticle(slug: string, perspective: Perspective = 'published'): Promise<ArticleResult> {
  if (perspective === 'published' && !(await isPublicArticleSlug(slug))) return null;
  return getArticleEntry(slug, perspective);
}

/** Only a miss reads the redirect query, and only then is the entry tagged `list:article`. */
async function getArticleEntry(slug: string, perspective: Perspective): Promise<ArticleResult> {
  'use cache';
  cacheLife('content');
  const source = contentSource();
  const { value, raw } = await loadArticle(source, slug, perspective);
  if (value) {
    tagWithResult([slugTag('article', slug)], raw);
    return { kind: 'article', article: { ...value, mainImage: await withInlinePicture(value.mainImage), jsonLd: articleJsonLd(value, serverEnv().SITE_URL) } };
  }
  const redirect = await loadArticleRedirect(source, slug, perspective);
  tagWithResult([listTag('article'), slugTag('article', slug)], redirect.raw);
  return redirect.value && redirect.value !== slug ? { kind: 'redirect', slug: redirect.value } : null;
}

/** Which articles the build renders ahead: the newest; the archive renders on first request. */
export async function getRecentArticleSlugs(limit = 50) {
  'use cache';
  cacheLife('content');
  const { value } = await loadRecentArticleSlugs(contentSource(), limit);
  tagWithResult([listTag('article')], null);
  return value;
}
