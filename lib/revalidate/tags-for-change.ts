import { anyTag, docTag, listTag, liveTag, slugTag } from '../content/cache-tags.ts';
import { isPublishedId } from '../content/perspective.ts';

/*
 * Which cache tags one document change expires. Pure, so the webhook's
 * decisions are tested case by case (tests/unit/revalidate-tags.test.ts).
 *
 * - `doc:<id>`: every cached read whose result holds the document, including
 *   the pages of articles that reference a changed tag, source or author;
 * - `list:<type>`: lists of that type (a new or deleted document changes them), unless the
 *   webhook says the change moves it in no list (`listsChanged: false`, webhook-projection.ts);
 * - `any:<type>`: reads that depend on that type without naming each document (cache-tags.ts);
 * - `slug:<type>:<slug>`: lookups by its slug (a 404 becomes a page on publish),
 *   and by each of its `previousSlugs`, so an old URL turns into a redirect.
 *
 * Drafts and release versions are never public, so a change to one expires
 * nothing: the webhook's filter should exclude them, and this refuses them anyway.
 */

export type DocumentChange = {
  id: string;
  type: string;
  slug?: string;
  previousSlugs: string[];
  /** A live update's live blog (`article._ref`, or the projection's `article` id string). */
  article?: string;
  /**
   * Whether the change can move the document into, out of or within a list (the projection's
   * `listsChanged`, webhook-projection.ts). Only an explicit `false` says no: a whole document
   * as payload, or a projection without the field, expires the type's lists as before.
   */
  listsChanged: boolean;
};

export type ChangeParse =
  | { ok: true; change: DocumentChange }
  | { ok: false; reason: string };

export type TagsDecision =
  | { revalidate: true; tags: string[] }
  | { revalidate: false; reason: string };

// Sanity ids: letters, digits, `_`, `-` and `.` (drafts./versions. prefixes); bounded so a tag stays short.
const ID = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;
const TYPE = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const MAX_SLUG = 200;
const MAX_PREVIOUS_SLUGS = 50;

/**
 * Reads a webhook payload: the whole document (Sanity's default) or a
 * projection such as `{_id, _type, slug, previousSlugs}`, where `slug` may be
 * the slug object or the string `slug.current`.
 */
export function parseChange(payload: unknown): ChangeParse {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, reason: 'the body is not a JSON object' };
  }
  const record = payload as Record<string, unknown>;
  if (typeof record._id !== 'string' || !ID.test(record._id)) return { ok: false, reason: 'missing or invalid _id' };
  if (typeof record._type !== 'string' || !TYPE.test(record._type)) return { ok: false, reason: 'missing or invalid _type' };
  const previous = Array.isArray(record.previousSlugs) ? record.previousSlugs : [];
  return {
    ok: true,
    change: {
      id: record._id,
      type: record._type,
      slug: slugValue(record.slug),
      previousSlugs: [...new Set(previous.slice(0, MAX_PREVIOUS_SLUGS).map(slugValue).filter((slug) => slug !== undefined))],
      ...articleRef(record.article),
      listsChanged: record.listsChanged !== false,
    },
  };
}

export function tagsForChange(change: DocumentChange): TagsDecision {
  if (!isPublishedId(change.id)) {
    return { revalidate: false, reason: 'a draft or release version changed; public pages show published documents only' };
  }
  // `list:<type>` is on nearly every page (lists, onward reading, 404s): expired only when a list can change.
  const tags = change.listsChanged ? [docTag(change.id), listTag(change.type)] : [docTag(change.id)];
  // Reads that hold too many documents to name them, and search, follow every change of the type.
  tags.push(anyTag(change.type));
  if (change.slug) tags.push(slugTag(change.type, change.slug));
  for (const old of change.previousSlugs) tags.push(slugTag(change.type, old));
  // A live update also expires its blog's live reads (page, older pages, feed, update endpoint).
  if (change.type === 'liveUpdate' && change.article) tags.push(liveTag(change.article));
  return { revalidate: true, tags: [...new Set(tags)] };
}

function articleRef(value: unknown): { article?: string } {
  const raw = typeof value === 'object' && value !== null ? (value as { _ref?: unknown })._ref : value;
  return typeof raw === 'string' && ID.test(raw) && isPublishedId(raw) ? { article: raw } : {};
}

function slugValue(value: unknown): string | undefined {
  const raw = typeof value === 'object' && value !== null ? (value as { current?: unknown }).current : value;
  if (typeof raw !== 'string') return undefined;
  const slug = raw.trim();
  return slug !== '' && slug.length <= MAX_SLUG ? slug : undefined;
}
