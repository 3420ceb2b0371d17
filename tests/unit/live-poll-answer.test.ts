import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { liveUpdateSchema, liveUpdateView } from '@/lib/content/live-view';

/*
 * What an open live page's island is told on each poll: the newest timeline updates with the
 * fingerprint the page carries for each (data-version), whether they are all of them, and which
 * updates are pinned. The fingerprint changes with what a reader sees of an update and with
 * nothing else, so the island redraws an edited update and leaves the others alone.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const source = createEmbeddedSource(SAMPLE, () => {});
vi.mock('next/cache.js', () => ({ cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('@/lib/content/sources/index', () => ({ contentSource: () => source }));
vi.mock('../../lib/content/sources/index.ts', () => ({ contentSource: () => source }));

const { getLiveBlog, getLiveUpdatesJson, ISLAND_UPDATES } = await import('@/lib/content/live');

type Answer = { at: string; complete: boolean; pinned: { anchor: string }[]; keyEvents: unknown[]; updates: { anchor: string; version: string }[] };
const answer = async (slug: string) => JSON.parse((await getLiveUpdatesJson(slug))!.body) as Answer;

const raw = {
  _id: 'liveUpdate-x-1',
  title: 'Pumps restart',
  publishedAt: '2026-11-25T20:30:00Z',
  keyEvent: false,
  pinned: false,
  authors: [{ _id: 'author-dana', name: 'Dana Reyes', slug: 'dana-reyes' }],
  body: [{ _type: 'block', _key: 'a', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 'b', text: 'The pumps run again.', marks: [] }] }],
};
const blog = { slug: 'x', language: 'en', order: ['liveUpdate-x-1'] };
const versionOf = (fields: Partial<typeof raw>, of = blog) => liveUpdateView(liveUpdateSchema.parse({ ...raw, ...fields }), of, 'https://news.example').version;

describe('the fingerprint of a live update', () => {
  it('changes with its words, title, key-event flag or authors', () => {
    const base = versionOf({});
    expect(base).toMatch(/^[\w-]{16}$/);
    expect(versionOf({})).toBe(base);
    const changed = [
      versionOf({ body: [{ ...raw.body[0]!, children: [{ ...raw.body[0]!.children[0]!, text: 'The pumps run again, slowly.' }] }] }),
      versionOf({ title: 'Pumps restart in Lower Sarn' }),
      versionOf({ keyEvent: true }),
      versionOf({ authors: [{ _id: 'author-ola', name: 'Ola Berg', slug: 'ola-berg' }] }),
    ];
    expect(new Set([base, ...changed]).size).toBe(5);
  });

  it('stays the same when only its place moves: pinned, or pushed to an older page', () => {
    const base = versionOf({});
    expect(versionOf({ pinned: true })).toBe(base);
    const later = { ...blog, order: [...Array.from({ length: 45 }, (_, i) => `liveUpdate-x-${i + 2}`), 'liveUpdate-x-1'] };
    expect(liveUpdateView(liveUpdateSchema.parse(raw), later, 'https://news.example').href).toContain('/page/2');
    expect(versionOf({}, later)).toBe(base);
  });
});

describe("the island's poll answer", () => {
  it('carries, for each update, the fingerprint the page itself was drawn with', async () => {
    const [polled, page] = [await answer('storm-kestrel-live'), await getLiveBlog('storm-kestrel-live', 1)];
    expect(polled.updates).toHaveLength(ISLAND_UPDATES);
    expect(polled.updates.map(({ anchor, version }) => [anchor, version])).toEqual(page!.updates.slice(0, ISLAND_UPDATES).map(({ anchor, version }) => [anchor, version]));
  });

  it('carries the key events as the page lists them', async () => {
    const [polled, page] = [await answer('storm-kestrel-live'), await getLiveBlog('storm-kestrel-live', 1)];
    expect(polled.keyEvents).toHaveLength(2);
    expect(polled.keyEvents).toEqual(page!.keyEvents.map(({ href, label, publishedAt, timeLabel }) => ({ href, label, publishedAt, timeLabel })));
  });

  it('says whether it holds every timeline update, and which are pinned', async () => {
    // 44 timeline updates: more than the answer holds, so an older one missing from it is not withdrawn.
    const storm = await answer('storm-kestrel-live');
    expect(storm).toMatchObject({ complete: false, pinned: [{ anchor: 'update-liveUpdate-storm-kestrel-live-7', pinned: true, version: expect.stringMatching(/^[\w-]{16}$/) }] });
    // When its data was read: the island ignores an answer older than its page.
    expect(Date.parse(storm.at)).not.toBeNaN();
    // A short blog's answer holds all of it: whatever the page shows and this lacks was withdrawn.
    const ended = await answer('steppe-film-awards-live');
    expect(ended.updates.length).toBeGreaterThan(0);
    expect(ended.updates.length).toBeLessThan(ISLAND_UPDATES);
    expect(ended).toMatchObject({ complete: true, pinned: [] });
  });
});
