import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import {
  getAuthorListing,
  getAuthors,
  getSourceListing,
  getSources,
  getTagListing,
  getTags,
} from '@/lib/content';
import { safeWebUrl } from '@/lib/urls/safe-href';
import { site } from '@/lib/site';
import { ListingView } from './listing-view';
import { StateAffiliatedBadge, sourceKindName } from './source-label';
import { contentPath, parsePageNumber } from '@/lib/urls/paths';

/*
 * Tag, source and author pages work alike: /<kind>s/<slug> is page 1 and
 * /<kind>s/<slug>/page/<n> the older ones. These factories keep the six route
 * files to a few lines each.
 */

type Kind = 'tag' | 'source' | 'author';
type FirstPageProps = { params: Promise<{ slug: string }> };
type NthPageProps = { params: Promise<{ slug: string; n: string }> };

const owners = {
  tag: async () => (await getTags()).map((tag) => ({ slug: tag.slug, count: tag.count })),
  source: async () => (await getSources()).map((source) => ({ slug: source.slug, count: source.count })),
  author: async () => (await getAuthors()).map((author) => ({ slug: author.slug, count: author.count })),
};

async function loadView(kind: Kind, slug: string, page: number) {
  const base = contentPath(`${kind}s`, slug);
  if (kind === 'tag') {
    const listing = await getTagListing(slug, page);
    if (!listing) return null;
    const { owner } = listing;
    return {
      listing,
      base,
      kicker: 'Topic',
      title: owner.title,
      description: owner.description ?? `The latest ${owner.title} news from ${site.name}.`,
      intro: owner.description ? <p className="listing-intro">{owner.description}</p> : undefined,
      feedHref: `${base}/feed.xml`,
    };
  }
  if (kind === 'source') {
    const listing = await getSourceListing(slug, page);
    if (!listing) return null;
    const { owner } = listing;
    const url = safeWebUrl(owner.url);
    const kindName = sourceKindName(owner.kind);
    return {
      listing,
      base,
      kicker: kindName ? `Source · ${kindName}` : 'Source',
      title: owner.name,
      description: owner.description ?? `Stories from ${owner.name} on ${site.name}.`,
      intro: (
        <div className="listing-intro">
          {owner.stateAffiliated && (
            <p>
              <StateAffiliatedBadge />
            </p>
          )}
          {owner.description && <p>{owner.description}</p>}
          {url && (
            <p>
              <a href={url} rel="noopener noreferrer">
                {new URL(url).host}
              </a>
            </p>
          )}
        </div>
      ),
      feedHref: `${base}/feed.xml`,
    };
  }
  const listing = await getAuthorListing(slug, page);
  if (!listing) return null;
  const { owner } = listing;
  return {
    listing,
    base,
    kicker: owner.role ?? 'Author',
    title: owner.name,
    description: owner.bio ?? `Articles by ${owner.name} on ${site.name}.`,
    intro: owner.bio ? <p className="listing-intro">{owner.bio}</p> : undefined,
    feedHref: undefined,
  };
}

async function renderListing(kind: Kind, slug: string, page: number) {
  const view = await loadView(kind, slug, page);
  if (!view || (page > 1 && page > view.listing.pageCount)) notFound();
  return (
    <ListingView
      kicker={view.kicker}
      title={view.title}
      intro={page === 1 ? view.intro : undefined}
      articles={view.listing.articles}
      total={view.listing.total}
      page={page}
      pageCount={view.listing.pageCount}
      base={view.base}
      feedHref={view.feedHref}
    />
  );
}

async function metadataFor(kind: Kind, slug: string, page: number): Promise<Metadata> {
  const view = await loadView(kind, slug, page);
  if (!view) return { title: 'Not found', robots: { index: false } };
  const title = page > 1 ? `${view.title} (page ${page})` : view.title;
  return {
    title,
    description: view.description,
    alternates: {
      canonical: page > 1 ? `${view.base}/page/${page}` : view.base,
      ...(view.feedHref ? { types: { 'application/rss+xml': [{ url: view.feedHref, title: `${view.title} · ${site.name}` }] } } : {}),
    },
  };
}

export function firstPageRoute(kind: Kind) {
  return {
    async generateStaticParams() {
      return (await owners[kind]()).map(({ slug }) => ({ slug }));
    },
    async generateMetadata({ params }: FirstPageProps) {
      return metadataFor(kind, (await params).slug, 1);
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

export function nthPageRoute(kind: Kind) {
  return {
    async generateStaticParams() {
      return (await owners[kind]()).flatMap(({ slug, count }) => {
        const pages = Math.min(Math.ceil(count / site.pageSize), PRERENDERED_LISTING_PAGES);
        return Array.from({ length: Math.max(0, pages - 1) }, (_, index) => ({ slug, n: String(index + 2) }));
      });
    },
    async generateMetadata({ params }: NthPageProps) {
      const { slug, n } = await params;
      const page = parsePageNumber(n);
      return page ? metadataFor(kind, slug, page) : { title: 'Not found', robots: { index: false } };
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
