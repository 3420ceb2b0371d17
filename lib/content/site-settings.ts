import { defineQuery } from 'groq';
import { cacheLife } from 'next/cache';
import { z } from 'zod';
import { articlePath } from '../urls/paths.ts';
import { docTag } from './cache-tags.ts';
import { tagWithResult } from './cached.ts';
import { isPublic, isPublicArticle } from './fragments.ts';
import { parseOne } from './parse.ts';
import { isoDate } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The breaking-news banner from the one `siteSettings` document. It shows on
 * every page until `expiresAt`: absent, cleared or expired, no banner. The
 * link appears only while the referenced article is public (not a draft,
 * not embargoed), so the banner never leads to a 404.
 */

export const SITE_SETTINGS_ID = 'siteSettings';
export const BREAKING_NEWS_MAX = 140;

export const breakingNewsQuery = defineQuery(`*[_id == $id && _type == "siteSettings" && ${isPublic}][0]{
  _id,
  "text": breakingNews.text,
  "expiresAt": breakingNews.expiresAt,
  "articleRef": breakingNews.article._ref,
  "article": *[${isPublicArticle} && _id == ^.breakingNews.article._ref][0]{_id, "slug": slug.current}
}`);

const bannerSchema = z.object({
  _id: z.string(),
  text: z.string().trim().min(1).max(BREAKING_NEWS_MAX),
  expiresAt: isoDate,
  article: z
    .object({ _id: z.string(), slug: z.string().min(1) })
    .nullish()
    .catch(null),
});

/** What the banner shows: the text, where it links (if anywhere) and when it comes down. */
export type BreakingNews = { text: string; path?: string; expiresAt: string };

/**
 * The banner at `now`, or null. A settings document whose banner text is
 * empty means "no banner" and is not an error; one with text but a bad expiry
 * or over-long text is skipped with a log line naming its `_id`.
 */
export function breakingNewsAt(raw: unknown, now: Date, log: (message: string) => void = console.warn): BreakingNews | null {
  const text = (raw as { text?: unknown } | null)?.text;
  if (typeof text !== 'string' || text.trim() === '') return null;
  const banner = parseOne(bannerSchema, raw, 'siteSettings', log);
  if (!banner || Date.parse(banner.expiresAt) <= now.getTime()) return null;
  return { text: banner.text, expiresAt: banner.expiresAt, ...(banner.article ? { path: articlePath(banner.article.slug) } : {}) };
}

/**
 * How long, in whole seconds (at least 1), a cached banner may be served:
 * until it expires. Null when there is no banner, so the usual lifetime applies.
 */
export function secondsUntilExpiry(banner: BreakingNews | null, now: Date): number | null {
  if (!banner) return null;
  return Math.max(1, Math.ceil((Date.parse(banner.expiresAt) - now.getTime()) / 1000));
}

export async function loadBreakingNews(source: QuerySource, now: Date) {
  // Published only: the banner is on every reader's page, draft mode or not.
  const raw = await source.query<unknown>(breakingNewsQuery, { id: SITE_SETTINGS_ID }, 'published');
  return { value: breakingNewsAt(raw, now), raw };
}

/**
 * The banner for the site layout. Tagged `doc:siteSettings` (which every page
 * therefore carries, so publishing the settings refreshes every page) and with
 * the linked article. Its lifetime never outlives `expiresAt`: the pages
 * inherit it, so an expired banner goes at the next time-based revalidation.
 */
export async function getBreakingNews(): Promise<BreakingNews | null> {
  'use cache';
  cacheLife('content');
  const now = new Date();
  const { value, raw } = await loadBreakingNews(contentSource(), now);
  // The linked article's own tag too, even while it is not public: publishing it then adds the link.
  const articleRef = (raw as { articleRef?: unknown } | null)?.articleRef;
  tagWithResult([docTag(SITE_SETTINGS_ID), ...(typeof articleRef === 'string' ? [docTag(articleRef)] : [])], raw, ['article']);
  const seconds = secondsUntilExpiry(value, now);
  // cacheLife keeps the shortest of its calls' values, so this only shortens 'content'.
  if (seconds !== null) cacheLife({ revalidate: seconds });
  return value;
}
