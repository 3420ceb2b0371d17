import type { RawDocument } from '../dataset/ndjson.ts';
import { contentHash } from '../portable-text/keys.ts';
import type { PortableTextBlock } from '../portable-text/types.ts';
import { articlePath } from '../urls/paths.ts';
import { TITLE_MAX, bodyProblems } from '../../sanity/lib/article-rules.ts';
import { idPart, referenceTo, type Reference } from './references.ts';
import { findBySlug } from './taxonomy.ts';

// The Studio's limits for an update (sanity/schema-types/live-update.ts) are the article's.
export const LIVE_UPDATE_TITLE_MAX = TITLE_MAX;

export type LiveUpdateDocument = {
  _id: string;
  _type: 'liveUpdate';
  _rev: string;
  _createdAt: string;
  _updatedAt: string;
  article: { _type: 'reference'; _ref: string };
  publishedAt: string;
  title?: string;
  body: PortableTextBlock[];
  keyEvent: boolean;
  pinned: boolean;
  authors: Reference[];
};

export type LiveUpdateInput = {
  body: PortableTextBlock[];
  title?: string;
  publishedAt?: string;
  authors?: string[];
  keyEvent?: boolean;
  pinned?: boolean;
};

export type LivePlan<T> = { document: T; path: string; log: string[] };

/** `liveUpdate-<article slug>-<n>`: the importer's ids, numbered per live blog (slug made id-safe: idPart). */
export function liveUpdateId(articleSlug: string, n: number): string {
  return `${liveUpdatePrefix(articleSlug)}${n}`;
}

/** What every importer id of this blog's updates starts with. */
export function liveUpdatePrefix(articleSlug: string): string {
  return `liveUpdate-${idPart(articleSlug)}-`;
}

/** The next free number for a live blog's updates, drafts included so a draft never gets overwritten. */
export function nextUpdateNumber(articleSlug: string, ids: Iterable<string>): number {
  const pattern = new RegExp(`^(?:drafts\\.)?${liveUpdatePrefix(articleSlug).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  let max = 0;
  for (const id of ids) {
    const found = pattern.exec(id);
    if (found) max = Math.max(max, Number(found[1]));
  }
  return max + 1;
}

/**
 * The published live blog with this slug, or an error an editor can act on. Found by its slug,
 * not by the importer's id: an article started in the Studio has an id of Sanity's own.
 */
export function findLiveBlog(slug: string, dataset: RawDocument[], wanted: 'live' | 'any' = 'live'): RawDocument {
  const article = findBySlug(dataset, 'article', slug);
  if (!article) {
    throw new Error(`No published article "${slug}" in the dataset: check the slug in the article's URL.`);
  }
  if (wanted === 'live' && article.coverage !== 'live') {
    const state = article.coverage === 'ended' ? 'its live coverage has ended' : 'it is not a live blog';
    throw new Error(`Cannot post to "${slug}": ${state}. Set its Live coverage to Live (in the Studio, or with "live ${slug} --start").`);
  }
  return article;
}

/**
 * Plans one update of a live blog without touching the dataset: checks the
 * article is a running live blog and the authors exist, numbers the update
 * after the blog's existing ones, and builds the document.
 */
export function planLiveUpdate(slug: string, input: LiveUpdateInput, now: string, dataset: RawDocument[]): LivePlan<LiveUpdateDocument> {
  const article = findLiveBlog(slug, dataset);
  const title = input.title?.trim();
  if (title && title.length > LIVE_UPDATE_TITLE_MAX) {
    throw new Error(`The update title is ${title.length} characters; at most ${LIVE_UPDATE_TITLE_MAX} are allowed.`);
  }
  if (input.body.length === 0) throw new Error('The update has no text: write its body.');
  // The body rules the Studio enforces before publishing (link schemes, alt text): an update is
  // public the moment it is written, so one that fails them is refused, not posted.
  const problems = bodyProblems(input.body);
  if (problems.length > 0) throw new Error(`The update cannot be published: ${problems.join(' ')}`);
  const ids = new Set(dataset.map((doc) => doc._id));
  // Authors by their slug, as the article importer finds them: one made in the Studio has an id of its own.
  const authorIds = (input.authors ?? []).map((author) => findBySlug(dataset, 'author', author)?._id);
  const missing = (input.authors ?? []).filter((_, index) => authorIds[index] === undefined);
  if (missing.length > 0) {
    throw new Error(`No author ${missing.map((author) => `"${author}"`).join(', ')} in the dataset: check the slug (authors are not created for updates).`);
  }
  const id = liveUpdateId(slug, nextUpdateNumber(slug, ids));
  const doc: LiveUpdateDocument = {
    _id: id,
    _type: 'liveUpdate',
    _rev: '',
    _createdAt: now,
    _updatedAt: now,
    article: { _type: 'reference', _ref: article._id },
    publishedAt: input.publishedAt ?? now,
    body: input.body,
    keyEvent: input.keyEvent === true,
    pinned: input.pinned === true,
    authors: authorIds.map((authorId) => referenceTo(authorId!)),
  };
  if (title) doc.title = title;
  doc._rev = contentHash(JSON.stringify({ ...doc, _rev: undefined }));
  const log = Date.parse(doc.publishedAt) > Date.parse(now) ? [`held back until ${doc.publishedAt} (embargo)`] : [];
  return { document: doc, path: `${articlePath(slug)}#update-${id}`, log };
}

/** Starts (`live`) or ends (`ended`) a live blog's coverage, keeping everything else. */
export function planCoverageChange(slug: string, coverage: 'live' | 'ended', now: string, dataset: RawDocument[]): LivePlan<RawDocument> {
  const article = findLiveBlog(slug, dataset, 'any');
  if (coverage === 'ended' && article.coverage !== 'live') {
    throw new Error(`"${slug}" is not running live coverage (coverage: ${String(article.coverage ?? 'none')}); nothing to end.`);
  }
  if (coverage === 'live' && article.coverage === 'live') throw new Error(`"${slug}" is already live.`);
  const doc: RawDocument = { ...article, _rev: '', _updatedAt: now, coverage };
  if (coverage === 'live') {
    // Reopening an ended blog keeps its original start.
    doc.coverageStartedAt = typeof article.coverageStartedAt === 'string' ? article.coverageStartedAt : now;
    delete doc.coverageEndedAt;
  } else {
    doc.coverageEndedAt = now;
  }
  doc._rev = contentHash(JSON.stringify({ ...doc, _rev: undefined }));
  return { document: doc, path: articlePath(slug), log: [] };
}
