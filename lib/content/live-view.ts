import { createHash } from 'node:crypto';
import { z } from 'zod';
import { bodyHtml } from '../feeds/body-html.ts';
import { liveTimeLabel } from '../format/date.ts';
import { latestOf } from '../format/modified.ts';
import { summarize, toPlainText } from '../portable-text/index.ts';
import { articlePath, authorPath, listingPagePath } from '../urls/paths.ts';
import { articleFullFields, authorRefSchema, isoDate, optionalIsoDate, optionalText, portableTextSchema, refList } from './shapes.ts';

/*
 * The live blog's zod schemas and the view model built from them: every
 * update with its anchor, its link, its time as shown, its authors' pages and
 * its body already rendered (the page and the update endpoint show the same
 * HTML, so an update inserted by the island looks like one rendered here).
 */

export const LIVE_PAGE_SIZE = 40;

export const liveUpdateSchema = z.object({
  _id: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/),
  title: optionalText,
  publishedAt: isoDate,
  keyEvent: z
    .boolean()
    .nullish()
    .transform((flag) => flag === true),
  pinned: z
    .boolean()
    .nullish()
    .transform((flag) => flag === true),
  authors: refList(authorRefSchema),
  body: portableTextSchema,
});

/** The article's own fields (for JSON-LD) plus its coverage and updates. */
export const liveBlogFields = articleFullFields.extend({
  coverage: z.enum(['live', 'ended']),
  coverageStartedAt: optionalIsoDate,
  coverageEndedAt: optionalIsoDate,
  latestAt: optionalIsoDate,
  total: z.number().int().nonnegative(),
  order: z
    .array(z.string())
    .nullish()
    .transform((ids) => ids ?? []),
  keyEvents: z.array(z.unknown()).nullish(),
  pinned: z.array(z.unknown()).nullish(),
  updates: z.array(z.unknown()).nullish(),
});

type UpdateFields = z.output<typeof liveUpdateSchema>;
type BlogFields = z.output<typeof liveBlogFields>;

/** Which page of the blog holds an update: pinned ones stay on page 1, the rest by their place in the timeline. */
export function pageOfUpdate(id: string, pinned: boolean, order: readonly string[]): number {
  if (pinned) return 1;
  const index = order.indexOf(id);
  return index < 0 ? 1 : Math.floor(index / LIVE_PAGE_SIZE) + 1;
}

export function livePagePath(slug: string, page: number): string {
  return listingPagePath(articlePath(slug), page);
}

/**
 * What a reader sees of an update, as a short fingerprint: an open page's island compares it with
 * the one the page was rendered with and redraws an update an editor has changed since. Its link
 * (which page holds it) and its pin (where it stands) are left out: they move without its content
 * changing.
 */
export function liveUpdateVersion(view: {
  title: string | undefined;
  timeLabel: string;
  keyEvent: boolean;
  authors: { name: string; path: string }[];
  bodyHtml: string;
}): string {
  const seen = JSON.stringify([view.title ?? null, view.timeLabel, view.keyEvent, view.authors, view.bodyHtml]);
  return createHash('sha256').update(seen).digest('base64url').slice(0, 16);
}

export function liveUpdateView(update: UpdateFields, blog: Pick<BlogFields, 'slug' | 'language' | 'order'>, origin: string) {
  const anchor = `update-${update._id}`;
  const plain = toPlainText(update.body);
  const timeLabel = liveTimeLabel(update.publishedAt, blog.language);
  const authors = update.authors.map((author) => ({ name: author.name, path: authorPath(author.slug) }));
  const html = bodyHtml(update.body, origin);
  return {
    _id: update._id,
    anchor,
    href: `${livePagePath(blog.slug, pageOfUpdate(update._id, update.pinned, blog.order))}#${anchor}`,
    title: update.title,
    publishedAt: new Date(update.publishedAt).toISOString(),
    timeLabel,
    keyEvent: update.keyEvent,
    pinned: update.pinned,
    authors,
    bodyHtml: html,
    version: liveUpdateVersion({ title: update.title, timeLabel, keyEvent: update.keyEvent, authors, bodyHtml: html }),
    /** A one-line label: the title, else the start of the text (key events, feed titles). */
    label: update.title ?? summarize(plain, 120),
    summary: summarize(plain, 300),
  };
}

export type LiveUpdateView = ReturnType<typeof liveUpdateView>;

/**
 * The newest public updates, newest first, pinned ones in their place: what
 * the feed and JSON-LD carry (page 1's updates and pins).
 */
export function newestUpdates<T extends { publishedAt: string; _id: string }>(blog: { pinned: readonly T[]; updates: readonly T[] }): T[] {
  return [...blog.pinned, ...blog.updates].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b._id.localeCompare(a._id));
}

/** When the blog last changed, for feeds and validators. */
export function liveModifiedAt(blog: { latestAt?: string; startedAt?: string; endedAt?: string }): string | undefined {
  return latestOf([blog.latestAt, blog.startedAt, blog.endedAt].filter((date): date is string => date !== undefined));
}

/** An update as the island draws it (components/live/live-island-markup.ts). */
export const islandUpdate = ({ _id, anchor, href, title, publishedAt, timeLabel, keyEvent, pinned, authors, bodyHtml, version }: LiveUpdateView) => ({
  _id,
  anchor,
  href,
  title: title ?? null,
  publishedAt,
  timeLabel,
  keyEvent,
  pinned,
  authors,
  bodyHtml,
  version,
});
