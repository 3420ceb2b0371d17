import type { TagEntry } from '@/lib/content/directory';
import { site } from '@/lib/site';
import { SearchForm } from './search-form';

/** The masthead: skip link, wordmark, site search and the section nav (the layout passes the sections). */
export function SiteHeader({ sections }: { sections: TagEntry[] }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="masthead">
        <a href="/" className="wordmark">
          {site.name}
        </a>
        <SearchForm id="site-search" label="Search articles" name="Site search" variant="masthead" />
      </div>
      {sections.length > 0 && (
        <nav className="section-nav" aria-label="Sections">
          <ul>
            {sections.map((tag) => (
              <li key={tag._id}>
                <a href={tag.path}>{tag.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
