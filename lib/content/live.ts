import { defineQuery } from 'groq';
import { serverEnv } from '../env.ts';
import { liveFeedDocument } from '../feeds/live-feed.ts';
import { latestOf } from '../format/modified.ts';
import { cachedBody } from '../http/cached-body.ts';
import type { CachedBody } from '../http/conditional.ts';
import { liveBlogJsonLd } from '../seo/live-blog-json-ld.ts';
import { isPublicArticleSlug } from './article.ts';
import { liveTag, slugTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleFull, image, isPublicArticle, isPublicLiveUpdate } from './fragments.ts';
import { islandUpdate, LIVE_PAGE_SIZE, liveBlogFields, liveModifiedAt, livePagePath, liveUpdateSchema, liveUpdateView, newestUpdates } from './live-view.ts';
import { parseEach, parseOne } from './parse.ts';
import type { Perspective } from './perspective.ts';
import { withFullView } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * A live blog: the article's running (or ended) coverage and its updates,
 * which are documents of their own (`liveUpdate`). An update is public when it
 * and its article are: never a draft, never before its publishedAt. Pinned
 * updates lead page 1; the rest run newest first, 40 a page, older pages on
 * static paths (/articles/<slug>/page/<n>).
 */

const updatesOfBlog = /* groq */ `*[${isPublicLiveUpdate} && article._ref == ^._id]`;
const liveUpdateFields = /* groq */ `
  _id, title, publishedAt, keyEvent, pinned,
  "authors": authors[]->{_id, name, "slug": slug.current, role},
  "body": body[]{..., _type == "image" => ${image}, markDefs[]{...}}
`;

export const liveBlogQuery = defineQuery(`*[${isPublicArticle} && slug.current == $slug && coverage in ["live", "ended"]][0]{
  ${articleFull}, coverage, coverageStartedAt, coverageEndedAt,
  "latestAt": ${updatesOfBlog} | order(publishedAt desc) [0].publishedAt,
  "total": count(${updatesOfBlog}[pinned != true]),
  "order": ${updatesOfBlog}[pinned != true] | order(publishedAt desc, _id desc) ._id,
  "keyEvents": ${updatesOfBlog}[keyEvent == true] | order(publishedAt desc) {${liveUpdateFields}},
  "pinned": ${updatesOfBlog}[pinned == true] | order(publishedAt desc) {${liveUpdateFields}},
  "updates": ${updatesOfBlog}[pinned != true] | order(publishedAt desc, _id desc) [$start...$end] {${liveUpdateFields}}
}`);

/**
 * One page (1-based) of a live blog; null when the slug is not a public live
 * blog or the page is past the last (page 1 always exists).
 */
export async function loadLiveBlog(source: QuerySource, slug: string, page: number, origin: string, perspective: Perspective = 'published') {
  const start = (page - 1) * LIVE_PAGE_SIZE;
  // Taken before the read: the data is at least this new (the island compares it; see getLiveUpdatesEntry).
  const loadedAt = new Date().toISOString();
  const raw = await source.query<unknown>(liveBlogQuery, { slug, start, end: start + LIVE_PAGE_SIZE }, perspective);
  const blog = parseOne(liveBlogFields, raw, 'article');
  if (!blog) return { value: null, raw };
  const pageCount = Math.max(1, Math.ceil(blog.total / LIVE_PAGE_SIZE));
  if (page > pageCount) return { value: null, raw };
  const view = (values: unknown) => parseEach(liveUpdateSchema, values, 'liveUpdate').map((update) => liveUpdateView(update, blog, origin));
  const pinned = view(blog.pinned);
  const updates = view(blog.updates);
  const endedAt = blog.coverage === 'ended' ? blog.coverageEndedAt : undefined;
  const article = withFullView(blog);
  const value = {
    /** When this was read from the source: an open page's island ignores poll answers older than its page. */
    loadedAt,
    /** Every public timeline update's id, newest first (all pages). */
    timelineIds: blog.order,
    articleId: blog._id,
    title: blog.title,
    slug: blog.slug,
    language: blog.language,
    isLive: blog.coverage === 'live',
    startedAt: blog.coverageStartedAt,
    endedAt,
    latestAt: blog.latestAt,
    total: blog.total,
    page,
    pageCount,
    pagePath: (n: number) => livePagePath(blog.slug, n),
    keyEvents: view(blog.keyEvents),
    // Pinned updates lead page 1 only, so each anchor exists once.
    pinned: page === 1 ? pinned : [],
    updates,
    jsonLd: liveBlogJsonLd(
      article,
      {
        startedAt: blog.coverageStartedAt,
        endedAt,
        modifiedAt: latestOf([article.modifiedAt, blog.latestAt]) ?? article.modifiedAt,
        updates: newestUpdates({ pinned, updates }),
      },
      origin,
    ),
  };
  return { value, raw };
}

export type LiveBlog = NonNullable<Awaited<ReturnType<typeof loadLiveBlog>>['value']>;
/** What the cache holds: the view model without the path function. */
export type LiveBlogPage = Omit<LiveBlog, 'pagePath'> & { pagePaths: string[] };
export type { LiveUpdateView } from './live-view.ts';
export { islandUpdate, liveModifiedAt, newestUpdates } from './live-view.ts';

/**
 * One page of a live blog, or null. Like an article (getArticle), a slug no
 * public article answers to, or a page past the blog's last, stops before any
 * cache entry of its own: a crawler's made-up URLs must not each keep memory.
 */
export async function getLiveBlog(slug: string, page = 1, perspective: Perspective = 'published'): Promise<LiveBlogPage | null> {
  if (perspective === 'published') {
    if (!(await isPublicArticleSlug(slug))) return null;
    if (page > 1) {
      const first = await getLiveBlogPage(slug, 1, perspective);
      if (!first || page > first.pagePaths.length) return null;
    }
  }
  return getLiveBlogPage(slug, page, perspective);
}

/**
 * One page, tagged so a published update finds it (`live:<article id>`), as
 * well as by the slug (a blog published later) and every document it shows.
 */
async function getLiveBlogPage(slug: string, page: number, perspective: Perspective): Promise<LiveBlogPage | null> {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadLiveBlog(contentSource(), slug, page, serverEnv().SITE_URL, perspective);
  tagWithResult([slugTag('article', slug), ...(value ? [liveTag(value.articleId)] : [])], raw, ['author', 'liveUpdate']);
  if (!value) return null;
  const { pagePath, ...rest } = value;
  return { ...rest, pagePaths: Array.from({ length: value.pageCount }, (_, index) => pagePath(index + 1)) };
}

/** The blog's first page, tagged; the tags are returned for the body's edge keys. */
async function loadTagged(slug: string) {
  const { value, raw } = await loadLiveBlog(contentSource(), slug, 1, serverEnv().SITE_URL);
  const tags = tagWithResult([slugTag('article', slug), ...(value ? [liveTag(value.articleId)] : [])], raw, ['author', 'liveUpdate']);
  return { blog: value, tags };
}

/** The live blog's RSS feed with its validators; null when the slug is not a live blog. */
export async function getLiveFeed(slug: string): Promise<CachedBody | null> {
  return (await isPublicArticleSlug(slug)) ? getLiveFeedEntry(slug) : null;
}

async function getLiveFeedEntry(slug: string): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const { blog, tags } = await loadTagged(slug);
  if (!blog) return null;
  const { SITE_URL, WEBSUB_HUB_URL } = serverEnv();
  return cachedBody(liveFeedDocument({ ...blog, modifiedAt: liveModifiedAt(blog), updates: newestUpdates(blog) }, SITE_URL, WEBSUB_HUB_URL), tags);
}

/** How many of the newest updates the reader's island is offered per poll. */
export const ISLAND_UPDATES = 20;

/**
 * What the live page's island polls: the state of the coverage and the newest
 * timeline updates, rendered as on the page, each with the fingerprint the page
 * carries (data-version) so the island can redraw one that changed. Cached and tagged like the page,
 * so a published update's webhook expires it too.
 */
export async function getLiveUpdatesJson(slug: string): Promise<CachedBody | null> {
  return (await isPublicArticleSlug(slug)) ? getLiveUpdatesEntry(slug) : null;
}

async function getLiveUpdatesEntry(slug: string): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const { blog, tags } = await loadTagged(slug);
  if (!blog) return null;
  const content = {
    isLive: blog.isLive,
    latestAt: blog.latestAt ?? null,
    // Every public update's id: one the page shows and this lacks was withdrawn.
    ids: [...blog.pinned.map(({ _id }) => _id), ...blog.timelineIds],
    // All of them: a changed one is redrawn, and a pinned one is not taken for a new update.
    pinned: blog.pinned.map(islandUpdate),
    // The whole key-event list, drawn as the page draws it.
    keyEvents: blog.keyEvents.map(({ href, label, publishedAt, timeLabel }) => ({ href, label, publishedAt, timeLabel })),
    updates: blog.updates.slice(0, ISLAND_UPDATES).map(islandUpdate),
  };
  // When the data was read: an answer older than the page it reaches (a cache lagging behind)
  // changes nothing there. Not part of the ETag, so a poll of unchanged content still gets a 304.
  const body = JSON.stringify({ ...content, at: blog.loadedAt });
  return cachedBody({ body, contentType: 'application/json; charset=utf-8', lastModified: liveModifiedAt(blog) }, tags, JSON.stringify(content));
}
