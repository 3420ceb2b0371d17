import { SiteFooter } from '@/components/site-footer';
import { SearchForm } from '@/components/search-form';
import { SiteHeader } from '@/components/site-header';
import { StaticDocumentMark } from '@/components/static-document';
import { getSections } from '@/lib/content/directory';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default async function NotFound() {
  return (
    <>
      <StaticDocumentMark />
      <SiteHeader sections={await getSections()} />
      <main id="main" tabIndex={-1} className="not-found">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
        <p>
          <a href="/">Go to the front page</a> or search:
        </p>
        <SearchForm id="not-found-search" label="Search articles" variant="inline" />
      </main>
      <SiteFooter />
    </>
  );
}
