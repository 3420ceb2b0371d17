import type { BreadcrumbList, Graph, NewsArticle, NewsMediaOrganization, SearchAction, WebSite, WithActionConstraints } from 'schema-dts';
import { site } from '../site.ts';
import { safeHref, safeWebUrl } from '../urls/safe-href.ts';

/*
 * schema.org structured data for search engines, typed with schema-dts:
 * NewsArticle and BreadcrumbList on every article, the publisher and the
 * site search on the home page. Serialised by json-ld.ts only.
 */

/**
 * What the article's structured data reads: the article view as content
 * enhanced it (lib/content/article.ts), with its paths, summary and last change.
 */
export type JsonLdArticle = {
  path: string;
  title: string;
  summary?: string;
  language: string;
  publishedAt: string;
  /** When it last changed for readers, ISO 8601. */
  modifiedAt: string;
  mainImage?: { asset: { url: string } };
  authors: readonly { name: string; path: string }[];
  /** Lead tag first. */
  tags: readonly { title: string; path: string }[];
  /** Only http(s) URLs are cited. */
  sources: readonly { name: string; url?: string }[];
};

const at = (origin: string, path: string) => new URL(path, origin).href;

export function publisherJsonLd(origin: string): NewsMediaOrganization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': at(origin, '/#publisher'),
    name: site.name,
    url: at(origin, '/'),
    logo: { '@type': 'ImageObject', url: at(origin, site.logoPath), width: '512', height: '512' },
    correctionsPolicy: at(origin, '/corrections-policy'),
  };
}

export function webSiteJsonLd(origin: string): WebSite {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${at(origin, '/search')}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@type': 'WebSite',
    '@id': at(origin, '/#website'),
    name: site.name,
    description: site.description,
    url: at(origin, '/'),
    inLanguage: site.language,
    publisher: { '@id': at(origin, '/#publisher') },
    potentialAction: search,
  };
}

/** The home page: who publishes the site and how to search it. */
export function homeJsonLd(origin: string): Graph {
  return { '@context': 'https://schema.org', '@graph': [publisherJsonLd(origin), webSiteJsonLd(origin)] };
}

/**
 * The image search engines show: the article's main image, else the site logo.
 * (The generated Open Graph card is no fallback here: Next.js serves it under a
 * build-hashed path, `opengraph-image-<hash>`, that only the page's metadata knows.)
 */
function articleImage(article: JsonLdArticle, origin: string): string {
  const main = safeHref(article.mainImage?.asset.url);
  return at(origin, main ?? site.logoPath);
}

export function newsArticleJsonLd(article: JsonLdArticle, origin: string): NewsArticle {
  const url = at(origin, article.path);
  const cited = article.sources.flatMap((source) => {
    const sourceUrl = safeWebUrl(source.url);
    return sourceUrl ? [{ name: source.name, url: sourceUrl }] : [];
  });
  return {
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    headline: article.title,
    description: article.summary,
    datePublished: new Date(article.publishedAt).toISOString(),
    dateModified: article.modifiedAt,
    inLanguage: article.language,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    image: [articleImage(article, origin)],
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: at(origin, author.path) })),
    publisher: publisherJsonLd(origin),
    keywords: article.tags.map((tag) => tag.title),
    articleSection: article.tags[0]?.title,
    ...(cited.length > 0
      ? {
          isBasedOn: cited.map((source) => source.url),
          citation: cited.map((source) => ({ '@type': 'CreativeWork' as const, name: source.name, url: source.url })),
        }
      : {}),
  };
}

/** Home › lead tag › article. */
export function articleBreadcrumbJsonLd(article: JsonLdArticle, origin: string): BreadcrumbList {
  const trail = [
    { name: site.name, url: at(origin, '/') },
    ...(article.tags[0] ? [{ name: article.tags[0].title, url: at(origin, article.tags[0].path) }] : []),
    { name: article.title, url: at(origin, article.path) },
  ];
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/** Everything an article page tells search engines, in one graph. */
export function articleJsonLd(article: JsonLdArticle, origin: string): Graph {
  return { '@context': 'https://schema.org', '@graph': [newsArticleJsonLd(article, origin), articleBreadcrumbJsonLd(article, origin)] };
}
