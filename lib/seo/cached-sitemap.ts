import { cacheLife } from 'next/cache';
import { listTag } from '../content/cache-tags.ts';
import { tagWithResult } from '../content/index.ts';
import { loadNewsEntries, loadSitemapContent } from '../content/sitemap.ts';
import { contentSource } from '../content/sources/index.ts';
import { serverEnv } from '../env.ts';
import { type CachedBody, etagOf } from '../http/conditional.ts';
import { site } from '../site.ts';
import { latestOf } from './modified.ts';
import { newsSitemapXml, sitemapUrls, sitemapXml } from './sitemap.ts';

/*
 * Sitemap bodies with their validators, built once per revalidation and
 * tagged like the pages, so a publish refreshes them; the route handlers only
 * answer conditional requests.
 */

const XML = 'application/xml; charset=utf-8';
const EVERY_TYPE = ['article', 'tag', 'source', 'author'].map(listTag);

/** /sitemap.xml (page undefined) or one of its parts; null for a part that does not exist. */
export async function getSitemap(page?: number): Promise<CachedBody | null> {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadSitemapContent(contentSource());
  tagWithResult(EVERY_TYPE, raw);
  const urls = sitemapUrls(value);
  const body = sitemapXml(urls, serverEnv().SITE_URL, page);
  if (body === null) return null;
  return { body, contentType: XML, etag: etagOf(body), lastModified: latestOf(urls.flatMap((url) => (url.lastmod ? [url.lastmod] : []))) };
}

export async function getNewsSitemap(): Promise<CachedBody> {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadNewsEntries(contentSource());
  tagWithResult([listTag('article')], raw);
  const body = newsSitemapXml(value, serverEnv().SITE_URL, site.name);
  return { body, contentType: XML, etag: etagOf(body), lastModified: latestOf(value.map((entry) => entry.publishedAt)) };
}
