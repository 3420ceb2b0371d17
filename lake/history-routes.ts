import type { ServerResponse } from 'node:http';
import { documentsAt, eventsFor, transactionsFor } from './history.ts';
import { sendJson } from './http.ts';
import type { Store } from './store.ts';
import { LakeError } from './types.ts';

/**
 * `/data/history/<ds>/…`: the Studio's review-changes panel and restore, served from the
 * translog (lake/history.ts): transactions as NDJSON, documents as they were at a revision or a
 * time, and the Events API's document events.
 */
export function historyRoute(res: ServerResponse, store: Store, rest: string, search: URLSearchParams): void {
  const [area, second, third] = rest.split('/');
  const ids = (value: string | undefined) =>
    decodeURIComponent(value ?? '')
      .split(',')
      .filter(Boolean);
  if (area === 'transactions') {
    const lines = transactionsFor([...store.translog()], ids(second), {
      fromTransaction: search.get('fromTransaction') ?? undefined,
      toTransaction: search.get('toTransaction') ?? undefined,
      reverse: search.get('reverse') === 'true',
      limit: search.has('limit') ? Number(search.get('limit')) : undefined,
      excludeContent: search.get('excludeContent') === 'true',
      includeIdentifiedDocumentsOnly: search.get('includeIdentifiedDocumentsOnly') === 'true',
    });
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    res.end(lines.map((line) => JSON.stringify(line) + '\n').join(''));
    return;
  }
  if (area === 'documents') {
    const at = {
      revision: search.get('revision') ?? undefined,
      time: search.get('time') ?? undefined,
      lastRevision: search.get('lastRevision') === 'true',
    };
    return sendJson(
      res,
      200,
      documentsAt([...store.translog()], (id) => store.get(id), ids(second), at),
    );
  }
  if (area === 'events' && second === 'documents' && third) {
    return sendJson(
      res,
      200,
      eventsFor([...store.translog()], decodeURIComponent(third), {
        limit: search.has('limit') ? Number(search.get('limit')) : undefined,
        nextCursor: search.get('nextCursor') ?? undefined,
      }),
    );
  }
  throw new LakeError(404, `Unknown history route ${rest}`, 'notFoundError');
}
