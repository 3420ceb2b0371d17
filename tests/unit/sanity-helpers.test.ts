import { describe, expect, it } from 'vitest';
import { isBcp47 } from '../../sanity/lib/bcp47.ts';
import { isNotBefore } from '../../sanity/lib/dates.ts';
import { isAllowedHref } from '../../sanity/lib/href.ts';
import { nextPreviousSlugs, sameSlugList } from '../../sanity/lib/slug-history.ts';

describe('isAllowedHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM',
    'mailto:desk@example.com',
    '/articles/harbour-reopens',
    '/',
    '#corrections',
  ])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    '/\\evil.example',
    'ftp://example.com',
    'tel:+123',
    'https://',
    'mailto:',
    'example.com',
    'articles/relative',
    '',
  ])('refuses %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });
});

describe('isBcp47', () => {
  it.each(['en', 'EN', 'fr', 'pt-BR', 'zh-Hant', 'zh-Hant-TW', 'es-419', 'sl-rozaj', 'de-CH-1901', 'en-US-x-twain', 'x-private', 'yue', 'zh-yue'])(
    'accepts %s',
    (tag) => {
      expect(isBcp47(tag)).toBe(true);
    },
  );

  it.each(['', 'e', 'english', 'en_US', 'en-', 'en--US', 'en-US-', '123', 'en US', 'fr-FRA-'])('refuses %j', (tag) => {
    expect(isBcp47(tag)).toBe(false);
  });
});

describe('isNotBefore', () => {
  it('compares instants, not strings', () => {
    expect(isNotBefore('2025-03-01T10:00:00+02:00', '2025-03-01T09:00:00Z')).toBe(false);
    expect(isNotBefore('2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z')).toBe(true);
    expect(isNotBefore(undefined, '2025-03-01T09:00:00Z')).toBe(true);
  });
});

describe('nextPreviousSlugs', () => {
  const slug = (current: string) => ({ current });

  it('adds the published slug when the draft renames the article', () => {
    expect(nextPreviousSlugs({ slug: slug('old') }, { slug: slug('new') })).toEqual(['old']);
  });

  it('keeps the history and appends, without duplicates', () => {
    expect(nextPreviousSlugs({ slug: slug('second'), previousSlugs: ['first'] }, { slug: slug('third'), previousSlugs: ['first'] })).toEqual([
      'first',
      'second',
    ]);
    expect(nextPreviousSlugs({ slug: slug('second') }, { slug: slug('third'), previousSlugs: ['second'] })).toEqual(['second']);
  });

  it('never contains the slug being published (renaming back to an old name)', () => {
    expect(nextPreviousSlugs({ slug: slug('second'), previousSlugs: ['first'] }, { slug: slug('first'), previousSlugs: ['first'] })).toEqual(['second']);
  });

  it('changes nothing when the slug is unchanged or there is no published version', () => {
    expect(nextPreviousSlugs({ slug: slug('same'), previousSlugs: ['a'] }, { slug: slug('same'), previousSlugs: ['a'] })).toEqual(['a']);
    expect(nextPreviousSlugs(null, { slug: slug('new') })).toEqual([]);
    expect(nextPreviousSlugs(undefined, undefined)).toEqual([]);
  });

  it('falls back to the published history when the draft has none', () => {
    expect(nextPreviousSlugs({ slug: slug('b'), previousSlugs: ['a'] }, { slug: slug('c') })).toEqual(['a', 'b']);
  });

  it('sameSlugList compares order and content', () => {
    expect(sameSlugList(['a'], ['a'])).toBe(true);
    expect(sameSlugList(undefined, [])).toBe(true);
    expect(sameSlugList(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
