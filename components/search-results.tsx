import Link from 'next/link';
import { articleSummary } from '@/lib/content/summary';
import type { SearchPage } from '@/lib/content/search';
import { excerptAround, highlightParts } from '@/lib/content/search-terms';
import { directionOf } from '@/lib/format/direction';
import { site } from '@/lib/site';
import { DateTime } from './date-time';
import { Pagination } from './pagination';
import { SearchHighlight } from './search-highlight';
import { articlePath } from '@/lib/urls/paths';

export function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

function countLabel(total: number): string {
  return total === 1 ? '1 result' : `${total.toLocaleString('en')} results`;
}

/** One page of search results: headline, date, summary and, for a body match, the words around it. */
export function SearchResults({ query, terms, result }: { query: string; terms: string[]; result: SearchPage }) {
  const { results, total, page, pageCount } = result;
  if (total === 0) {
    return (
      <p className="search-status">
        No articles match “{query}”. Try fewer or different words.
      </p>
    );
  }
  return (
    <>
      <p className="search-status">
        {countLabel(total)} for “{query}”{pageCount > 1 && ` · page ${page} of ${pageCount}`}
      </p>
      {results.length === 0 ? (
        <p>
          There are no more results. <Link href={searchHref(query, 1)}>Back to the first page</Link>
        </p>
      ) : (
        <ol className="search-results" start={(page - 1) * site.pageSize + 1}>
          {results.map((article) => {
            const summary = articleSummary(article) ?? '';
            const bodyMatch = !highlightParts(`${article.title} ${summary}`, terms).some((part) => part.match);
            return (
              <li key={article._id} lang={article.language} dir={directionOf(article.language)}>
                <h2 className="search-result-title">
                  <Link href={articlePath(article.slug)}>
                    <SearchHighlight text={article.title} terms={terms} />
                  </Link>
                </h2>
                <p className="meta">
                  <DateTime iso={article.publishedAt} language={article.language} />
                  {article.tags[0] && <span> · {article.tags[0].title}</span>}
                </p>
                {summary && (
                  <p className="search-summary">
                    <SearchHighlight text={summary} terms={terms} />
                  </p>
                )}
                {bodyMatch && article.text && (
                  <p className="search-excerpt">
                    <SearchHighlight text={excerptAround(article.text, terms)} terms={terms} />
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(n) => searchHref(query, n)}
        label="Result pages"
        previousText="← Previous"
        nextText="Next →"
      />
    </>
  );
}
