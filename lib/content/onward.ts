import { defineQuery } from 'groq';
import type { OnwardFrom } from './article.ts';
import { listTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleCard, isPublicArticle } from './fragments.ts';
import { parseEach, parseOne } from './parse.ts';
import { articleCardSchema, type ArticleCard } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * Onward journeys from one article: stories sharing its tags, more from its
 * lead source, and the previous and next story under its lead tag. One query,
 * parameterised by the article the page already loaded (its `onwardFrom`), so
 * no second lookup by slug. An article is never its own neighbour.
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

export type Onward = {
  related: ArticleCard[];
  fromSource: ArticleCard[];
  previous: ArticleCard | null;
  next: ArticleCard | null;
};

export async function loadOnward(source: QuerySource, from: OnwardFrom, limit = ONWARD_LIMIT) {
  const params = {
    id: from._id,
    tagIds: from.tags.map((tag) => tag._id),
    // No lead tag or source: an id no document has, so those lists come back empty.
    leadTag: from.tags[0]?._id ?? '',
    leadSource: from.sources[0]?._id ?? '',
    publishedAt: from.publishedAt,
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

/** Cached per article (pass `article.onwardFrom`); any article published or changed may change the lists. */
export async function getOnward(from: OnwardFrom) {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadOnward(contentSource(), from);
  tagWithResult([listTag('article')], raw);
  return value;
}
