import { isPublishedId } from '../content/perspective.ts';
import type { RawDocument } from '../dataset/ndjson.ts';
import { contentHash } from '../portable-text/keys.ts';
import { slugify } from '../portable-text/slugify.ts';
import { knownSource } from './known-sources.ts';
import { documentId, titleFromSlug, type TaxonomyType } from './references.ts';

/** Published documents only, by id: a draft never satisfies a reference. */
export function indexById(docs: RawDocument[]): Map<string, RawDocument> {
  return new Map(docs.filter((doc) => isPublishedId(doc._id)).map((doc) => [doc._id, doc]));
}

/** A tag, source or author made from a bare slug (`--tags new-tag`). */
export function taxonomyFromSlug(type: TaxonomyType, slug: string, now: string): RawDocument {
  const label = titleFromSlug(slug);
  const fields: Record<string, unknown> = type === 'tag' ? { title: label } : type === 'source' ? { name: label, kind: 'other' } : { name: label };
  return withSystemFields(type, slug, now, fields);
}

/** A source named by a sign-off line that matches no existing source. */
export function sourceFromName(name: string, now: string): RawDocument {
  const slug = slugify(name);
  if (slug === '') throw new Error(`The sign-off "— ${name}" does not name a usable source.`);
  const known = knownSource(name);
  const fields: Record<string, unknown> = { name: name.trim(), kind: known?.kind ?? 'other' };
  if (known?.url) fields.url = known.url;
  return withSystemFields('source', slug, now, fields);
}

/** The existing published source whose name matches, ignoring case. */
export function findSourceByName(byId: Map<string, RawDocument>, name: string): RawDocument | undefined {
  const wanted = name.trim().toLowerCase();
  for (const doc of byId.values()) {
    if (doc._type === 'source' && typeof doc.name === 'string' && doc.name.trim().toLowerCase() === wanted) return doc;
  }
  return undefined;
}

/** The published document of this type with this slug, whoever made it: the Studio gives ids of its own. */
export function findBySlug(dataset: Iterable<RawDocument>, type: string, slug: string): RawDocument | undefined {
  for (const doc of dataset) if (doc._type === type && isPublishedId(doc._id) && slugOf(doc) === slug) return doc;
  return undefined;
}

export function slugOf(doc: RawDocument): string | undefined {
  const slug = doc.slug as { current?: unknown } | undefined;
  return typeof slug?.current === 'string' ? slug.current : undefined;
}

function withSystemFields(type: TaxonomyType, slug: string, now: string, fields: Record<string, unknown>): RawDocument {
  const doc: RawDocument = {
    _id: documentId(type, slug),
    _type: type,
    _rev: '',
    _createdAt: now,
    _updatedAt: now,
    ...fields,
    slug: { _type: 'slug', current: slug },
  };
  doc._rev = contentHash(JSON.stringify({ ...doc, _rev: undefined }));
  return doc;
}
