import { defineQuery } from 'groq';
import { serverEnv } from '../env.ts';
import { homeJsonLd } from '../seo/structured-data.ts';
import { listTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleCard, isPublicArticle } from './fragments.ts';
import { withInlineLead } from './lead-image.ts';
import { parseEach } from './parse.ts';
import type { Perspective } from './perspective.ts';
import { articleCardSchema, type ArticleCard } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The front page: up to four featured stories, then the latest twenty that
 * are not already featured. (The topic chips under them come from directory.ts.)
 */

export const homeQuery = defineQuery(`{
  "live": *[${isPublicArticle} && featured == true && coverage == "live"] | order(publishedAt desc) [0...2] {${articleCard}},
  "featured": *[${isPublicArticle} && featured == true && !(coverage == "live")] | order(publishedAt desc) [0...4] {${articleCard}},
  "latest": *[${isPublicArticle}] | order(publishedAt desc) [0...24] {${articleCard}}
}`);

/** `live`: running live blogs an editor featured, shown above the top stories. */
export type Home = { live: ArticleCard[]; featured: ArticleCard[]; latest: ArticleCard[] };

export async function loadHome(source: QuerySource, perspective: Perspective = 'published') {
  const raw = await source.query<{ live?: unknown; featured?: unknown; latest?: unknown }>(homeQuery, {}, perspective);
  const live = parseEach(articleCardSchema, raw?.live, 'article');
  const featured = parseEach(articleCardSchema, raw?.featured, 'article');
  const featuredIds = new Set([...live, ...featured].map((article) => article._id));
  const latest = parseEach(articleCardSchema, raw?.latest, 'article').filter((article) => !featuredIds.has(article._id));
  return { value: { live, featured, latest: latest.slice(0, 20) } satisfies Home, raw };
}

/** The front page's stories and its JSON-LD (who publishes the site, how to search it). */
export async function getHome(perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadHome(contentSource(), perspective);
  tagWithResult([listTag('article')], raw);
  // The page's lead image: the top stories' first picture, else the latest list's.
  const featured = await withInlineLead(value.featured);
  const latest = featured.some((card) => card.lead) ? value.latest : await withInlineLead(value.latest);
  return { ...value, featured, latest, jsonLd: homeJsonLd(serverEnv().SITE_URL) };
}
