import { anyTag, docTag, listTag, liveTag, slugTag } from '../content/cache-tags.ts';
import { isPublishedId } from '../content/perspective.ts';
import type { DocumentChange } from './change.ts';

/*
 * Which cache tags one document change (read from the payload by change.ts) expires. Pure, so
 * the webhook's decisions are tested case by case (tests/unit/revalidate-tags.test.ts).
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

export type TagsDecision = { revalidate: true; tags: string[] } | { revalidate: false; reason: string };

/** Reads only what names cached reads: the document's id, type, slugs and (a live update's) blog. */
export function tagsForChange(change: Pick<DocumentChange, 'id' | 'type' | 'slug' | 'previousSlugs' | 'listsChanged' | 'article'>): TagsDecision {
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
