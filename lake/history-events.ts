import { DRAFTS_PREFIX, VERSIONS_PREFIX, publishedIdOf } from '../lib/content/perspective.ts';
import type { Change, LakeDocument, Transaction } from './types.ts';

/*
 * The Events API (`GET /data/history/<ds>/events/documents/<id>`, row #29 of STUDIO-API.md),
 * derived from the translog. Shapes: sanity/lib/useVirtualizerScrollInstance-*.d.ts ~3974–4110
 * (`id` and `documentVariantType` are added by the Studio, so they are not sent). The Studio asks
 * with the id of the variant it shows (`drafts.x`, `x` or `versions.r.x`), reads
 * `events[<that id>]` newest first, and takes its edits from the translog (#30) after the newest
 * event with a `versionRevisionId` (PerspectiveProvider ~1744–1856).
 *
 * How a transaction on the group (x, drafts.x, versions.*.x) reads:
 * - published written while a draft/version went away: publishDocumentVersion, `revisionId` the
 *   transaction (the published `_rev`), `versionRevisionId` the draft's last revision (the Studio
 *   pairs it with that draft's last edit);
 * - published written otherwise (an API or import write): createLiveDocument / updateLiveDocument;
 * - published deleted while a draft remains: unpublishDocument, `versionRevisionId` the draft's
 *   revision after it; deleted with nothing left: deleteDocumentGroup;
 * - a draft/version appearing: createDocumentVersion; going while others remain:
 *   deleteDocumentVersion with its last revision (the Studio says delete events reuse the last
 *   edit's revision); the last one going: deleteDocumentGroup;
 * - a draft/version only edited: no event (the Studio builds edits from the translog).
 */

export type LakeEvent = {
  type:
    | 'createDocumentVersion'
    | 'publishDocumentVersion'
    | 'unpublishDocument'
    | 'deleteDocumentVersion'
    | 'deleteDocumentGroup'
    | 'createLiveDocument'
    | 'updateLiveDocument';
  timestamp: string;
  author: string;
  documentId: string;
  versionId?: string;
  versionRevisionId?: string;
  revisionId?: string;
  releaseId?: string;
  publishCause?: 'document.publish';
};

export type EventsAnswer = { events: Record<string, LakeEvent[]>; nextCursor: string };

/** `nextCursor` is the id of the oldest transaction already sent; a page never splits a transaction. */
export function eventsFor(log: Transaction[], documentId: string, options: { limit?: number; nextCursor?: string } = {}): EventsAnswer {
  const publishedId = publishedIdOf(documentId);
  const inGroup = (id: string) => publishedIdOf(id) === publishedId;
  const alive = new Map<string, LakeDocument>();
  seedStates(log, inGroup, alive);
  const perTx: Array<{ txId: string; events: LakeEvent[] }> = [];
  for (const tx of log) {
    const changes = tx.changes.filter((change) => inGroup(change.id));
    if (changes.length === 0) continue;
    for (const change of changes) {
      if (change.after) alive.set(change.id, change.after);
      else alive.delete(change.id);
    }
    const events = eventsOf(tx, publishedId, changes, alive).filter((event) => shownFor(documentId, event));
    if (events.length > 0) perTx.push({ txId: tx.id, events });
  }
  perTx.reverse();
  // An unknown cursor ends the paging rather than starting over (the Studio would loop on it).
  const start = options.nextCursor ? perTx.findIndex((entry) => entry.txId === options.nextCursor) + 1 : 0;
  if (start === 0 && options.nextCursor) return { events: { [documentId]: [] }, nextCursor: '' };
  const limit = Math.max(1, options.limit ?? 100);
  const page: LakeEvent[] = [];
  let cursor = '';
  for (const entry of perTx.slice(start)) {
    if (page.length >= limit) break;
    page.push(...entry.events);
    cursor = entry.txId;
  }
  const more = cursor !== '' && perTx.at(-1)?.txId !== cursor;
  return { events: { [documentId]: page }, nextCursor: more ? cursor : '' };
}

/** Documents the log first touches already existing (they came with the dataset) count as alive. */
function seedStates(log: Transaction[], inGroup: (id: string) => boolean, alive: Map<string, LakeDocument>) {
  const seen = new Set<string>();
  for (const tx of log) {
    for (const change of tx.changes) {
      if (!inGroup(change.id) || seen.has(change.id)) continue;
      seen.add(change.id);
      if (change.before) alive.set(change.id, change.before);
    }
  }
}

function eventsOf(tx: Transaction, publishedId: string, changes: Change[], alive: Map<string, LakeDocument>): LakeEvent[] {
  const base = { timestamp: tx.timestamp, author: tx.author, documentId: publishedId };
  const published = changes.find((change) => change.id === publishedId);
  const variants = changes.filter((change) => change.id !== publishedId);
  if (published?.after) {
    const source = variants.find((change) => change.before && !change.after);
    if (source) {
      return [
        {
          ...base,
          type: 'publishDocumentVersion',
          revisionId: tx.id,
          versionId: source.id,
          versionRevisionId: source.before!._rev,
          ...releaseOf(source.id),
          publishCause: 'document.publish',
        },
      ];
    }
    return [{ ...base, type: published.before ? 'updateLiveDocument' : 'createLiveDocument', revisionId: tx.id }];
  }
  if (published) {
    const draft = alive.get(DRAFTS_PREFIX + publishedId);
    if (draft) return [{ ...base, type: 'unpublishDocument', versionId: draft._id, versionRevisionId: draft._rev ?? tx.id }];
    return alive.size === 0 ? [{ ...base, type: 'deleteDocumentGroup' }] : [];
  }
  const out: LakeEvent[] = [];
  for (const change of variants) {
    if (!change.before && change.after) {
      out.push({ ...base, type: 'createDocumentVersion', versionId: change.id, versionRevisionId: tx.id, ...releaseOf(change.id) });
    } else if (change.before && !change.after) {
      if (alive.size === 0) {
        if (!out.some((event) => event.type === 'deleteDocumentGroup')) out.push({ ...base, type: 'deleteDocumentGroup' });
      } else
        out.push({ ...base, type: 'deleteDocumentVersion', versionId: change.id, versionRevisionId: change.before._rev ?? tx.id, ...releaseOf(change.id) });
    }
  }
  return out;
}

function releaseOf(id: string): { releaseId?: string } {
  return id.startsWith(VERSIONS_PREFIX) ? { releaseId: id.split('.')[1] } : {};
}

/**
 * The published view gets the whole group's story; a draft view leaves out direct writes to the
 * published document and other releases' versions; a version view only its own events.
 */
function shownFor(documentId: string, event: LakeEvent): boolean {
  if (event.type === 'deleteDocumentGroup') return true;
  if (documentId.startsWith(VERSIONS_PREFIX)) return event.versionId === documentId;
  if (documentId.startsWith(DRAFTS_PREFIX)) {
    if (event.type === 'createLiveDocument' || event.type === 'updateLiveDocument') return false;
    return !event.versionId?.startsWith(VERSIONS_PREFIX);
  }
  return true;
}
