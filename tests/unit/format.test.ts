import { describe, expect, it } from 'vitest';
import { formatDateTime, isLaterThan } from '@/lib/format/date';
import { directionOf } from '@/lib/format/direction';
import { articleSummary } from '@/lib/content/summary';

describe('dates as readers see them', () => {
  it('are absolute and name the time zone', () => {
    expect(formatDateTime('2026-11-20T08:00:00Z')).toBe('November 20, 2026 at 8:00 AM UTC');
    expect(formatDateTime('2026-11-20T08:00:00Z', 'ru')).toContain('ноября');
  });

  it('shows "Updated" only when later than publication', () => {
    expect(isLaterThan('2026-11-21T00:00:00Z', '2026-11-20T00:00:00Z')).toBe(true);
    expect(isLaterThan('2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z')).toBe(false);
    expect(isLaterThan(undefined, '2026-11-20T00:00:00Z')).toBe(false);
  });
});

describe('text direction', () => {
  it.each([
    ['en', 'ltr'],
    ['ru', 'ltr'],
    ['ar', 'rtl'],
    ['he-IL', 'rtl'],
    ['fa', 'rtl'],
    ['az-Arab', 'rtl'],
  ])('%s is %s', (language, dir) => {
    expect(directionOf(language)).toBe(dir);
  });
});

describe('article summaries', () => {
  it('prefer the standfirst, else cut the lede within 300 characters', () => {
    expect(articleSummary({ standfirst: 'Short.', lede: 'Long lede.' })).toBe('Short.');
    const lede = `${'A sentence of some length. '.repeat(20)}`;
    const summary = articleSummary({ standfirst: undefined, lede });
    expect(summary!.length).toBeLessThanOrEqual(300);
    expect(summary).toMatch(/\.$/);
  });
});
