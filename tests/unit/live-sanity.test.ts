import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLiveUpdateText } from '../../lib/import/live-update-body.ts';
import { changeCoverageInSanity, postLiveUpdateToSanity } from '../../lib/import/live-sanity.ts';
import { createSanityWriteClient } from '../../lib/import/sanity-write-client.ts';
import { startSanityApiFixture, type FixtureDocument, type SanityApiFixture } from '../fixtures/sanity-api/server.ts';
import { liveBlogDocument } from '../fixtures/live-blog.ts';

const now = '2026-11-25T21:00:00.000Z';
const existing: FixtureDocument[] = [
  liveBlogDocument('storm', '2026-11-25T05:00:00.000Z'),
  { _id: 'liveUpdate-storm-1', _type: 'liveUpdate', article: { _type: 'reference', _ref: 'article-storm' } },
  { _id: 'drafts.liveUpdate-storm-2', _type: 'liveUpdate', article: { _type: 'reference', _ref: 'article-storm' } },
  { _id: 'author-dana-reyes', _type: 'author', name: 'Dana Reyes', slug: { _type: 'slug', current: 'dana-reyes' } },
];

let fixture: SanityApiFixture;
beforeEach(async () => {
  fixture = await startSanityApiFixture({ documents: existing, dataset: 'production', token: 'write-token' });
});
afterEach(() => fixture.close());

const client = () =>
  createSanityWriteClient({ projectId: 'fixture', dataset: 'production', apiVersion: '2025-02-19', token: 'write-token', apiHost: fixture.url });

describe('live --to sanity', () => {
  it('publishes the update under the next free number, after the drafts too', async () => {
    const body = parseLiveUpdateText('u.txt', 'The wall holds.', 'seed').body;
    const result = await postLiveUpdateToSanity(client(), 'storm', { body, title: 'Wall holds', authors: ['dana-reyes'] }, now);
    expect(result).toMatchObject({ id: 'liveUpdate-storm-3', path: '/articles/storm#update-liveUpdate-storm-3' });
    expect(fixture.get('liveUpdate-storm-3')).toMatchObject({ _type: 'liveUpdate', title: 'Wall holds', article: { _ref: 'article-storm' } });
    const mutate = fixture.requests.filter((request) => request.endpoint === 'mutate');
    expect((mutate[0]!.body as { mutations: Record<string, unknown>[] }).mutations.map((m) => Object.keys(m)[0])).toEqual(['create']);
  });

  it('refuses an unknown author before writing anything', async () => {
    const body = parseLiveUpdateText('u.txt', 'Text.', 'seed').body;
    await expect(postLiveUpdateToSanity(client(), 'storm', { body, authors: ['nobody'] }, now)).rejects.toThrow(/No author "nobody"/);
    expect(fixture.requests.filter((request) => request.endpoint === 'mutate')).toHaveLength(0);
  });

  it('ends the coverage with a patch of the article', async () => {
    await changeCoverageInSanity(client(), 'storm', 'ended', now);
    expect(fixture.get('article-storm')).toMatchObject({ coverage: 'ended', coverageEndedAt: now, title: 'Storm' });
  });
});
