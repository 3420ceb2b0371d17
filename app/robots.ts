import type { MetadataRoute } from 'next';
import { serverEnv } from '@/lib/env';

/** Crawlers may read the site, not the Studio or the API; both sitemaps are named. */
export default function robots(): MetadataRoute.Robots {
  const origin = serverEnv().SITE_URL;
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/studio', '/api/'] }],
    sitemap: [new URL('/sitemap.xml', origin).href, new URL('/news-sitemap.xml', origin).href],
  };
}
