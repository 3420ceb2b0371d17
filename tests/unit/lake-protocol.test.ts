import type { Patch, SanityClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startTestLake, type TestLake } from '../helpers/lake.ts';

/*
 * The local Content Lake answers Sanity's own client as the Content Lake would: perspectives,
 * every patch the Studio's form sends (through /data/mutate and the Actions API alike, applied
 * by @sanity/mutator), and the conflicts that must leave the dataset as it was.
 */

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

const SORREL = 'article-lake-sorrel-water-levels-reach-40-year-low';
const BLOCK = { _type: 'block', _key: 'added', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 'added-s', text: 'Added.', marks: [] }] };
const BASE = {
  _type: 'article',
  title: 'Water levels fall',
  standfirst: 'A standfirst',
  views: 10,
  body: [
    { _type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', text: 'First.', marks: [] }] },
    { _type: 'block', _key: 'b2', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's2', text: 'Second.', marks: [] }] },
  ],
};

/** What a document says, without what the lake stamps on it. */
const content = (doc: Doc | undefined) => {
  const copy: Record<string, unknown> = { ...doc };
  for (const field of ['_id', '_rev', '_createdAt', '_updatedAt', '_originalId']) delete copy[field];
  return copy;
};

let lake: TestLake;
let client: SanityClient;

beforeAll(async () => {
  lake = await startTestLake();
  client = lake.client;
});
afterAll(() => lake?.stop());

const get = (id: string) => client.getDocument<Doc>(id) as Promise<Doc | undefined>;

describe('perspectives', () => {
  const query = '*[_id in [$id, "drafts." + $id]]{_id, title, _originalId} | order(_id)';

  it('published shows the published title only', async () => {
    expect(await client.fetch(query, { id: SORREL }, { perspective: 'published' })).toEqual([
      { _id: SORREL, title: 'Lake Sorrel Water Levels Reach 40-Year Low', _originalId: null },
    ]);
  });

  it('drafts lays the draft over the published document, under the published id with _originalId', async () => {
    expect(await client.fetch(query, { id: SORREL }, { perspective: 'drafts' })).toEqual([
      { _id: SORREL, title: 'DRAFT: Lake Sorrel Falls to Lowest Level in Four Decades', _originalId: `drafts.${SORREL}` },
    ]);
  });

  it('raw shows both documents under their own ids', async () => {
    expect(await client.fetch(query, { id: SORREL }, { perspective: 'raw' })).toEqual([
      { _id: SORREL, title: 'Lake Sorrel Water Levels Reach 40-Year Low', _originalId: null },
      { _id: `drafts.${SORREL}`, title: 'DRAFT: Lake Sorrel Falls to Lowest Level in Four Decades', _originalId: null },
    ]);
  });
});

/** Each patch kind, as the client builds it, and the document it must leave. */
const KINDS: Array<[string, (patch: Patch) => Patch, (before: Record<string, unknown>) => Record<string, unknown>]> = [
  [
    'set',
    (p) => p.set({ title: 'Set title', 'body[0].style': 'h2' }),
    (b) => ({ ...b, title: 'Set title', body: [{ ...BASE.body[0], style: 'h2' }, BASE.body[1]] }),
  ],
  ['unset', (p) => p.unset(['standfirst', 'body[0]']), (b) => ({ ...b, standfirst: undefined, body: [BASE.body[1]] })],
  ['setIfMissing', (p) => p.setIfMissing({ kicker: 'Analysis', title: 'Not this' }), (b) => ({ ...b, kicker: 'Analysis' })],
  ['insert', (p) => p.insert('after', 'body[-1]', [BLOCK]), (b) => ({ ...b, body: [...BASE.body, BLOCK] })],
  ['inc', (p) => p.inc({ views: 5 }), (b) => ({ ...b, views: 15 })],
  ['dec', (p) => p.dec({ views: 3 }), (b) => ({ ...b, views: 7 })],
  ['diffMatchPatch', (p) => p.diffMatchPatch({ title: '@@ -10,8 +10,8 @@\n els%20\n-fall\n+rise\n' }), (b) => ({ ...b, title: 'Water levels rise' })],
];

const defined = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));

describe('each patch kind', () => {
  beforeAll(async () => {
    const tx = client.transaction();
    for (const [kind] of KINDS) tx.create({ _id: `patch-mutate-${kind}`, ...BASE }).create({ _id: `patch-action-${kind}`, ...BASE });
    await tx.commit();
  });

  it.each(KINDS)('%s through /data/mutate leaves the document Sanity would', async (kind, build, expected) => {
    const id = `patch-mutate-${kind}`;
    const before = await get(id);
    const result = await build(client.patch(id)).commit();
    expect(content(result)).toEqual(defined(expected(content(before))));
    expect(content(await get(id))).toEqual(defined(expected(content(before))));
  });

  it.each(KINDS)('%s through the edit action lands in a draft copied from the published document', async (kind, build, expected) => {
    const id = `patch-action-${kind}`;
    const published = await get(id);
    // The same operations the client would send to /data/mutate, without the selection.
    const { id: _ignored, ...patch } = build(client.patch(id)).serialize() as unknown as Record<string, unknown>;
    void _ignored;
    await client.action({ actionType: 'sanity.action.document.edit', draftId: `drafts.${id}`, publishedId: id, patch });
    expect(content(await get(`drafts.${id}`))).toEqual(defined(expected(content(published))));
    expect(await get(id)).toEqual(published);
  });
});

describe('conflicts', () => {
  it('an ifRevisionID mismatch is a 409 and leaves the document unchanged', async () => {
    const before = await get('tag-world');
    const refused = await failure(client.patch('tag-world').ifRevisionId('not-the-revision').set({ title: 'Lost update' }).commit());
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toContain('not-the-revision');
    expect(await get('tag-world')).toEqual(before);
  });

  it('an ifRevisionID match commits', async () => {
    const before = await get('tag-economy');
    const result = await client.patch('tag-economy').ifRevisionId(before!._rev!).set({ title: 'Economics' }).commit();
    expect(result.title).toBe('Economics');
  });

  it('a transaction with one good and one conflicting mutation applies neither', async () => {
    const [politics, science] = await Promise.all([get('tag-politics'), get('tag-science')]);
    const refused = await failure(
      client
        .transaction()
        .create({ _id: 'tag-never', _type: 'tag', title: 'Never' })
        .patch('tag-politics', (p) => p.set({ title: 'Half applied' }))
        .patch('tag-science', (p) => p.ifRevisionId('stale').set({ title: 'Stale' }))
        .commit(),
    );
    expect(refused.statusCode).toBe(409);
    expect(await get('tag-politics')).toEqual(politics);
    expect(await get('tag-science')).toEqual(science);
    expect(await get('tag-never')).toBeUndefined();
  });

  it('an unknown patch operation is a 400 naming it, and nothing of the transaction is applied', async () => {
    const before = await get('tag-culture');
    const transactions = lake.store.translog().length;
    const refused = await failure(
      client.mutate([{ patch: { id: 'tag-culture', set: { title: 'Half' } } }, { patch: { id: 'tag-culture', replaceAll: { title: 'x' } } } as never]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toContain('replaceAll');
    expect(await get('tag-culture')).toEqual(before);
    expect(lake.store.translog()).toHaveLength(transactions);
  });

  it('a patch on a missing document is a 404 naming it, and nothing of the transaction is applied', async () => {
    const before = await get('tag-culture');
    const refused = await failure(
      client
        .transaction()
        .patch('tag-culture', (p) => p.set({ title: 'Half' }))
        .patch('no-such-document', (p) => p.set({ title: 'x' }))
        .commit(),
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.message).toContain('no-such-document');
    expect(await get('tag-culture')).toEqual(before);
  });

  it('each transaction gives every document it writes a new _rev: its transaction id', async () => {
    const before = await get('tag-technology');
    const first = await client
      .transaction()
      .patch('tag-technology', (p) => p.set({ title: 'Tech' }))
      .createOrReplace({ _id: 'tag-rev-check', _type: 'tag', title: 'Rev' })
      .commit();
    const second = await client.patch('tag-technology').set({ title: 'Technology' }).commit({ transactionId: 'client-chosen-id' });
    expect(first.transactionId).not.toBe(before!._rev);
    expect((await get('tag-rev-check'))!._rev).toBe(first.transactionId);
    expect(second._rev).toBe('client-chosen-id');
    expect((await get('tag-technology'))!._rev).toBe('client-chosen-id');
  });

  it('a transaction id used twice is refused', async () => {
    await client.patch('tag-rev-check').set({ title: 'Once' }).commit({ transactionId: 'used-once' });
    const refused = await failure(client.patch('tag-rev-check').set({ title: 'Twice' }).commit({ transactionId: 'used-once' }));
    expect(refused.statusCode).toBe(409);
    expect((await get('tag-rev-check'))!.title).toBe('Once');
  });
});
