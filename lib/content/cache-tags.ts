/*
 * Cache tags, named in one place so the readers (lib/content) and the
 * revalidation webhook agree. A cached read carries:
 * - `list:<type>` when it lists documents of that type (a new or deleted one changes it);
 * - `slug:<type>:<slug>` when it looks a document up by slug (a 404 becomes a page when published);
 * - `doc:<_id>` for every document in its result, referenced tags, sources and authors included;
 * - `any:<type>` when it depends on documents of that type it cannot name one by one (a read
 *   past the tag limit, search): every published change of that type expires it.
 */

// Next.js keeps at most 128 tags on one cache entry.
const MAX_TAGS = 120;

export function listTag(type: string): string {
  return `list:${type}`;
}

export function slugTag(type: string, slug: string): string {
  return `slug:${type}:${slug}`.slice(0, 256);
}

export function anyTag(type: string): string {
  return `any:${type}`;
}

export function docTag(id: string): string {
  return `doc:${id}`.slice(0, 256);
}

/**
 * `live:<article _id>`: a live blog's updates. A new update is in no cached
 * result yet, so its publish finds the live page, its older pages, its feed
 * and its update endpoint by the blog it points at.
 */
export function liveTag(articleId: string): string {
  return `live:${articleId}`.slice(0, 256);
}

/** Every `_id` in a query result, however deeply nested. */
export function idsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_id' && typeof child === 'string') found.add(child);
      else idsIn(child, found);
    }
  }
  return found;
}

/** The `_id` of every live blog (an object with a `coverage`) in a query result. */
export function liveBlogsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) liveBlogsIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record._id === 'string' && typeof record.coverage === 'string') found.add(record._id);
    for (const child of Object.values(record)) liveBlogsIn(child, found);
  }
  return found;
}

/**
 * The tags for one read. Past the limit the per-document tags give way to the
 * list and `any:` tags of the types involved (those it lists and `fallbackTypes`):
 * coarser, but any change to one of its documents still expires it, including
 * an edit that moves nothing in any list and so expires no `list:` tag.
 */
export function tagsForResult(baseTags: string[], result: unknown, fallbackTypes: string[] = []): string[] {
  // A read that shows a live blog (a card with its latest update time, the page) follows its updates.
  const base = [...baseTags, ...[...liveBlogsIn(result)].map(liveTag)];
  const ids = [...idsIn(result)].map(docTag);
  if (base.length + ids.length <= MAX_TAGS) return [...new Set([...base, ...ids])];
  const listed = base.filter((tag) => tag.startsWith('list:')).map((tag) => tag.slice('list:'.length));
  const types = [...new Set([...listed, ...fallbackTypes])];
  return [...new Set([...base, ...types.map(listTag), ...types.map(anyTag)])];
}
