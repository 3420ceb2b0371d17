import { latestOf } from '../format/modified.ts';
import { xmlEscape } from '../format/xml.ts';

/*
 * Sitemaps (sitemaps.org 0.9) and the Google News sitemap, as pure functions
 * of the pages content lists (lib/content/sitemap.ts decides which pages and
 * when each last changed). Past 50,000 URLs, /sitemap.xml becomes a sitemap
 * index whose parts are /sitemap.xml?page=n: a query string keeps every part
 * in the site's root directory, where a sitemap may list any of the site's URLs.
 */

export const SITEMAP_URL_LIMIT = 50_000;

/** One page of the sitemap: its site-relative path and when it last changed. */
export type SitemapUrl = { path: string; lastmod?: string };

/** One article of the Google News sitemap. */
export type NewsSitemapEntry = { path: string; title: string; language: string; publishedAt: string };

/** The URLs cut into sitemap files of at most `limit` each (one file for a small site). */
export function splitSitemap<T>(urls: readonly T[], limit: number = SITEMAP_URL_LIMIT): T[][] {
  if (urls.length === 0) return [[]];
  const parts: T[][] = [];
  for (let start = 0; start < urls.length; start += limit) parts.push(urls.slice(start, start + limit));
  return parts;
}

export function sitemapPartPath(page: number): string {
  return `/sitemap.xml?page=${page}`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function urlsetXml(urls: readonly SitemapUrl[], origin: string): string {
  const entries = urls.map(
    (url) => `  <url><loc>${xmlEscape(new URL(url.path, origin).href)}</loc>${url.lastmod ? `<lastmod>${xmlEscape(url.lastmod)}</lastmod>` : ''}</url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(parts: readonly SitemapUrl[][], origin: string): string {
  const entries = parts.map((part, index) => {
    const lastmod = latestOf(part.flatMap((url) => (url.lastmod ? [url.lastmod] : [])));
    return `  <sitemap><loc>${xmlEscape(new URL(sitemapPartPath(index + 1), origin).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
  });
  return `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/**
 * The body of /sitemap.xml (no page: a urlset, or an index when split) or of
 * one part (`page` from 1); null for a part that does not exist.
 */
export function sitemapXml(urls: readonly SitemapUrl[], origin: string, page?: number, limit: number = SITEMAP_URL_LIMIT): string | null {
  const parts = splitSitemap(urls, limit);
  if (page === undefined) return parts.length === 1 ? urlsetXml(parts[0] ?? [], origin) : sitemapIndexXml(parts, origin);
  const part = parts.length > 1 ? parts[page - 1] : undefined;
  return part ? urlsetXml(part, origin) : null;
}

/** The Google News sitemap: name and language of the publication, date and title of each article. */
export function newsSitemapXml(entries: readonly NewsSitemapEntry[], origin: string, publicationName: string): string {
  const urls = entries.map((entry) =>
    [
      '  <url>',
      `    <loc>${xmlEscape(new URL(entry.path, origin).href)}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${xmlEscape(publicationName)}</news:name>`,
      // Google wants an ISO 639 code; zh-cn and zh-tw are the two region forms it accepts.
      `        <news:language>${xmlEscape(newsLanguage(entry.language))}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${xmlEscape(new Date(entry.publishedAt).toISOString())}</news:publication_date>`,
      `      <news:title>${xmlEscape(entry.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  );
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>\n`;
}

export function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh-hans-cn') return 'zh-cn';
  if (lower === 'zh-tw' || lower === 'zh-hant' || lower === 'zh-hant-tw') return 'zh-tw';
  return lower.split('-')[0] ?? lower;
}
