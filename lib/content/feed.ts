import { defineQuery } from 'groq';
import { z } from 'zod';
import { parseEach, parseOne } from './parse.ts';
import { articleCard, image, isPublic, isPublicArticle } from './queries.ts';
import { articleSchema, sourceOwnerSchema, tagOwnerSchema } from './schemas.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * What the feeds read: the newest public articles with their full bodies, for
 * the whole site, one tag or one source. Pure loaders (no Next.js), so the
 * feed builders are tested against any dataset; lib/feeds/cached-feed.ts
 * wraps them in the cache.
 */

const feedArticle = /* groq */ `
  ${articleCard},
  "body": body[]{
    ...,
    _type == "image" => ${image},
    markDefs[]{...}
  },
  "corrections": corrections[defined(date) && defined(text)] | order(date desc) {_key, date, text}
`;

const latest = /* groq */ `| order(publishedAt desc) [0...$limit] {${feedArticle}}`;

export const siteFeedQuery = defineQuery(`*[${isPublicArticle}] ${latest}`);

export const tagFeedQuery = defineQuery(`*[_type == "tag" && ${isPublic} && slug.current == $slug][0]{
  _id, title, "slug": slug.current, description,
  "articles": *[${isPublicArticle} && references(^._id)] ${latest}
}`);

export const sourceFeedQuery = defineQuery(`*[_type == "source" && ${isPublic} && slug.current == $slug][0]{
  _id, name, "slug": slug.current, kind, stateAffiliated, url, description,
  "articles": *[${isPublicArticle} && references(^._id)] ${latest}
}`);

/** Which articles a feed carries. */
export type FeedScope = { kind: 'site' } | { kind: 'tag'; slug: string } | { kind: 'source'; slug: string };

export type FeedArticle = z.infer<typeof articleSchema>;

/** Who a scoped feed is about, as the channel names it. */
export type FeedOwner = { kind: 'tag' | 'source'; _id: string; slug: string; name: string; description?: string };

export type FeedContent = { owner?: FeedOwner; articles: FeedArticle[] };

const withArticles = { articles: z.array(z.unknown()).nullish() };

/** The newest `limit` public articles of a scope; null when the tag or source does not exist. */
export async function loadFeedContent(source: QuerySource, scope: FeedScope, limit: number): Promise<{ value: FeedContent | null; raw: unknown }> {
  if (scope.kind === 'site') {
    const raw = await source.query<unknown>(siteFeedQuery, { limit }, 'published');
    return { value: { articles: parseEach(articleSchema, raw, 'article') }, raw };
  }
  if (scope.kind === 'tag') {
    const raw = await source.query<unknown>(tagFeedQuery, { slug: scope.slug, limit }, 'published');
    const tag = parseOne(tagOwnerSchema.extend(withArticles), raw, 'tag');
    if (!tag) return { value: null, raw };
    const owner: FeedOwner = { kind: 'tag', _id: tag._id, slug: tag.slug, name: tag.title, description: tag.description };
    return { value: { owner, articles: parseEach(articleSchema, tag.articles, 'article') }, raw };
  }
  const raw = await source.query<unknown>(sourceFeedQuery, { slug: scope.slug, limit }, 'published');
  const outlet = parseOne(sourceOwnerSchema.extend(withArticles), raw, 'source');
  if (!outlet) return { value: null, raw };
  const owner: FeedOwner = { kind: 'source', _id: outlet._id, slug: outlet.slug, name: outlet.name, description: outlet.description };
  return { value: { owner, articles: parseEach(articleSchema, outlet.articles, 'article') }, raw };
}
