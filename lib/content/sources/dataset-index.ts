import type { RawDocument } from '../../dataset/ndjson.ts';

/*
 * Lookups over one dataset (one perspective of one file), built in a single pass.
 * Every list keeps dataset order, so a query narrowed to a list returns what a full
 * scan would, in the same order. A list may hold more than a filter matches (the
 * query's own filter still runs over it), never less.
 */

export type IndexKind = 'type' | 'slug' | 'previousSlug' | 'ref' | 'id' | 'all';

export type DatasetIndex = {
  /** What `->` finds: the first document with this `_id`, as a full scan would. */
  byId(id: string): RawDocument | undefined;
  /** Documents that may match the lookup, in dataset order (empty: none can). */
  candidates(kind: IndexKind, key: string): RawDocument[];
  size: number;
};

const EMPTY: RawDocument[] = [];

function add(map: Map<string, RawDocument[]>, key: string, doc: RawDocument) {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  // A document mentioning a key twice is listed once.
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/** Every string `_ref` anywhere in a document: a superset of what `references()` and `x in y[]._ref` match. */
function collectRefs(value: unknown, found: (ref: string) => void) {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_ref' && typeof child === 'string') found(child);
      else collectRefs(child, found);
    }
  }
}

function slugOf(doc: RawDocument): string | undefined {
  const slug = doc.slug;
  if (typeof slug !== 'object' || slug === null || Array.isArray(slug)) return undefined;
  const current = (slug as Record<string, unknown>).current;
  return typeof current === 'string' ? current : undefined;
}

export function buildDatasetIndex(docs: RawDocument[]): DatasetIndex {
  const ids = new Map<string, RawDocument>();
  const maps: Record<Exclude<IndexKind, 'id' | 'all'>, Map<string, RawDocument[]>> = {
    type: new Map(),
    slug: new Map(),
    previousSlug: new Map(),
    ref: new Map(),
  };
  const byIdList = new Map<string, RawDocument[]>();
  for (const doc of docs) {
    if (!ids.has(doc._id)) ids.set(doc._id, doc);
    add(byIdList, doc._id, doc);
    add(maps.type, doc._type, doc);
    const slug = slugOf(doc);
    if (slug !== undefined) add(maps.slug, slug, doc);
    if (Array.isArray(doc.previousSlugs)) {
      for (const previous of doc.previousSlugs) if (typeof previous === 'string') add(maps.previousSlug, previous, doc);
    }
    collectRefs(doc, (ref) => add(maps.ref, ref, doc));
  }
  return {
    byId: (id) => ids.get(id),
    candidates: (kind, key) => (kind === 'all' ? docs : kind === 'id' ? byIdList.get(key) : maps[kind].get(key)) ?? EMPTY,
    size: docs.length,
  };
}
