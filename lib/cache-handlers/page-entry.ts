import { etagOf } from '../http/conditional.ts';
import { addEdgeKeys } from './edge-keys.ts';
import { stripStaticDocument } from './static-documents.ts';

/*
 * What the page caches do to an entry before it is stored or served, whichever
 * handler holds it (file-system-handler.ts, incremental-handler.ts). Once per
 * entry: Next serves a fresh render from the very object it hands the
 * handler's `set`, and its memory cache hands back the same object on every
 * hit, so nothing here is paid per request.
 *
 * - the edge keys (edge-keys.ts), for every kind of entry;
 * - a page's document without the framework's scripts when its layout marked
 *   it server-only (static-documents.ts);
 * - a page's ETag, hashed here once. `generateEtags` is off in next.config.ts:
 *   Next's own hashed the whole document again on every request, the largest
 *   single cost of serving a cached page. The edge answers conditional
 *   requests from its copy with this ETag; an instance without the edge
 *   answers them in full (docs/decisions/0012).
 */

type PageValue = { kind?: unknown; html?: unknown; headers?: Record<string, unknown> };

const prepared = new WeakSet<object>();
let warned = false;

export function preparePageEntry(cacheKey: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || prepared.has(value)) return;
  prepared.add(value);
  addEdgeKeys(value);
  const entry = value as PageValue;
  if (entry.kind !== 'APP_PAGE' || typeof entry.html !== 'string') return;
  const result = stripStaticDocument(entry.html);
  const html = result.kind === 'stripped' ? result.html : entry.html;
  entry.html = html;
  if (result.kind === 'kept' && !warned) {
    warned = true;
    console.warn(`[cache] ${cacheKey} (and any other page like it) is served with the framework's scripts: ${result.reason}`);
  }
  entry.headers ??= {};
  entry.headers.etag ??= etagOf(html);
}
