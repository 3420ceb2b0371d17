import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchResults } from '@/components/search-results';

/* The sample dataset never fills two pages of results, so the pagination a reader sees is rendered here. */
describe('search results pages', () => {
  const render = (page: number, pageCount: number) =>
    renderToStaticMarkup(
      createElement(SearchResults, { query: 'lake', result: { results: [], total: 45, page, pageCount, firstNumber: (page - 1) * 20 + 1 } }),
    );

  it('link to the previous and next page of the same query', () => {
    const html = render(2, 3);
    expect(html).toContain('aria-label="Result pages"');
    expect(html).toMatch(/<a rel="prev" href="\/search\?q=lake">/);
    expect(html).toMatch(/<a rel="next" href="\/search\?q=lake&amp;page=3">/);
    expect(html).toContain('Page 2 of 3');
  });

  it('offer no next page on the last one', () => {
    const html = render(3, 3);
    expect(html).toContain('rel="prev"');
    expect(html).not.toContain('rel="next"');
  });
});
