import { z } from 'zod';
import { isPublishedId } from '../content/perspective.ts';

/*
 * The publish webhook's payload, read once into the one change every step of the pipeline
 * reads: the cache tags it expires (tags-for-change.ts), the edge purge of those tags and the
 * WebSub ping (lib/websub/feeds-for-change.ts). The payload is either the whole document
 * (Sanity's default) or the projection the webhook is set up with (webhook-projection.ts), which
 * adds the slugs of what the document points at: `tagSlugs`, `sourceSlugs`, `articleSlug`.
 * Without them the referenced ids are kept, and looked up in the content (referenced-slugs.ts):
 * an id says nothing about a slug (the Studio's ids are random; `tag-ca` may be `central-asia`).
 */

// Sanity ids: letters, digits, `_`, `-` and `.` (drafts./versions. prefixes); bounded so a tag stays short.
const ID = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;
const TYPE = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
const MAX_SLUG = 200;
const MAX_PREVIOUS_SLUGS = 50;
// An article has a handful of tags and sources; a payload naming thousands asks for no lookup of each.
const MAX_REFERENCES = 100;

export type DocumentChange = {
  id: string;
  type: string;
  slug?: string;
  previousSlugs: string[];
  /**
   * Whether the change can move the document into, out of or within a list (the projection's
   * `listsChanged`). Only an explicit `false` says no: a whole document as payload, or a
   * projection without the field, expires the type's lists.
   */
  listsChanged: boolean;
  /** Set on a live blog (an article with live coverage). */
  coverage?: string;
  /** A live update's live blog, by id (`article._ref`): its `live:` tag names it by id. */
  article?: string;
  /** The ids of the tags and sources the whole document references (none in the projection). */
  tagIds: string[];
  sourceIds: string[];
  /** Slugs of the referenced tags, sources and live blog, when the payload carried them (the projection). */
  tagSlugs?: string[];
  sourceSlugs?: string[];
  articleSlug?: string;
};

/** A change whose referenced slugs are known: the projection's, or looked up by id in the content. */
export type ResolvedChange = DocumentChange & { tagSlugs: string[]; sourceSlugs: string[] };

export type ChangeParse = { ok: true; change: DocumentChange } | { ok: false; reason: string };

/** `slug` as stored (`{current}`) or as a projection of `slug.current` gives it; blank or overlong is none. */
function slugValue(value: unknown): string | undefined {
  const raw = typeof value === 'object' && value !== null ? (value as { current?: unknown }).current : value;
  if (typeof raw !== 'string') return undefined;
  const slug = raw.trim();
  return slug !== '' && slug.length <= MAX_SLUG ? slug : undefined;
}

/** A reference (`{_ref}`) or a bare id, to a published document (a published one never points at a draft). */
function referencedId(value: unknown): string | undefined {
  const raw = typeof value === 'object' && value !== null ? (value as { _ref?: unknown })._ref : value;
  return typeof raw === 'string' && ID.test(raw) && isPublishedId(raw) ? raw : undefined;
}

const present = <T>(value: T | undefined): value is T => value !== undefined;
const listOf = (value: unknown, max: number) => (Array.isArray(value) ? value.slice(0, max) : []);
const slugsIn = (value: unknown, max: number) => [...new Set(listOf(value, max).map(slugValue).filter(present))];
const idsIn = (value: unknown) => [...new Set(listOf(value, MAX_REFERENCES).map(referencedId).filter(present))];

/** A field read leniently: an unusable value is dropped, never a reason to refuse the delivery (zod 4 runs the reader on a missing key only after `.optional()`). */
const field = <T>(read: (value: unknown) => T) => z.unknown().optional().transform(read);

const payloadSchema = z.object(
  {
    _id: z.string({ error: 'missing or invalid _id' }).regex(ID, 'missing or invalid _id'),
    _type: z.string({ error: 'missing or invalid _type' }).regex(TYPE, 'missing or invalid _type'),
    slug: field(slugValue),
    previousSlugs: field((value) => slugsIn(value, MAX_PREVIOUS_SLUGS)),
    listsChanged: field((value) => value !== false),
    coverage: field((value) => (typeof value === 'string' && value !== '' ? value : undefined)),
    article: field(referencedId),
    tags: field(idsIn),
    sources: field(idsIn),
    // Absent: the whole document, whose references are looked up by id. `null`: projected, none.
    tagSlugs: field((value) => (value === undefined ? undefined : slugsIn(value, MAX_REFERENCES))),
    sourceSlugs: field((value) => (value === undefined ? undefined : slugsIn(value, MAX_REFERENCES))),
    articleSlug: field(slugValue),
  },
  { error: 'the body is not a JSON object' },
);

/** Reads a webhook payload (the whole document or the projection); refuses one without a usable `_id` and `_type`. */
export function parseChange(payload: unknown): ChangeParse {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'not a document change' };
  const { _id, _type, tags, sources, ...rest } = parsed.data;
  return { ok: true, change: { ...rest, id: _id, type: _type, tagIds: tags, sourceIds: sources } };
}
