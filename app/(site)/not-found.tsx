import { SearchForm } from '@/components/search-form';

export const metadata = { title: 'Page not found', robots: { index: false } };

/*
 * A 404 from a reader page (notFound() in an article, tag, source or author
 * route). It renders inside the (site) layout, which already gives the header,
 * the one main landmark and the footer; app/not-found.tsx, which brings its own,
 * stays for URLs that match no route at all.
 */
export default function SiteNotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        <a href="/">Go to the front page</a> or search:
      </p>
      <SearchForm id="not-found-search" label="Search articles" name="Search from this page" variant="inline" />
    </div>
  );
}
