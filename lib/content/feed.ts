import { defineQuery } from 'groq';
import { z } from 'zod';
import { edgeKeysOf } from '../cache-handlers/edge-keys.ts';
import { serverEnv } from '../env.ts';
import { type FeedFormat, feedDocument } from '../feeds/document.ts';
import type { CachedBody } from '../http/conditional.ts';
import { site } from '../site.ts';
import { listTag, slugTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleFull, articlesReferencingParent, isPublic, isPublicArticle, ownerFields } from './fragments.ts';
import { ownerDescription } from './listing.ts';
import { parseEach, parseOne } from './parse.ts';
import { articleFullFields, sourceOwnerSchema, tagOwnerSchema, withCardView } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The feeds: the newest public articles with their full bodies, for the whole
 * site, one tag or one source. The pure loader feeds the renderers in
 * lib/feeds; the getter returns the finished body with its validators.
 */

const latest = /* groq */ `| order(publishedAt desc) [0...$limit] {${articleFull}}`;

export const siteFeedQuery = defineQuery(`*[${isPublicArticle}] ${latest}`);

export const tagFeedQuery = defineQuery(`*[_type == "tag" && ${isPublic} && slug.current == $slug][0]{
  ${ownerFields.tag},
  "articles": ${articlesReferencingParent} ${latest}
}`);

export const sourceFeedQuery = defineQuery(`*[_type == "source" && ${isPublic} && slug.current == $slug][0]{
  ${ownerFields.source},
  "articles": ${articlesReferencingParent} ${latest}
}`);

/** Which articles a feed carries. */
export type FeedScope = { kind: 'site' } | { kind: 'tag'; slug: string } | { kind: 'source'; slug: string };

const feedArticleSchema = articleFullFields.transform(withCardView);

export type FeedArticle = z.output<typeof feedArticleSchema>;

/** Who a scoped feed is about, as the channel names and describes it (the listing page's wording). */
export type FeedOwner = { kind: 'tag' | 'source'; _id: string; slug: string; name: string; description: string };

export type FeedContent = { owner?: FeedOwner; articles: FeedArticle[] };

const withArticles = { articles: z.array(z.unknown()).nullish() };

/** The newest `limit` public articles of a scope; null when the tag or source does not exist. */
export async function loadFeedContent(source: QuerySource, scope: FeedScope, limit: number): Promise<{ value: FeedContent | null; raw: unknown }> {
  if (scope.kind === 'site') {
    const raw = await source.query<unknown>(siteFeedQuery, { limit }, 'published');
    return { value: { articles: parseEach(feedArticleSchema, raw, 'article') }, raw };
  }
  if (scope.kind === 'tag') {
    const raw = await source.query<unknown>(tagFeedQuery, { slug: scope.slug, limit }, 'published');
    const tag = parseOne(tagOwnerSchema.extend(withArticles), raw, 'tag');
    if (!tag) return { value: null, raw };
    const description = ownerDescription('tag', tag.title, tag.description);
    const owner: FeedOwner = { kind: 'tag', _id: tag._id, slug: tag.slug, name: tag.title, description };
    return { value: { owner, articles: parseEach(feedArticleSchema, tag.articles, 'article') }, raw };
  }
  const raw = await source.query<unknown>(sourceFeedQuery, { slug: scope.slug, limit }, 'published');
  const outlet = parseOne(sourceOwnerSchema.extend(withArticles), raw, 'source');
  if (!outlet) return { value: null, raw };
  const description = ownerDescription('source', outlet.name, outlet.description);
  const owner: FeedOwner = { kind: 'source', _id: outlet._id, slug: outlet.slug, name: outlet.name, description };
  return { value: { owner, articles: parseEach(feedArticleSchema, outlet.articles, 'article') }, raw };
}

/**
 * A feed's body, ETag and Last-Modified, built once per revalidation and
 * tagged like the pages (`list:article`, the slug looked up, every `doc:` id),
 * so a publish webhook refreshes it. Route handlers only compare validators.
 * Null when the tag or source does not exist.
 */
export async function getFeed(format: FeedFormat, scope: FeedScope): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadFeedContent(contentSource(), scope, site.feedSize);
  const tags = tagWithResult([listTag('article'), ...(scope.kind === 'site' ? [] : [slugTag(scope.kind, scope.slug)])], raw);
  if (!value) return null;
  const { SITE_URL, WEBSUB_HUB_URL } = serverEnv();
  return { ...feedDocument(format, value, SITE_URL, WEBSUB_HUB_URL), keys: edgeKeysOf(tags) };
}
