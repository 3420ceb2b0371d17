import type { ListenEvent, MutationEvent, SanityClient } from '@sanity/client';
import { applyPatch } from 'mendoza';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { startTestLake, type TestLake } from '../helpers/lake.ts';

/*
 * The listener as the Studio uses it: a welcome first, then per transaction the events that
 * echo the client's transactionId, chain previousRev -> resultRev, and carry mendoza effects
 * that turn the document before into the document after. The Studio waits on these before it
 * lets an editor publish.
 */

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

let lake: TestLake;
let client: SanityClient;
const subscriptions: Array<{ unsubscribe(): void }> = [];

/** Everything a listener receives, in order. */
function listen(query: string): ListenEvent<Record<string, unknown>>[] {
  const events: ListenEvent<Record<string, unknown>>[] = [];
  subscriptions.push(
    client
      .listen(query, {}, { includeResult: false, effectFormat: 'mendoza', events: ['welcome', 'mutation'] })
      .subscribe({ next: (event) => events.push(event) }),
  );
  return events;
}

const mutations = (events: ListenEvent<Record<string, unknown>>[]) => events.filter((event): event is MutationEvent => event.type === 'mutation');
const eventsOf = (events: ListenEvent<Record<string, unknown>>[], transactionId: string) =>
  mutations(events).filter((event) => event.transactionId === transactionId);

async function echoed(events: ListenEvent<Record<string, unknown>>[], transactionId: string, count = 1): Promise<MutationEvent[]> {
  return eventually(
    () => {
      const found = eventsOf(events, transactionId);
      expect(found).toHaveLength(count);
      return found;
    },
    { what: `${count} listener event(s) for ${transactionId}` },
  );
}

const withoutRev = (doc: Doc | undefined) => {
  const copy: Record<string, unknown> = { ...doc };
  delete copy._rev;
  return copy;
};
const get = (id: string) => client.getDocument<Doc>(id) as Promise<Doc | undefined>;

let tags: ListenEvent<Record<string, unknown>>[];
let science: ListenEvent<Record<string, unknown>>[];

beforeAll(async () => {
  lake = await startTestLake();
  client = lake.client;
  tags = listen('*[_type == "tag"]');
  science = listen('*[_type == "tag" && title == "Science"]');
  await eventually(() => expect(tags.concat(science).filter((event) => event.type === 'welcome')).toHaveLength(2), { what: 'both welcomes' });
});
afterAll(async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  await lake?.stop();
});

describe('the listener', () => {
  it('says welcome before anything else', () => {
    expect(tags[0]?.type).toBe('welcome');
    expect(science[0]?.type).toBe('welcome');
  });

  it('echoes an edit with its transactionId, the revision chain and effects that replay it', async () => {
    const before = await get('tag-world');
    await client.patch('tag-world').set({ title: 'World news' }).unset(['description']).commit({ transactionId: 'listen-edit' });
    const after = await get('tag-world');
    const [event] = await echoed(tags, 'listen-edit');
    expect(event).toMatchObject({
      documentId: 'tag-world',
      transition: 'update',
      previousRev: before!._rev,
      resultRev: 'listen-edit',
      transactionTotalEvents: 1,
    });
    expect(after!._rev).toBe('listen-edit');
    expect(applyPatch(withoutRev(before), event!.effects!.apply)).toEqual(withoutRev(after));
    expect(applyPatch(withoutRev(after), event!.effects!.revert)).toEqual(withoutRev(before));
  });

  it('chains the next edit on from the last one', async () => {
    await client.patch('tag-world').set({ title: 'World' }).commit({ transactionId: 'listen-edit-2' });
    const [event] = await echoed(tags, 'listen-edit-2');
    expect(event).toMatchObject({ previousRev: 'listen-edit', resultRev: 'listen-edit-2' });
  });

  it('gives a publish two events of one transaction: the published document appears, the draft disappears', async () => {
    await client.createOrReplace({ _id: 'drafts.tag-listened', _type: 'tag', title: 'Listened' });
    await client.action(
      { actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-listened', publishedId: 'tag-listened' },
      { transactionId: 'listen-publish' },
    );
    const events = await echoed(tags, 'listen-publish', 2);
    expect(events.map((event) => [event.documentId, event.transition, event.transactionTotalEvents, event.transactionCurrentEvent]).sort()).toEqual(
      [
        ['drafts.tag-listened', 'disappear', 2, 1],
        ['tag-listened', 'appear', 2, 0],
      ].sort(),
    );
    const published = await get('tag-listened');
    const appeared = events.find((event) => event.documentId === 'tag-listened')!;
    expect(applyPatch(null, appeared.effects!.apply)).toEqual(withoutRev(published));
  });

  it('says disappear when a document stops matching the filter, and appear when it matches again', async () => {
    await client.patch('tag-science').set({ title: 'Sciences' }).commit({ transactionId: 'science-leaves' });
    await client.patch('tag-science').set({ title: 'Science' }).commit({ transactionId: 'science-returns' });
    expect((await echoed(science, 'science-leaves'))[0]).toMatchObject({ documentId: 'tag-science', transition: 'disappear' });
    expect((await echoed(science, 'science-returns'))[0]).toMatchObject({ documentId: 'tag-science', transition: 'appear' });
  });

  it('sends nothing for a document the filter never matched', async () => {
    await client.patch('article-northvale-rail-strike-ends-after-overnight-talks').set({ featured: true }).commit({ transactionId: 'not-a-tag' });
    await client.patch('tag-culture').set({ title: 'Arts' }).commit({ transactionId: 'a-tag-after' });
    // Events go out in commit order, so once the later one is here the earlier one would be too.
    await echoed(tags, 'a-tag-after');
    expect(eventsOf(tags, 'not-a-tag')).toEqual([]);
    expect(eventsOf(science, 'a-tag-after')).toEqual([]);
  });
});
