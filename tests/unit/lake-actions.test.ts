import type { SanityClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startTestLake, type TestLake } from '../helpers/lake.ts';

/*
 * The Actions API the Studio edits, publishes, unpublishes, deletes and discards through,
 * with Sanity's revision checks and referential integrity, through @sanity/client.
 */

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

const content = (doc: Doc | undefined) => {
  const copy: Record<string, unknown> = { ...doc };
  for (const field of ['_id', '_rev', '_createdAt', '_updatedAt']) delete copy[field];
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
const tag = (id: string, title: string) => ({ _id: id, _type: 'tag', title, slug: { _type: 'slug', current: id } });

describe('create', () => {
  it('creates a draft, and refuses a second create of it with ifExists fail (409), leaving the first', async () => {
    await client.action({ actionType: 'sanity.action.document.create', publishedId: 'tag-new', attributes: tag('drafts.tag-new', 'New'), ifExists: 'fail' });
    expect((await get('drafts.tag-new'))?.title).toBe('New');
    const refused = await failure(
      client.action({ actionType: 'sanity.action.document.create', publishedId: 'tag-new', attributes: tag('drafts.tag-new', 'Again'), ifExists: 'fail' }),
    );
    expect(refused.statusCode).toBe(409);
    expect((await get('drafts.tag-new'))?.title).toBe('New');
  });
});

describe('edit', () => {
  it('copies the published document into a draft, then patches the draft; the published one stays', async () => {
    const published = await get('source-meridian-wire');
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.source-meridian-wire',
      publishedId: 'source-meridian-wire',
      patch: { set: { name: 'Meridian' } },
    });
    expect(content(await get('drafts.source-meridian-wire'))).toEqual({ ...content(published), name: 'Meridian' });
    expect(await get('source-meridian-wire')).toEqual(published);
  });
});

describe('publish', () => {
  it('makes the draft the published document and removes the draft', async () => {
    await client.createOrReplace(tag('drafts.tag-sports', 'Sports'));
    const draft = await get('drafts.tag-sports');
    await client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-sports', publishedId: 'tag-sports' });
    expect(await get('drafts.tag-sports')).toBeUndefined();
    expect(content(await get('tag-sports'))).toEqual(content(draft));
  });

  it('refuses an ifPublishedRevisionId mismatch with 409, draft and published untouched', async () => {
    await client.createOrReplace({ ...tag('drafts.tag-world', 'World draft') });
    const [draft, published] = await Promise.all([get('drafts.tag-world'), get('tag-world')]);
    const refused = await failure(
      client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-world', publishedId: 'tag-world', ifPublishedRevisionId: 'stale' }),
    );
    expect(refused.statusCode).toBe(409);
    expect(await get('drafts.tag-world')).toEqual(draft);
    expect(await get('tag-world')).toEqual(published);
    await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.tag-world',
      publishedId: 'tag-world',
      ifPublishedRevisionId: published!._rev,
    });
    expect((await get('tag-world'))?.title).toBe('World draft');
  });

  it('refuses a draft whose strong reference points to a missing document (409), nothing published', async () => {
    await client.createOrReplace({ ...tag('drafts.tag-dangling', 'Dangling'), related: { _type: 'reference', _ref: 'tag-does-not-exist' } });
    const refused = await failure(client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-dangling', publishedId: 'tag-dangling' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toContain('tag-does-not-exist');
    expect(await get('tag-dangling')).toBeUndefined();
    expect((await get('drafts.tag-dangling'))?.title).toBe('Dangling');
  });

  it('strengthens a weak reference marked _strengthenOnPublish', async () => {
    const weak = { _type: 'reference', _ref: 'tag-culture', _weak: true, _strengthenOnPublish: { type: 'tag' } };
    await client.createOrReplace({ ...tag('drafts.tag-arts', 'Arts'), parent: weak });
    await client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-arts', publishedId: 'tag-arts' });
    expect((await get('tag-arts'))?.parent).toEqual({ _type: 'reference', _ref: 'tag-culture' });
    // Strong now: the tag it points to can no longer be deleted while it stands.
    expect(
      (await failure(client.action({ actionType: 'sanity.action.document.delete', publishedId: 'tag-culture', includeDrafts: [] }))).details.referencingIDs,
    ).toContain('tag-arts');
  });
  it('keeps a reference weak on publish when its field is weak by schema (_strengthenOnPublish.weak)', async () => {
    const weak = { _type: 'reference', _ref: 'tag-not-yet-published', _weak: true, _strengthenOnPublish: { type: 'tag', weak: true } };
    await client.createOrReplace({ ...tag('drafts.tag-loose', 'Loose'), seeAlso: weak });
    await client.action({ actionType: 'sanity.action.document.publish', draftId: 'drafts.tag-loose', publishedId: 'tag-loose' });
    expect((await get('tag-loose'))?.seeAlso).toEqual({ _type: 'reference', _ref: 'tag-not-yet-published', _weak: true });
  });
});

describe('unpublish', () => {
  it('turns the published document into a draft', async () => {
    await client.createOrReplace(tag('tag-unpublish-me', 'Unpublish me'));
    const published = await get('tag-unpublish-me');
    await client.action({ actionType: 'sanity.action.document.unpublish', draftId: 'drafts.tag-unpublish-me', publishedId: 'tag-unpublish-me' });
    expect(await get('tag-unpublish-me')).toBeUndefined();
    expect(content(await get('drafts.tag-unpublish-me'))).toEqual(content(published));
  });
});

describe('delete and discard', () => {
  it('deletes the published document and the drafts listed in includeDrafts', async () => {
    await client.transaction().createOrReplace(tag('tag-delete-me', 'Delete me')).createOrReplace(tag('drafts.tag-delete-me', 'Its draft')).commit();
    await client.action({ actionType: 'sanity.action.document.delete', publishedId: 'tag-delete-me', includeDrafts: ['drafts.tag-delete-me'] });
    expect(await get('tag-delete-me')).toBeUndefined();
    expect(await get('drafts.tag-delete-me')).toBeUndefined();
  });

  it('version.discard removes a draft or a release version, and nothing else', async () => {
    await client
      .transaction()
      .createOrReplace(tag('tag-versioned', 'Published'))
      .createOrReplace(tag('drafts.tag-versioned', 'Draft'))
      .createOrReplace(tag('versions.rSummer.tag-versioned', 'Summer'))
      .commit();
    await client.action({ actionType: 'sanity.action.document.version.discard', versionId: 'versions.rSummer.tag-versioned' });
    expect(await get('versions.rSummer.tag-versioned')).toBeUndefined();
    expect((await get('drafts.tag-versioned'))?.title).toBe('Draft');
    await client.action({ actionType: 'sanity.action.document.version.discard', versionId: 'drafts.tag-versioned' });
    expect(await get('drafts.tag-versioned')).toBeUndefined();
    expect((await get('tag-versioned'))?.title).toBe('Published');
  });

  it('replaceDraft puts the given attributes in the draft, whatever was there', async () => {
    await client.createOrReplace({ ...tag('drafts.tag-replaced', 'Before'), description: 'Goes' });
    await client.action({
      actionType: 'sanity.action.document.replaceDraft',
      publishedId: 'tag-replaced',
      attributes: { _id: 'drafts.tag-replaced', _type: 'tag', title: 'Replaced' },
    });
    expect(content(await get('drafts.tag-replaced'))).toEqual({ _type: 'tag', title: 'Replaced' });
  });
});

describe('referential integrity', () => {
  const referrer = 'article-northvale-rail-strike-ends-after-overnight-talks';

  it.each([
    ['delete', { actionType: 'sanity.action.document.delete', publishedId: 'tag-economy', includeDrafts: [] }],
    ['unpublish', { actionType: 'sanity.action.document.unpublish', draftId: 'drafts.tag-economy', publishedId: 'tag-economy' }],
  ] as const)('%s of a tag a published article uses is a 409 naming the article, nothing changed', async (_name, action) => {
    const before = await get('tag-economy');
    const transactions = lake.store.translog().length;
    const refused = await failure(client.action(action as never));
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toContain(referrer);
    expect(refused.details.referencingIDs).toContain(referrer);
    expect(await get('tag-economy')).toEqual(before);
    expect(await get('drafts.tag-economy')).toBeUndefined();
    expect(lake.store.translog()).toHaveLength(transactions);
  });

  it('the same delete through /data/mutate is refused too (the importer and scripts write there)', async () => {
    const refused = await failure(client.delete('tag-economy'));
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toContain(referrer);
    expect((await get('tag-economy'))?.title).toBe('Economy');
  });
});
