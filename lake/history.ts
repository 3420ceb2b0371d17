import { effectsOf, type Effects } from './mendoza.ts';
import type { Change, LakeDocument, Transaction } from './types.ts';

/*
 * Sanity's History API (`/data/history/<ds>/transactions/<ids>` and `/documents/<ids>`) answered
 * from the translog, which holds every change's full before and after document.
 *
 * Range semantics, as the Studio 6.16 relies on them (node_modules/sanity/lib):
 * - Without `reverse` the stream is oldest first and `fromTransaction` is INCLUSIVE: the events
 *   store drops the `from` entry itself when from !== to, and pages on with `from` = the last id
 *   it got (PerspectiveProvider getDocumentTransactions ~1487–1507). from === to answers that one
 *   transaction (a creation event's diff replays its own transaction).
 * - `toTransaction` is INCLUSIVE too: that pager stops once the last id equals `to`, and the
 *   legacy timeline asks `reverse=true&toTransaction=<earliest it has>` and skips the first entry
 *   when it is that id (datastores fetchMoreTransactions ~4328–4340).
 * - `reverse=true` is newest first and `limit` counts from that end, so `reverse&to=X&limit=50`
 *   is the 50 transactions up to and including X. Fewer than `limit` means "reached the start".
 * - An id the log does not hold gives an empty range (say, a revision from before the translog),
 *   so a pager never loops on it.
 */

export type TransactionQuery = {
  fromTransaction?: string;
  toTransaction?: string;
  reverse?: boolean;
  limit?: number;
  excludeContent?: boolean;
  excludeMutations?: boolean;
  includeIdentifiedDocumentsOnly?: boolean;
  effectFormat?: 'mendoza';
};

export type HistoryTransaction = {
  id: string;
  timestamp: string;
  author: string;
  documentIDs: string[];
  effects: Record<string, Effects>;
  mutations?: Record<string, unknown>[];
};

/** The NDJSON lines of `GET /data/history/<ds>/transactions/<ids>` (all transactions when `ids` is empty). */
export function transactionsFor(log: Transaction[], ids: string[], options: TransactionQuery = {}): HistoryTransaction[] {
  const range = rangeOf(log, options.fromTransaction, options.toTransaction);
  const wanted = new Set(ids);
  const touches = (change: Change): boolean => wanted.size === 0 || wanted.has(change.id);
  let picked = range.filter((tx) => tx.changes.some(touches));
  if (options.reverse) picked = picked.reverse();
  if (options.limit !== undefined && options.limit >= 0) picked = picked.slice(0, options.limit);
  return picked.map((tx) => {
    const changes = options.includeIdentifiedDocumentsOnly ? tx.changes.filter(touches) : tx.changes;
    const out: HistoryTransaction = {
      id: tx.id,
      timestamp: tx.timestamp,
      author: tx.author,
      documentIDs: changes.map((change) => change.id),
      // Sent whatever `effectFormat` says: mendoza is the only format there is, and the Studio's
      // history reads the effects of every transaction it asks for.
      effects: Object.fromEntries(changes.map((change) => [change.id, effectsOf(change.before, change.after)])),
    };
    // `mutations` stays even with excludeContent: the Studio's divergence reader calls
    // `transaction.mutations.some(…)` on answers it asked for with excludeContent=true
    // (PerspectiveProvider isVersionCreateTransaction ~7552); only the documents' bodies go.
    if (!options.excludeMutations) out.mutations = changes.map((change) => mutationOf(change, !!options.excludeContent));
    return out;
  });
}

/** The log has only the changes, so the mutations are the whole-document form of each change. */
function mutationOf(change: Change, excludeContent: boolean): Record<string, unknown> {
  if (!change.after) return { delete: { id: change.id } };
  const body = excludeContent ? { _id: change.after._id, _type: change.after._type } : change.after;
  return change.before ? { createOrReplace: body } : { create: body };
}

function rangeOf(log: Transaction[], from?: string, to?: string): Transaction[] {
  const start = from ? log.findIndex((tx) => tx.id === from) : 0;
  const end = to ? log.findIndex((tx) => tx.id === to) : log.length - 1;
  if (start < 0 || end < 0) return [];
  return log.slice(start, end + 1);
}

export type HistoryPoint = { revision?: string; time?: string; lastRevision?: boolean };

/**
 * `GET /data/history/<ds>/documents/<ids>?revision=|time=|lastRevision=true`: each document as
 * it was right after that transaction (or at that time), with its `_rev` then; documents that did
 * not exist then are left out. The Studio picks the one whose `_rev` is the revision it asked for
 * (datastores getDocumentAtRevision ~4356–4375) or takes the first (PerspectiveProvider ~1919).
 */
export function documentsAt(
  log: Transaction[],
  currentDocs: (id: string) => LakeDocument | undefined,
  ids: string[],
  at: HistoryPoint,
): { documents: LakeDocument[] } {
  const found = (docs: Array<LakeDocument | null | undefined>) => ({
    documents: docs.filter((doc): doc is LakeDocument => !!doc),
  });
  if (at.lastRevision) return found(ids.map((id) => currentDocs(id) ?? lastBeforeDeletion(log, id)));
  if (at.revision !== undefined) {
    const index = log.findIndex((tx) => tx.id === at.revision);
    if (index >= 0) return found(ids.map((id) => stateAfter(log, index, id, currentDocs)));
    // A revision older than the translog: only a document still at it, or the state a later
    // change started from, can be that revision.
    return found(ids.map((id) => revisionBeforeLog(log, id, at.revision!, currentDocs)));
  }
  const time = Date.parse(at.time ?? new Date().toISOString());
  if (Number.isNaN(time)) return found([]);
  const index = log.findLastIndex((tx) => Date.parse(tx.timestamp) <= time);
  return found(
    ids.map((id) => {
      const doc = stateAfter(log, index, id, currentDocs);
      // A document that came with the dataset has no creating transaction to order by.
      return doc && doc._createdAt && Date.parse(doc._createdAt) > time ? null : doc;
    }),
  );
}

/** The document after `log[index]`: the next change's `before`, or today's document if none follows. */
function stateAfter(log: Transaction[], index: number, id: string, currentDocs: (id: string) => LakeDocument | undefined): LakeDocument | null {
  for (const tx of log.slice(index + 1)) {
    const change = tx.changes.find((candidate) => candidate.id === id);
    if (change) return change.before;
  }
  return currentDocs(id) ?? null;
}

function lastBeforeDeletion(log: Transaction[], id: string): LakeDocument | null {
  const tx = log.findLast((candidate) => candidate.changes.some((change) => change.id === id));
  const change = tx?.changes.find((candidate) => candidate.id === id);
  return change ? (change.after ?? change.before) : null;
}

function revisionBeforeLog(log: Transaction[], id: string, revision: string, currentDocs: (id: string) => LakeDocument | undefined): LakeDocument | null {
  const current = currentDocs(id);
  if (current?._rev === revision) return current;
  for (const tx of log) {
    const change = tx.changes.find((candidate) => candidate.id === id && candidate.before?._rev === revision);
    if (change) return change.before;
  }
  return null;
}

export { eventsFor, type EventsAnswer, type LakeEvent } from './history-events.ts';
