import { conditionalResponse } from '@/lib/http/conditional';
import { getSitemap } from '@/lib/seo/cached-sitemap';

/** The sitemap, or with `?page=n` one part of it once the site passes 50,000 URLs. */
export async function GET(request: Request) {
  const page = new URL(request.url).searchParams.get('page');
  if (page !== null && !/^[1-9]\d{0,5}$/.test(page)) return new Response('Not found', { status: 404 });
  const sitemap = await getSitemap(page === null ? undefined : Number(page));
  return sitemap ? conditionalResponse(request, sitemap) : new Response('Not found', { status: 404 });
}
