import { MAX_QUERY_LENGTH } from '@/lib/content/search-terms';

/** The search page's own form: a plain GET, so it works without JavaScript. */
export function SearchForm({ query }: { query: string }) {
  return (
    <form className="search-page-form" action="/search" method="get" role="search" aria-label="Search articles">
      <label htmlFor="search-page-q">Search headlines, summaries and articles</label>
      <div className="search-page-row">
        <input id="search-page-q" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
