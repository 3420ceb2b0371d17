import { cacheLife, cacheTag } from 'next/cache';
import { site } from '../site.ts';
import { listTag, slugTag, tagsForResult } from './cache-tags.ts';
import {
  loadArticle,
  loadArticleRedirect,
  loadAuthorListing,
  loadAuthors,
  loadHome,
  loadRecentArticleSlugs,
  loadSourceListing,
  loadSources,
  loadTagListing,
  loadTags,
} from './load.ts';
import type { Perspective } from './perspective.ts';
import { contentSource } from './sources/index.ts';

/*
 * The one door to content for pages, feeds and sitemaps. Each getter is a
 * cached ("use cache") call of a pure loader, tagged with what it read so the
 * publish webhook can expire exactly the pages a change touches (see
 * cache-tags.ts and docs/decisions/0001-caching.md). A failing source throws:
 * a page being regenerated then keeps its last good version.
 */

const REFERENCED = ['tag', 'source', 'author'];

export function tagWithResult(base: string[], raw: unknown, fallbackTypes: string[] = REFERENCED) {
  cacheTag(...tagsForResult(base, raw, fallbackTypes));
}

export async function getHome(perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadHome(contentSource(), perspective);
  tagWithResult([listTag('article')], raw);
  return value;
}

export async function getArticle(slug: string, perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadArticle(contentSource(), slug, perspective);
  tagWithResult([slugTag('article', slug)], raw);
  return value;
}

/** The current slug of the article that once had `slug`, for a permanent redirect. */
export async function getArticleRedirect(slug: string, perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadArticleRedirect(contentSource(), slug, perspective);
  tagWithResult([listTag('article'), slugTag('article', slug)], raw);
  return value;
}

export async function getRecentArticleSlugs(limit = 50) {
  'use cache';
  cacheLife('content');
  const { value } = await loadRecentArticleSlugs(contentSource(), limit);
  cacheTag(listTag('article'));
  return value;
}

export async function getTags(perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value } = await loadTags(contentSource(), perspective);
  // Counts depend on every article, so this list follows articles too.
  cacheTag(listTag('tag'), listTag('article'));
  return value;
}

export async function getSources(perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value } = await loadSources(contentSource(), perspective);
  cacheTag(listTag('source'), listTag('article'));
  return value;
}

export async function getAuthors(perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value } = await loadAuthors(contentSource(), perspective);
  cacheTag(listTag('author'), listTag('article'));
  return value;
}

export async function getTagListing(slug: string, page = 1, perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadTagListing(contentSource(), slug, page, site.pageSize, perspective);
  tagWithResult([listTag('article'), slugTag('tag', slug)], raw);
  return value;
}

export async function getSourceListing(slug: string, page = 1, perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadSourceListing(contentSource(), slug, page, site.pageSize, perspective);
  tagWithResult([listTag('article'), slugTag('source', slug)], raw);
  return value;
}

export async function getAuthorListing(slug: string, page = 1, perspective: Perspective = 'published') {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadAuthorListing(contentSource(), slug, page, site.pageSize, perspective);
  tagWithResult([listTag('article'), slugTag('author', slug)], raw);
  return value;
}

export type { Article, ArticleCard, Author, Source, Tag, TagRef, SourceRef, AuthorRef, ContentImage } from './schemas.ts';
