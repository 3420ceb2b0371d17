import type { Metadata } from 'next';
import { SearchForm } from '@/components/search-form';
import { SearchResults } from '@/components/search-results';
import { search } from '@/lib/content/search';
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
  const view = await search(first(params.q), first(params.page));
  return (
    <div className="search-page">
      <h1>Search</h1>
      <SearchForm id="search-page-q" label="Search headlines, summaries and articles" name="Search articles" variant="page" query={view.query} />
      {view.status === 'empty' ? (
        <p className="search-status">Type a word or two to search headlines, summaries and articles.</p>
      ) : view.status === 'no-words' ? (
        <p className="search-status">“{view.query}” has no words to search for. Try letters or numbers.</p>
      ) : (
        <SearchResults query={view.query} result={view.result} />
      )}
    </div>
  );
}
