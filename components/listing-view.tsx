import type { Listing } from '@/lib/content/listing';
import { listingPagePath } from '@/lib/urls/paths';
import { ArticleList } from './article-card';
import { Pagination } from './pagination';
import { StateAffiliatedBadge } from './source-label';

/** A source's intro can hold a badge and its web address; a tag's or author's is one paragraph. */
function Intro({ kind, intro }: { kind: Listing['kind']; intro: Listing['intro'] }) {
  if (kind !== 'source') return intro.text ? <p className="listing-intro">{intro.text}</p> : null;
  return (
    <div className="listing-intro">
      {intro.stateAffiliated && (
        <p>
          <StateAffiliatedBadge />
        </p>
      )}
      {intro.text && <p>{intro.text}</p>}
      {intro.url && (
        <p>
          <a href={intro.url} rel="noopener noreferrer">
            {intro.host}
          </a>
        </p>
      )}
    </div>
  );
}

/** A tag, source or author page: who or what it is, then its articles, newest first. */
export function ListingView({ listing }: { listing: Listing }) {
  const { kicker, title, page, pageCount, feedPath, basePath } = listing;
  return (
    <>
      <header className="listing-header">
        <p className="kicker">{kicker}</p>
        <h1>
          {title}
          {page > 1 && <span className="page-number"> (page {page})</span>}
        </h1>
        {page === 1 && <Intro kind={listing.kind} intro={listing.intro} />}
        <p className="meta">
          {listing.countLabel}
          {feedPath && (
            <>
              {' · '}
              <a href={feedPath}>Follow via RSS</a>
            </>
          )}
        </p>
      </header>
      <ArticleList articles={listing.articles} label={`Articles: ${title}`} />
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => listingPagePath(basePath, n)} />
    </>
  );
}
