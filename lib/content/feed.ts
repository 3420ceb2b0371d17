import { defineQuery } from 'groq';
import { z } from 'zod';
import { serverEnv } from '../env.ts';
import { type FeedContent, feedDocument, type FeedOwner } from '../feeds/document.ts';
import { cachedBody } from '../http/cached-body.ts';
import type { CachedBody } from '../http/conditional.ts';
import { site } from '../site.ts';
import type { FeedFormat, FeedScope } from '../urls/paths.ts';
import { listTag, slugTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleFull, articlesReferencingParent, isPublic, isPublicArticle, ownerFields } from './fragments.ts';
import { ownerDescription } from './listing.ts';
import { parseEach, parseOne } from './parse.ts';
import { articleFullFields, sourceOwnerSchema, tagOwnerSchema, withFullView } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The feeds: the newest public articles with their full bodies, for the whole
 * site, one tag or one source. The pure loader builds what the renderer in
 * lib/feeds reads (its FeedContent, already enhanced); the getter returns the
 * finished body with its validators.
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

const feedArticleSchema = articleFullFields.transform(withFullView);

const withArticles = { articles: z.array(z.unknown()).nullish() };

/** The newest `limit` public articles of a scope; null when the tag or source does not exist. */
export async function loadFeedContent(source: QuerySource, scope: FeedScope, limit: number): Promise<{ value: FeedContent | null; raw: unknown }> {
  if (scope.kind === 'site') {
    const raw = await source.query<unknown>(siteFeedQuery, { limit }, 'published');
    return { value: { articles: parseEach(feedArticleSchema, raw, 'article') } satisfies FeedContent, raw };
  }
  if (scope.kind === 'tag') {
    const raw = await source.query<unknown>(tagFeedQuery, { slug: scope.slug, limit }, 'published');
    const tag = parseOne(tagOwnerSchema.extend(withArticles), raw, 'tag');
    if (!tag) return { value: null, raw };
    const owner = { kind: 'tag', slug: tag.slug, name: tag.title, description: ownerDescription('tag', tag.title, tag.description) } satisfies FeedOwner;
    return { value: { owner, articles: parseEach(feedArticleSchema, tag.articles, 'article') } satisfies FeedContent, raw };
  }
  const raw = await source.query<unknown>(sourceFeedQuery, { slug: scope.slug, limit }, 'published');
  const outlet = parseOne(sourceOwnerSchema.extend(withArticles), raw, 'source');
  if (!outlet) return { value: null, raw };
  const owner = {
    kind: 'source',
    slug: outlet.slug,
    name: outlet.name,
    description: ownerDescription('source', outlet.name, outlet.description),
  } satisfies FeedOwner;
  return { value: { owner, articles: parseEach(feedArticleSchema, outlet.articles, 'article') } satisfies FeedContent, raw };
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
  return cachedBody(feedDocument(format, value, SITE_URL, WEBSUB_HUB_URL), tags);
}
