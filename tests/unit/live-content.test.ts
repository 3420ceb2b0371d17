import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHome } from '@/lib/content/home';
import { loadLiveBlog, newestUpdates } from '@/lib/content/live';
import { loadNewsEntries, loadSitemapContent, sitemapUrls } from '@/lib/content/sitemap';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const ORIGIN = 'https://news.example';
const quiet = () => {};
const source = createEmbeddedSource(SAMPLE, quiet);
const storm = (page = 1) => loadLiveBlog(source, 'storm-kestrel-live', page, ORIGIN).then((result) => result.value!);

describe('a live blog from the sample dataset', () => {
  it('is live, with its latest update time and the public updates only', async () => {
    const blog = await storm();
    expect(blog).toMatchObject({ isLive: true, slug: 'storm-kestrel-live', startedAt: '2026-11-25T05:00:00.000Z', endedAt: undefined });
    expect(blog.latestAt).toBe('2026-11-25T19:50:00.000Z');
    // 45 public updates: one pinned, 44 in the timeline; the embargoed and the draft never count.
    expect(blog.pinned.map((update) => update.title)).toEqual(['Where to find help']);
    expect(blog.total).toBe(44);
    const everything = JSON.stringify([blog, await storm(2)]);
    expect(everything).not.toContain('EMBARGOED');
    expect(everything).not.toContain('DRAFT');
  });

  it('puts pinned updates first on page 1 only, then 40 updates newest first; the rest on page 2', async () => {
    const first = await storm();
    expect(first.updates).toHaveLength(40);
    const times = first.updates.map((update) => update.publishedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(first.updates.some((update) => update.pinned)).toBe(false);
    expect(first.pageCount).toBe(2);
    const second = await storm(2);
    expect(second.pinned).toEqual([]);
    expect(second.updates).toHaveLength(4);
    expect(second.updates[0]!.publishedAt < first.updates.at(-1)!.publishedAt).toBe(true);
    expect((await loadLiveBlog(source, 'storm-kestrel-live', 3, ORIGIN)).value).toBeNull();
  });

  it('lists the key events newest first, each linking to its update on the page that holds it', async () => {
    const blog = await storm();
    expect(blog.keyEvents.map((event) => [event.label, event.href])).toEqual([
      ['River Sarn overtops the lower flood wall', '/articles/storm-kestrel-live#update-liveUpdate-storm-kestrel-live-25'],
      ['Red warning for the Sarn valley', '/articles/storm-kestrel-live/page/2#update-liveUpdate-storm-kestrel-live-1'],
    ]);
  });

  it('gives each update its anchor, time, authors and safe body HTML', async () => {
    const update = (await storm()).updates[0]!;
    expect(update).toMatchObject({
      anchor: `update-${update._id}`,
      href: `/articles/storm-kestrel-live#update-${update._id}`,
      publishedAt: '2026-11-25T19:50:00.000Z',
      timeLabel: 'Nov 25, 7:50 PM UTC',
      authors: [{ name: expect.any(String), path: expect.stringMatching(/^\/authors\//) }],
    });
    expect(update.bodyHtml).toMatch(/^<p>That is all from the evening team/);
  });

  it('an ended blog says so; an ordinary article or unknown slug is not a live blog', async () => {
    const ended = (await loadLiveBlog(source, 'steppe-film-awards-live', 1, ORIGIN)).value!;
    expect(ended).toMatchObject({ isLive: false, endedAt: '2026-10-19T19:40:00.000Z', total: 7 });
    expect(newestUpdates(ended).map((update) => update.publishedAt)[0]).toBe('2026-10-19T19:15:00.000Z');
    expect((await loadLiveBlog(source, 'lake-sorrel-water-levels-reach-40-year-low', 1, ORIGIN)).value).toBeNull();
    expect((await loadLiveBlog(source, 'no-such-blog', 1, ORIGIN)).value).toBeNull();
  });
});

describe('live blogs on cards and the home page', () => {
  it('a featured running live blog leads the home page, with its latest update time, and is not repeated below', async () => {
    const home = (await loadHome(source)).value;
    expect(home.live.map((card) => [card.slug, card.coverage, card.liveUpdatedAt])).toEqual([['storm-kestrel-live', 'live', '2026-11-25T19:50:00.000Z']]);
    expect([...home.featured, ...home.latest].some((card) => card.slug === 'storm-kestrel-live')).toBe(false);
    const others = [...home.featured, ...home.latest];
    expect(others.every((card) => card.coverage === undefined || card.coverage === 'ended')).toBe(true);
  });
});

describe('the news sitemap', () => {
  it('lists a live blog while it runs, past the two days of ordinary articles; an ended one drops out', async () => {
    const later = createEmbeddedSource(SAMPLE, quiet, { now: () => new Date('2026-12-20T00:00:00Z') });
    const slugs = (await loadNewsEntries(later)).value.map((entry) => entry.slug);
    expect(slugs).toEqual(['storm-kestrel-live']);
  });
});

describe('the sitemap', () => {
  it('dates a live blog by its latest update', async () => {
    const urls = sitemapUrls((await loadSitemapContent(source)).value);
    expect(urls.find((url) => url.path === '/articles/storm-kestrel-live')?.lastmod).toBe('2026-11-25T19:50:00.000Z');
    expect(urls.find((url) => url.path === '/articles/steppe-film-awards-live')?.lastmod).toBe('2026-10-19T19:15:00.000Z');
  });
});
