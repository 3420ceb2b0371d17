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

type Answer = { at: string; ids: string[]; pinned: { anchor: string }[]; keyEvents: unknown[]; updates: { anchor: string; version: string }[] };
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
    expect(polled.updates.every(({ version }) => /^[\w-]{16}$/.test(version))).toBe(true);
    expect(polled.updates.map(({ anchor, version }) => [anchor, version])).toEqual(
      page!.updates.slice(0, ISLAND_UPDATES).map(({ anchor, version }) => [anchor, version]),
    );
  });

  it('carries the key events as the page lists them', async () => {
    const [polled, page] = [await answer('storm-kestrel-live'), await getLiveBlog('storm-kestrel-live', 1)];
    expect(polled.keyEvents).toHaveLength(2);
    expect(polled.keyEvents).toEqual(page!.keyEvents.map(({ href, label, publishedAt, timeLabel }) => ({ href, label, publishedAt, timeLabel })));
  });

  it('lists every public update by id and carries the pinned ones whole', async () => {
    const storm = await answer('storm-kestrel-live');
    // 45 public updates (one pinned), on two pages: the answer carries 20 in full and lists all.
    expect(storm.ids).toHaveLength(45);
    expect(storm.ids).toEqual(expect.arrayContaining(['liveUpdate-storm-kestrel-live-7', 'liveUpdate-storm-kestrel-live-1']));
    // Not the embargoed update nor the draft.
    expect(storm.ids).not.toContain('liveUpdate-storm-kestrel-live-46');
    expect(storm.ids.some((id) => id.includes('-47'))).toBe(false);
    expect(storm).toMatchObject({
      pinned: [{ anchor: 'update-liveUpdate-storm-kestrel-live-7', pinned: true, version: expect.stringMatching(/^[\w-]{16}$/) }],
    });
  });

  it('says when its data was read, outside the ETag: unchanged content still answers 304', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-25T21:00:00Z'));
      const first = (await getLiveUpdatesJson('storm-kestrel-live'))!;
      vi.setSystemTime(new Date('2026-11-25T21:01:00Z'));
      const second = (await getLiveUpdatesJson('storm-kestrel-live'))!;
      expect([JSON.parse(first.body).at, JSON.parse(second.body).at]).toEqual(['2026-11-25T21:00:00.000Z', '2026-11-25T21:01:00.000Z']);
      expect(second.etag).toBe(first.etag);
    } finally {
      vi.useRealTimers();
    }
  });
});
