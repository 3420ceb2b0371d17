import Link from 'next/link';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="not-found">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
        <p>
          <Link href="/">Go to the front page</Link> or search:
        </p>
        <form action="/search" method="get" role="search">
          <label htmlFor="not-found-search">Search articles</label>{' '}
          <input id="not-found-search" type="search" name="q" maxLength={200} />{' '}
          <button type="submit">Search</button>
        </form>
      </main>
      <SiteFooter />
    </>
  );
}
