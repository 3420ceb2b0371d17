import type { RawDocument } from '../../dataset/ndjson.ts';

/*
 * Lookups over one dataset (one perspective of one file), built in a single pass.
 * Every list keeps dataset order, so a query narrowed to a list returns what a full
 * scan would, in the same order. A list may hold more than a filter matches (the
 * query's own filter still runs over it), never less.
 */

/** `ref`: what `references(id)` finds; `refDeep`: every `_ref` anywhere (for `id in sources[]._ref`). */
export type IndexKind = 'type' | 'slug' | 'previousSlug' | 'ref' | 'refDeep' | 'anyRef' | 'id' | 'all';

export type DatasetIndex = {
  /** What `->` finds: the first document with this `_id`, as a full scan would. */
  byId(id: string): RawDocument | undefined;
  /** Documents that may match the lookup, in dataset order (empty: none can). */
  candidates(kind: Exclude<IndexKind, 'anyRef'>, key: string): RawDocument[];
  /** Documents referencing any of `ids`, each once, in dataset order. */
  referencingAny(ids: string[]): RawDocument[];
  size: number;
};

const EMPTY: RawDocument[] = [];

function add(map: Map<string, RawDocument[]>, key: string, doc: RawDocument) {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  // A document mentioning a key twice is listed once.
  else if (list[list.length - 1] !== doc) list.push(doc);
}

/**
 * One walk for both reference lists. `exact`: what groq-js's references() looks at (an
 * object with a `_ref` is a reference and is not looked into). `deep`: every string
 * `_ref` anywhere, a superset of what `x in y[]._ref` matches.
 */
function collectRefs(value: unknown, found: { exact(ref: string): void; deep(ref: string): void }, exact = true) {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found, exact);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (exact && record._ref) {
      if (typeof record._ref === 'string') found.exact(record._ref);
      exact = false;
    }
    for (const key in record) {
      const child = record[key];
      if (key === '_ref' && typeof child === 'string') found.deep(child);
      else if (typeof child === 'object' && child !== null) collectRefs(child, found, exact);
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
  const positions = new Map<RawDocument, number>();
  const maps: Record<Exclude<IndexKind, 'id' | 'all' | 'anyRef'>, Map<string, RawDocument[]>> = {
    type: new Map(),
    slug: new Map(),
    previousSlug: new Map(),
    ref: new Map(),
    refDeep: new Map(),
  };
  const byIdList = new Map<string, RawDocument[]>();
  for (const [position, doc] of docs.entries()) {
    if (!positions.has(doc)) positions.set(doc, position);
    if (!ids.has(doc._id)) ids.set(doc._id, doc);
    add(byIdList, doc._id, doc);
    add(maps.type, doc._type, doc);
    const slug = slugOf(doc);
    if (slug !== undefined) add(maps.slug, slug, doc);
    if (Array.isArray(doc.previousSlugs)) {
      for (const previous of doc.previousSlugs) if (typeof previous === 'string') add(maps.previousSlug, previous, doc);
    }
    collectRefs(doc, { exact: (ref) => add(maps.ref, ref, doc), deep: (ref) => add(maps.refDeep, ref, doc) });
  }
  return {
    byId: (id) => ids.get(id),
    candidates: (kind, key) => (kind === 'all' ? docs : kind === 'id' ? byIdList.get(key) : maps[kind].get(key)) ?? EMPTY,
    referencingAny(refs) {
      const found = new Set(refs.flatMap((ref) => maps.refDeep.get(ref) ?? EMPTY));
      return [...found].sort((a, b) => positions.get(a)! - positions.get(b)!);
    },
    size: docs.length,
  };
}
