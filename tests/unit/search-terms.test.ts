import { describe, expect, it } from 'vitest';
import { displayQuery, excerptAround, highlightParts, matchPatterns, MAX_TERMS, searchPageNumber, searchTerms } from '@/lib/content/search-terms';

describe('searchTerms', () => {
  it('keeps the words, lower-cased and de-duplicated', () => {
    expect(searchTerms('  Tokayev  tokayev, Kazakhstan! ')).toEqual(['tokayev', 'kazakhstan']);
  });

  it('strips what would break a match pattern or GROQ', () => {
    expect(searchTerms('*[_type == "article"] -> ^.title \\ "')).toEqual(['type', 'article', 'title']);
    expect(searchTerms('*')).toEqual([]);
    expect(searchTerms('[')).toEqual([]);
    expect(searchTerms('->')).toEqual([]);
    expect(searchTerms('"\\')).toEqual([]);
  });

  it('treats GROQ keywords as ordinary words', () => {
    expect(searchTerms('match || true && select(')).toEqual(['match', 'true', 'select']);
  });

  it('keeps unicode letters and normalises compatibility forms', () => {
    expect(searchTerms('Верхнеозёрск мост')).toEqual(['верхнеозёрск', 'мост']);
    expect(searchTerms('Ｔｏｋａｙｅｖ')).toEqual(['tokayev']);
    expect(searchTerms('café 北京')).toEqual(['café', '北京']);
  });

  it('caps a 1,000-character query, long words and the number of terms', () => {
    expect(searchTerms('x'.repeat(1000))).toEqual(['x'.repeat(40)]);
    const many = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    expect(searchTerms(many)).toHaveLength(MAX_TERMS);
  });

  it('gives nothing for nothing', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms(['a', 'b'])).toEqual([]);
  });

  it('turns terms into prefix patterns', () => {
    expect(matchPatterns(['tokay'])).toEqual(['tokay*']);
  });
});

describe('displayQuery and searchPageNumber', () => {
  it('shows back what was typed, trimmed and capped', () => {
    expect(displayQuery('  Tokayev ')).toBe('Tokayev');
    expect(displayQuery('y'.repeat(1000))).toHaveLength(200);
    expect(displayQuery(undefined)).toBe('');
  });

  it('reads a page number or falls back to 1', () => {
    expect(searchPageNumber('2')).toBe(2);
    for (const odd of ['0', '-1', '1e3', 'abc', '', undefined, '9999999']) expect(searchPageNumber(odd)).toBe(1);
  });
});

describe('highlightParts', () => {
  it('marks words that start with a term, keeping the rest as text', () => {
    expect(highlightParts('President Tokayev refused.', ['tokay'])).toEqual([
      { text: 'President ', match: false },
      { text: 'Tokayev', match: true },
      { text: ' refused.', match: false },
    ]);
  });

  it('does not mark a term inside a word', () => {
    expect(highlightParts('Kazakhstan', ['stan']).some((p) => p.match)).toBe(false);
  });

  it('passes markup through as text, for React to escape', () => {
    const parts = highlightParts('<script>alert(1)</script> lake', ['lake']);
    expect(parts.map((p) => p.text).join('')).toBe('<script>alert(1)</script> lake');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['lake']);
  });

  it('handles terms with regular-expression characters safely', () => {
    expect(() => highlightParts('a (b) c', ['(b'])).not.toThrow();
  });
});

describe('excerptAround', () => {
  const text = `${'Opening words. '.repeat(30)}Then President Tokayev spoke. ${'Closing words. '.repeat(30)}`;
  it('shows the words around the first match, with ellipses', () => {
    const excerpt = excerptAround(text, ['tokayev'], 120);
    expect(excerpt).toContain('Tokayev');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(122);
  });

  it('keeps short text whole', () => {
    expect(excerptAround('Short text.', ['x'])).toBe('Short text.');
  });
});
