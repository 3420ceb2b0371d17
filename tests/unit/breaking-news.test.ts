import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { docTag } from '@/lib/content/cache-tags';
import { breakingNewsAt, loadBreakingNews, secondsUntilExpiry, SITE_SETTINGS_ID } from '@/lib/content/site-settings';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { parseChange } from '@/lib/revalidate/change';
import { tagsForChange } from '@/lib/revalidate/tags-for-change';

// A fixed clock: nothing here depends on today's date.
const NOW = new Date('2026-03-10T12:00:00Z');
const quiet = () => {};

const article = (slug: string, publishedAt: string) => ({
  _id: `article-${slug}`,
  _type: 'article',
  title: slug,
  slug: { _type: 'slug', current: slug },
  publishedAt,
  tags: [],
});

const settings = (breakingNews: Record<string, unknown> | undefined, id = 'siteSettings') => ({
  _id: id,
  _type: 'siteSettings',
  ...(breakingNews ? { breakingNews } : {}),
});

const banner = (overrides: Record<string, unknown> = {}) => ({
  text: 'Polls have closed in the general election',
  article: { _type: 'reference', _ref: 'article-election-results' },
  expiresAt: '2026-03-10T18:00:00Z',
  ...overrides,
});

/** An embedded dataset holding `docs`, read at the fixed clock. */
function sourceWith(docs: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'breaking-news-'));
  const file = join(dir, 'data.ndjson');
  const base = [article('election-results', '2026-03-10T09:00:00Z'), article('budget', '2026-03-11T06:00:00Z')];
  writeFileSync(file, [...base, ...docs].map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  return createEmbeddedSource(file, quiet, { now: () => NOW });
}

describe('breaking news from siteSettings', () => {
  it('a banner that has not expired shows its text and links to its public article', async () => {
    const { value } = await loadBreakingNews(sourceWith([settings(banner())]), NOW);
    expect(value).toEqual({
      text: 'Polls have closed in the general election',
      path: '/articles/election-results',
      expiresAt: '2026-03-10T18:00:00Z',
    });
  });

  it('an expired banner is gone, from the very second it expires', async () => {
    const source = sourceWith([settings(banner({ expiresAt: '2026-03-10T11:59:59Z' }))]);
    expect((await loadBreakingNews(source, NOW)).value).toBeNull();
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'Storm', expiresAt: '2026-03-10T12:00:00Z' }, NOW)).toBeNull();
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'Storm', expiresAt: '2026-03-10T12:00:01Z' }, NOW)?.text).toBe('Storm');
  });

  it('the banner shows without a link when its article is embargoed, unpublished or not set', async () => {
    const embargoed = await loadBreakingNews(sourceWith([settings(banner({ article: { _type: 'reference', _ref: 'article-budget' } }))]), NOW);
    expect(embargoed.value).toEqual({ text: 'Polls have closed in the general election', expiresAt: '2026-03-10T18:00:00Z' });
    const dangling = await loadBreakingNews(sourceWith([settings(banner({ article: { _type: 'reference', _ref: 'article-missing' } }))]), NOW);
    expect(dangling.value?.path).toBeUndefined();
    const none = await loadBreakingNews(sourceWith([settings(banner({ article: undefined }))]), NOW);
    expect(none.value).toEqual({ text: 'Polls have closed in the general election', expiresAt: '2026-03-10T18:00:00Z' });
  });

  it('no settings document, no banner field or a cleared text: no banner and no complaint', async () => {
    const log = vi.fn();
    expect((await loadBreakingNews(sourceWith([]), NOW)).value).toBeNull();
    expect((await loadBreakingNews(sourceWith([settings(undefined)]), NOW)).value).toBeNull();
    expect(breakingNewsAt({ _id: 'siteSettings', text: '  ', expiresAt: '2026-03-10T18:00:00Z' }, NOW, log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('a banner over 140 characters or without a valid expiry is skipped with a log line naming siteSettings', () => {
    const log = vi.fn();
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'x'.repeat(141), expiresAt: '2026-03-10T18:00:00Z' }, NOW, log)).toBeNull();
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'Storm', expiresAt: 'tomorrow' }, NOW, log)).toBeNull();
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'Storm' }, NOW, log)).toBeNull();
    expect(log).toHaveBeenCalledTimes(3);
    for (const [line] of log.mock.calls) expect(line).toMatch(/^\[content\] skipped siteSettings siteSettings: /);
    expect(breakingNewsAt({ _id: 'siteSettings', text: 'x'.repeat(140), expiresAt: '2026-03-10T18:00:00Z' }, NOW, log)?.text).toHaveLength(140);
  });

  it('the cached banner lives no longer than the time left before it expires', () => {
    const at = (expiresAt: string) => ({ text: 'Storm', expiresAt });
    expect(secondsUntilExpiry(at('2026-03-10T12:00:30Z'), NOW)).toBe(30);
    expect(secondsUntilExpiry(at('2026-03-10T12:00:30.200Z'), NOW)).toBe(31);
    expect(secondsUntilExpiry(at('2026-03-10T12:00:00.100Z'), NOW)).toBe(1);
    expect(secondsUntilExpiry(at('2026-03-11T12:00:00Z'), NOW)).toBe(86_400);
    expect(secondsUntilExpiry(null, NOW)).toBeNull();
  });

  it('publishing siteSettings expires the tag the banner getter (and so every page) carries', () => {
    const decide = (payload: object) => {
      const parsed = parseChange(payload);
      if (!parsed.ok) throw new Error(parsed.reason);
      return tagsForChange(parsed.change);
    };
    const published = decide({ _id: 'siteSettings', _type: 'siteSettings', breakingNews: banner() });
    expect(published).toEqual({ revalidate: true, tags: expect.arrayContaining([docTag(SITE_SETTINGS_ID)]) });
  });
});
