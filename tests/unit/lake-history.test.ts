import { describe, expect, it } from 'vitest';
import { applyPatch } from 'mendoza';
import { documentsAt, eventsFor, transactionsFor } from '@/lake/history.ts';
import type { LakeDocument, Transaction } from '@/lake/types.ts';

type Fields = Record<string, unknown>;

/** Builds a translog the way the store writes one: full before/after, `_rev` = transaction id. */
function translog(seed: LakeDocument[] = []) {
  const docs = new Map<string, LakeDocument>(seed.map((doc) => [doc._id, doc]));
  const log: Transaction[] = [];
  const commit = (id: string, minute: number, writes: Record<string, Fields | null>, author = 'p-local') => {
    const timestamp = `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const changes = Object.entries(writes).map(([docId, fields]) => {
      const before = docs.get(docId) ?? null;
      const after: LakeDocument | null = fields && {
        _id: docId,
        _type: 'article',
        ...fields,
        _createdAt: before?._createdAt ?? timestamp,
        _updatedAt: timestamp,
        _rev: id,
      };
      if (after) docs.set(docId, after);
      else docs.delete(docId);
      return { id: docId, before, after };
    });
    log.push({ id, timestamp, author, changes });
  };
  return { log, docs, commit, current: (id: string) => docs.get(id) };
}

/** Create a draft, edit it twice, publish, edit the draft, unpublish, discard: one article's life. */
function articleLife() {
  const lake = translog();
  lake.commit('tx-create', 0, { 'drafts.a': { title: 'One' } });
  lake.commit('tx-edit1', 1, { 'drafts.a': { title: 'Two' } });
  lake.commit('tx-other', 2, { 'drafts.b': { title: 'Unrelated' } });
  lake.commit('tx-edit2', 3, { 'drafts.a': { title: 'Three', kicker: 'New' } });
  lake.commit('tx-publish', 4, { a: { title: 'Three', kicker: 'New' }, 'drafts.a': null });
  lake.commit('tx-edit3', 5, { 'drafts.a': { title: 'Four', kicker: 'New' } });
  lake.commit('tx-unpublish', 6, { a: null });
  lake.commit('tx-discard', 7, { 'drafts.a': null }, 'p-other');
  return lake;
}

const ids = (lines: Array<{ id: string }>) => lines.map((line) => line.id);
const at = (minute: number, second = 0) => `2026-03-01T10:0${minute}:${String(second).padStart(2, '0')}.000Z`;
const withoutRev = (doc: LakeDocument | null | undefined) => {
  if (!doc) return null;
  const copy: Fields = { ...doc };
  delete copy._rev;
  return copy;
};

describe('transactionsFor: the history transactions stream', () => {
  const { log } = articleLife();
  const pair = ['a', 'drafts.a'];

  it('lists the transactions that touched the documents, oldest first, with author, time and ids', () => {
    const lines = transactionsFor(log, pair);
    expect(ids(lines)).toEqual(['tx-create', 'tx-edit1', 'tx-edit2', 'tx-publish', 'tx-edit3', 'tx-unpublish', 'tx-discard']);
    expect(lines[3]).toMatchObject({ timestamp: at(4), author: 'p-local', documentIDs: ['a', 'drafts.a'] });
    expect(lines.at(-1)?.author).toBe('p-other');
  });

  it('carries mendoza effects that replay the draft forward and back, as the Studio does', () => {
    const lines = transactionsFor(log, ['drafts.a'], { effectFormat: 'mendoza', includeIdentifiedDocumentsOnly: true });
    let draft: unknown = null;
    const seen = lines.map((line) => (draft = applyPatch(draft, line.effects['drafts.a']!.apply)));
    expect(seen.map((doc) => (doc as Fields | null)?.title ?? null)).toEqual(['One', 'Two', 'Three', null, 'Four', null]);
    const beforeDiscard = applyPatch(null, lines.at(-1)!.effects['drafts.a']!.revert);
    expect(beforeDiscard).toEqual(withoutRev(log.at(-1)!.changes[0]!.before));
  });

  it('treats fromTransaction and toTransaction as inclusive, and `reverse` + `limit` as the newest n up to `to`', () => {
    expect(ids(transactionsFor(log, pair, { fromTransaction: 'tx-edit1', toTransaction: 'tx-publish' }))).toEqual(['tx-edit1', 'tx-edit2', 'tx-publish']);
    expect(ids(transactionsFor(log, pair, { fromTransaction: 'tx-edit3', toTransaction: 'tx-edit3' }))).toEqual(['tx-edit3']);
    expect(ids(transactionsFor(log, pair, { reverse: true, toTransaction: 'tx-edit3', limit: 2 }))).toEqual(['tx-edit3', 'tx-publish']);
    expect(ids(transactionsFor(log, pair, { fromTransaction: 'tx-edit2', limit: 2 }))).toEqual(['tx-edit2', 'tx-publish']);
    expect(ids(transactionsFor(log, pair, { fromTransaction: '' }))).toHaveLength(7);
  });

  it('answers nothing for a transaction id the log does not hold, so a pager stops', () => {
    expect(transactionsFor(log, pair, { fromTransaction: 'tx-unknown' })).toEqual([]);
    expect(transactionsFor(log, pair, { reverse: true, toTransaction: 'tx-unknown' })).toEqual([]);
  });

  it('lists only the asked-for documents with includeIdentifiedDocumentsOnly, all of the transaction without', () => {
    const publish = (only: boolean) =>
      transactionsFor(log, ['drafts.a'], { fromTransaction: 'tx-publish', toTransaction: 'tx-publish', includeIdentifiedDocumentsOnly: only })[0]!;
    expect(publish(true).documentIDs).toEqual(['drafts.a']);
    expect(Object.keys(publish(true).effects)).toEqual(['drafts.a']);
    expect(publish(false).documentIDs).toEqual(['a', 'drafts.a']);
  });

  it('keeps mutations without the documents under excludeContent, and drops them under excludeMutations', () => {
    const [create] = transactionsFor(log, ['drafts.a'], { excludeContent: true, limit: 1 });
    expect(create?.mutations).toEqual([{ create: { _id: 'drafts.a', _type: 'article' } }]);
    const [full] = transactionsFor(log, ['drafts.a'], { limit: 1 });
    expect(full?.mutations).toEqual([{ create: log[0]!.changes[0]!.after }]);
    const [discard] = transactionsFor(log, ['drafts.a'], { reverse: true, limit: 1 });
    expect(discard?.mutations).toEqual([{ delete: { id: 'drafts.a' } }]);
    expect(transactionsFor(log, ['drafts.a'], { excludeMutations: true, limit: 1 })[0]).not.toHaveProperty('mutations');
  });

  it('lists every transaction when no ids are given', () => {
    expect(ids(transactionsFor(log, []))).toContain('tx-other');
  });
});

describe('documentsAt: a document as it was', () => {
  it('at a revision: each document right after that transaction, with its `_rev` then', () => {
    const { log, current } = articleLife();
    expect(documentsAt(log, current, ['a', 'drafts.a'], { revision: 'tx-edit1' }).documents).toEqual([
      expect.objectContaining({ _id: 'drafts.a', _rev: 'tx-edit1', title: 'Two' }),
    ]);
    expect(documentsAt(log, current, ['a', 'drafts.a'], { revision: 'tx-publish' }).documents).toEqual([
      expect.objectContaining({ _id: 'a', _rev: 'tx-publish', title: 'Three', kicker: 'New' }),
    ]);
    expect(documentsAt(log, current, ['drafts.a'], { revision: 'tx-nope' }).documents).toEqual([]);
  });

  it('at a time: the state after the last transaction at or before it', () => {
    const { log, current } = articleLife();
    expect(documentsAt(log, current, ['drafts.a'], { time: at(1, 30) }).documents).toEqual([expect.objectContaining({ _rev: 'tx-edit1', title: 'Two' })]);
    expect(documentsAt(log, current, ['drafts.a'], { time: at(3) }).documents[0]?._rev).toBe('tx-edit2');
    expect(documentsAt(log, current, ['drafts.a'], { time: '2026-03-01T09:00:00.000Z' }).documents).toEqual([]);
  });

  it('lastRevision: the current document, or the last state before it was deleted', () => {
    const { log, current, commit } = articleLife();
    commit('tx-again', 8, { c: { title: 'Live' } });
    const docs = documentsAt(log, current, ['a', 'drafts.a', 'c', 'never'], { lastRevision: true }).documents;
    expect(docs.map((doc) => [doc._id, doc._rev, doc.title])).toEqual([
      ['a', 'tx-publish', 'Three'],
      ['drafts.a', 'tx-edit3', 'Four'],
      ['c', 'tx-again', 'Live'],
    ]);
  });

  it('a revision from before the translog: the dataset document still at it, or the state a later change began from', () => {
    const seeded: LakeDocument = { _id: 's', _type: 'article', _rev: 'seed-rev', title: 'Seeded' };
    const untouched: LakeDocument = { _id: 'u', _type: 'article', _rev: 'seed-u', title: 'Untouched' };
    const lake = translog([seeded, untouched]);
    lake.commit('tx-1', 0, { s: { title: 'Edited' } });
    expect(documentsAt(lake.log, lake.current, ['s'], { revision: 'seed-rev' }).documents).toEqual([seeded]);
    expect(documentsAt(lake.log, lake.current, ['u'], { revision: 'seed-u' }).documents).toEqual([untouched]);
    expect(documentsAt(lake.log, lake.current, ['s'], { revision: 'tx-1' }).documents[0]?.title).toBe('Edited');
  });
});

describe('eventsFor: the Events API, derived from the translog', () => {
  const base = { author: 'p-local', documentId: 'a' };
  const lifeEvents = [
    { ...base, type: 'deleteDocumentGroup', timestamp: at(7), author: 'p-other' },
    { ...base, type: 'unpublishDocument', timestamp: at(6), versionId: 'drafts.a', versionRevisionId: 'tx-edit3' },
    { ...base, type: 'createDocumentVersion', timestamp: at(5), versionId: 'drafts.a', versionRevisionId: 'tx-edit3' },
    {
      ...base,
      type: 'publishDocumentVersion',
      timestamp: at(4),
      revisionId: 'tx-publish',
      versionId: 'drafts.a',
      versionRevisionId: 'tx-edit2',
      publishCause: 'document.publish',
    },
    { ...base, type: 'createDocumentVersion', timestamp: at(0), versionId: 'drafts.a', versionRevisionId: 'tx-create' },
  ];

  it('tells an article’s life newest first: create, publish, new draft, unpublish, delete (edits are not events)', () => {
    const { log } = articleLife();
    expect(eventsFor(log, 'a')).toEqual({ events: { a: lifeEvents }, nextCursor: '' });
  });

  it('answers under the id the Studio asked with, so the draft view reads `events["drafts.a"]`', () => {
    const { log } = articleLife();
    expect(eventsFor(log, 'drafts.a').events['drafts.a']).toEqual(lifeEvents);
  });

  it('pages with nextCursor until it comes back empty', () => {
    const { log } = articleLife();
    const first = eventsFor(log, 'a', { limit: 2 });
    expect(first.events.a?.map((event) => event.type)).toEqual(['deleteDocumentGroup', 'unpublishDocument']);
    const second = eventsFor(log, 'a', { limit: 2, nextCursor: first.nextCursor });
    expect(second.events.a?.map((event) => event.timestamp)).toEqual([at(5), at(4)]);
    const third = eventsFor(log, 'a', { limit: 2, nextCursor: second.nextCursor });
    expect(third).toEqual({ events: { a: [lifeEvents[4]] }, nextCursor: '' });
    expect(eventsFor(log, 'a', { nextCursor: 'tx-gone' })).toEqual({ events: { a: [] }, nextCursor: '' });
  });

  it('a discarded draft of a published article is deleteDocumentVersion with its last revision', () => {
    const lake = translog();
    lake.commit('tx-create', 0, { 'drafts.a': { title: 'One' } });
    lake.commit('tx-publish', 1, { a: { title: 'One' }, 'drafts.a': null });
    lake.commit('tx-edit', 2, { 'drafts.a': { title: 'Two' } });
    lake.commit('tx-edit-more', 3, { 'drafts.a': { title: 'Three' } });
    lake.commit('tx-discard', 4, { 'drafts.a': null });
    expect(eventsFor(lake.log, 'drafts.a').events['drafts.a']?.[0]).toEqual({
      ...base,
      type: 'deleteDocumentVersion',
      timestamp: at(4),
      versionId: 'drafts.a',
      versionRevisionId: 'tx-edit-more',
    });
  });

  it('unpublishing without a draft creates one: the event points at the new draft', () => {
    const lake = translog([{ _id: 'a', _type: 'article', _rev: 'seed', title: 'From the dataset' }]);
    lake.commit('tx-unpublish', 0, { a: null, 'drafts.a': { title: 'From the dataset' } });
    expect(eventsFor(lake.log, 'a').events.a).toEqual([
      { ...base, type: 'unpublishDocument', timestamp: at(0), versionId: 'drafts.a', versionRevisionId: 'tx-unpublish' },
    ]);
  });

  it('writes straight to the published document are live-document events, shown on the published view only', () => {
    const lake = translog();
    lake.commit('tx-import', 0, { a: { title: 'Imported' } });
    lake.commit('tx-reimport', 1, { a: { title: 'Imported again' } });
    expect(eventsFor(lake.log, 'a').events.a).toEqual([
      { ...base, type: 'updateLiveDocument', timestamp: at(1), revisionId: 'tx-reimport' },
      { ...base, type: 'createLiveDocument', timestamp: at(0), revisionId: 'tx-import' },
    ]);
    expect(eventsFor(lake.log, 'drafts.a').events['drafts.a']).toEqual([]);
  });

  it('leaves out other documents whose ids merely share a prefix', () => {
    const lake = translog();
    lake.commit('tx-1', 0, { 'drafts.ab': { title: 'Other' }, ab: { title: 'Other' } });
    expect(eventsFor(lake.log, 'a').events.a).toEqual([]);
  });
});
