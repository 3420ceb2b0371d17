import type { SearchPage } from '@/lib/content/search';
import { directionOf } from '@/lib/format/direction';
import { searchPath } from '@/lib/urls/paths';
import { DateTime } from './date-time';
import { Pagination } from './pagination';
import { SearchHighlight } from './search-highlight';

function countLabel(total: number): string {
  return total === 1 ? '1 result' : `${total.toLocaleString('en')} results`;
}

/** One page of search results: headline, date, summary and, for a body match, the words around it. */
export function SearchResults({ query, result }: { query: string; result: SearchPage }) {
  const { results, total, page, pageCount } = result;
  if (total === 0) {
    return <p className="search-status">No articles match “{query}”. Try fewer or different words.</p>;
  }
  return (
    <>
      <p className="search-status">
        {countLabel(total)} for “{query}”{pageCount > 1 && ` · page ${page} of ${pageCount}`}
      </p>
      {results.length === 0 ? (
        <p>
          There are no more results. <a href={searchPath(query, 1)}>Back to the first page</a>
        </p>
      ) : (
        <ol className="search-results" start={result.firstNumber}>
          {results.map((article) => (
            <li key={article._id} lang={article.language} dir={directionOf(article.language)}>
              <h2 className="search-result-title">
                <a href={article.path}>
                  <SearchHighlight parts={article.titleParts} />
                </a>
              </h2>
              <p className="meta">
                <DateTime iso={article.publishedAt} language={article.language} />
                {article.tags[0] && <span> · {article.tags[0].title}</span>}
              </p>
              {article.summaryParts.length > 0 && (
                <p className="search-summary">
                  <SearchHighlight parts={article.summaryParts} />
                </p>
              )}
              {article.excerptParts.length > 0 && (
                <p className="search-excerpt">
                  <SearchHighlight parts={article.excerptParts} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => searchPath(query, n)} label="Result pages" previousText="← Previous" nextText="Next →" />
    </>
  );
}
