import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ListingView } from '@/components/listing-view';
import { getDirectory } from '@/lib/content/directory';
import { getListing, type Listing, type ListingKind } from '@/lib/content/listing';
import { site } from '@/lib/site';
import { contentPath, listingPagePath, parsePageNumber } from '@/lib/urls/paths';

/*
 * Tag, source and author pages work alike: /<kind>s/<slug> is page 1 and
 * /<kind>s/<slug>/page/<n> the older ones. These factories keep the six route
 * files to a few lines each; the data and its wording come from lib/content/listing.ts.
 */

type FirstPageProps = { params: Promise<{ slug: string }> };
type NthPageProps = { params: Promise<{ slug: string; n: string }> };

const NOT_FOUND: Metadata = { title: 'Not found', robots: { index: false } };

async function renderListing(kind: ListingKind, slug: string, page: number) {
  const listing = await getListing(kind, slug, page);
  if (!listing || (page > 1 && page > listing.pageCount)) notFound();
  return <ListingView listing={listing} />;
}

function metadataOf(listing: Listing | null): Metadata {
  if (!listing) return NOT_FOUND;
  const { page, title, basePath, feedPath } = listing;
  return {
    title: page > 1 ? `${title} (page ${page})` : title,
    description: listing.description,
    alternates: {
      canonical: listingPagePath(basePath, page),
      ...(feedPath ? { types: { 'application/rss+xml': [{ url: feedPath, title: `${title} · ${site.name}` }] } } : {}),
    },
  };
}

export function firstPageRoute(kind: ListingKind) {
  return {
    async generateStaticParams() {
      return (await getDirectory(kind)).map(({ slug }) => ({ slug }));
    },
    async generateMetadata({ params }: FirstPageProps) {
      return metadataOf(await getListing(kind, (await params).slug, 1));
    },
    async Page({ params }: FirstPageProps) {
      return renderListing(kind, (await params).slug, 1);
    },
  };
}

/**
 * Older listing pages past these render on first request and are cached like any ISR page,
 * so the build does not grow with the archive (a 10,000-article archive meant ~2,000 pages).
 */
const PRERENDERED_LISTING_PAGES = 5;

export function nthPageRoute(kind: ListingKind) {
  return {
    async generateStaticParams() {
      return (await getDirectory(kind)).flatMap(({ slug, count }) => {
        const pages = Math.min(Math.ceil(count / site.pageSize), PRERENDERED_LISTING_PAGES);
        return Array.from({ length: Math.max(0, pages - 1) }, (_, index) => ({ slug, n: String(index + 2) }));
      });
    },
    async generateMetadata({ params }: NthPageProps) {
      const { slug, n } = await params;
      const page = parsePageNumber(n);
      return page ? metadataOf(await getListing(kind, slug, page)) : NOT_FOUND;
    },
    async Page({ params }: NthPageProps) {
      const { slug, n } = await params;
      const page = parsePageNumber(n);
      if (page === null) notFound();
      if (page === 1) permanentRedirect(contentPath(`${kind}s`, slug));
      return renderListing(kind, slug, page);
    },
  };
}
