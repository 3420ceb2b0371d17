import { deterministicKey } from '../portable-text/keys.ts';

export type Reference = { _type: 'reference'; _ref: string; _key: string };
export type TaxonomyType = 'tag' | 'source' | 'author';

export function documentId(type: TaxonomyType | 'article', slug: string): string {
  return `${type}-${slug}`;
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
