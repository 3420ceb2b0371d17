import Link from 'next/link';
import { getTags } from '@/lib/content';
import { site } from '@/lib/site';
import { tagPath } from '@/lib/urls/paths';

export async function SiteHeader() {
  const tags = (await getTags()).filter((tag) => tag.count > 0).slice(0, 8);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="masthead">
        <Link href="/" className="wordmark">
          {site.name}
        </Link>
        <form className="search-form" action="/search" method="get" role="search" aria-label="Site search">
          <label htmlFor="site-search" className="visually-hidden">
            Search articles
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
      {tags.length > 0 && (
        <nav className="section-nav" aria-label="Sections">
          <ul>
            {tags.map((tag) => (
              <li key={tag._id}>
                <Link href={tagPath(tag.slug)}>{tag.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
