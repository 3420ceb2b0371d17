import type { Metadata } from 'next';
import { SearchForm } from '@/components/search-form';
import { SearchResults } from '@/components/search-results';
import { getSearchResults } from '@/lib/content/search';
import { displayQuery, searchPageNumber, searchTerms } from '@/lib/content/search-terms';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Search',
  description: `Search ${site.name}.`,
  alternates: { canonical: '/search' },
  robots: { index: false, follow: true },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /search?q=…&page=n: dynamic (it reads the query string); the results are cached by their terms. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = first(params.q);
  const query = displayQuery(raw);
  const terms = searchTerms(raw);
  const page = searchPageNumber(first(params.page));
  return (
    <div className="search-page">
      <h1>Search</h1>
      <SearchForm query={query} />
      {query === '' ? (
        <p className="search-status">Type a word or two to search headlines, summaries and articles.</p>
      ) : terms.length === 0 ? (
        <p className="search-status">“{query}” has no words to search for. Try letters or numbers.</p>
      ) : (
        <SearchResults query={query} terms={terms} result={await getSearchResults(terms, page, site.pageSize)} />
      )}
    </div>
  );
}
