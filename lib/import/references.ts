import { createHash } from 'node:crypto';
import { deterministicKey } from '../portable-text/keys.ts';

export type Reference = { _type: 'reference'; _ref: string; _key: string };
export type TaxonomyType = 'tag' | 'source' | 'author';

/*
 * The importer's ids are read from slugs (`article-<slug>`, `liveUpdate-<slug>-<n>`). Sanity
 * accepts only ASCII letters, digits, `_`, `-` and `.` in an id, while a slug keeps the letters
 * of scripts it does not transliterate (Greek, Arabic, CJK…: lib/portable-text/slugify.ts). Such a
 * slug gives its ASCII letters and a hash of the whole slug instead, so the id is valid, stable
 * across imports and still unique; every ASCII slug is used as it is.
 */
const ID_SAFE = /^[A-Za-z0-9_-]+$/;
// Room for `liveUpdate-` and `-<n>` within Sanity's 128 characters; a generated slug is at most 96.
const ID_PART_MAX = 100;

export function idPart(slug: string): string {
  if (ID_SAFE.test(slug) && slug.length <= ID_PART_MAX) return slug;
  const ascii = slug
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, ID_PART_MAX - 13)
    .replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 12);
  return ascii ? `${ascii}-${hash}` : hash;
}

export function documentId(type: TaxonomyType | 'article', slug: string): string {
  return `${type}-${idPart(slug)}`;
}

/**
 * The id an imported article with this slug has: documentId's, unless an earlier import wrote it
 * as `article-<slug>` before ids were made id-safe (non-ASCII letters, or over 100 characters) and
 * that document, published or as a draft, still `exists`.
 */
export function importedArticleId(slug: string, exists: (id: string) => boolean): string {
  const legacy = `article-${slug}`;
  return exists(legacy) || exists(`drafts.${legacy}`) ? legacy : documentId('article', slug);
}

/** A reference keyed by its target, so the key survives reordering and re-imports. */
export function referenceTo(id: string): Reference {
  return { _type: 'reference', _ref: id, _key: deterministicKey('ref', id) };
}

/** Turns "central-asia" into "Central Asia" for a document created from a bare slug. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
