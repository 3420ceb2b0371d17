import { defineQuery } from 'groq';
import { cacheLife } from 'next/cache';
import { listTag } from './cache-tags.ts';
import { tagWithResult } from './index.ts';
import { parseEach, parseOne } from './parse.ts';
import { articleCard, isPublicArticle } from './queries.ts';
import { articleCardSchema, type ArticleCard } from './schemas.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * Onward journeys from one article: stories sharing its tags, more from its
 * lead source, and the previous and next story under its lead tag. One query,
 * parameterised by the article the page already loaded, so no second lookup
 * by slug. An article is never its own neighbour.
 */

export const onwardQuery = defineQuery(`{
  "related": *[${isPublicArticle} && _id != $id && count(tags[_ref in $tagIds]) > 0]{
    ${articleCard},
    "shared": count(tags[_ref in $tagIds])
  } | order(shared desc, publishedAt desc) [0...$limit],
  "fromSource": *[${isPublicArticle} && _id != $id && $leadSource in sources[]._ref]
    | order(publishedAt desc) [0...$limit] {${articleCard}},
  "previous": *[${isPublicArticle} && _id != $id && $leadTag in tags[]._ref && publishedAt < $publishedAt]
    | order(publishedAt desc) [0] {${articleCard}},
  "next": *[${isPublicArticle} && _id != $id && $leadTag in tags[]._ref && publishedAt > $publishedAt]
    | order(publishedAt asc) [0] {${articleCard}}
}`);

export const ONWARD_LIMIT = 4;

type OnwardFrom = {
  _id: string;
  publishedAt: string;
  tags: { _id: string }[];
  sources: { _id: string }[];
};

export type Onward = {
  related: ArticleCard[];
  fromSource: ArticleCard[];
  previous: ArticleCard | null;
  next: ArticleCard | null;
};

export async function loadOnward(source: QuerySource, article: OnwardFrom, limit = ONWARD_LIMIT) {
  const params = {
    id: article._id,
    tagIds: article.tags.map((tag) => tag._id),
    // No lead tag or source: an id no document has, so those lists come back empty.
    leadTag: article.tags[0]?._id ?? '',
    leadSource: article.sources[0]?._id ?? '',
    publishedAt: article.publishedAt,
    limit,
  };
  const raw = await source.query<Record<string, unknown> | null>(onwardQuery, params, 'published');
  const value: Onward = {
    related: parseEach(articleCardSchema, raw?.related, 'article'),
    fromSource: parseEach(articleCardSchema, raw?.fromSource, 'article'),
    previous: parseOne(articleCardSchema, raw?.previous, 'article'),
    next: parseOne(articleCardSchema, raw?.next, 'article'),
  };
  return { value, raw };
}

/** Just what the query needs: the cache key of getOnward, so it stays small. */
export function onwardFrom(article: OnwardFrom): OnwardFrom {
  return {
    _id: article._id,
    publishedAt: article.publishedAt,
    tags: article.tags.map(({ _id }) => ({ _id })),
    sources: article.sources.map(({ _id }) => ({ _id })),
  };
}

/** Cached per article; any article published or changed may change the lists. Pass `onwardFrom(article)`. */
export async function getOnward(from: OnwardFrom) {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadOnward(contentSource(), from);
  tagWithResult([listTag('article')], raw);
  return value;
}
