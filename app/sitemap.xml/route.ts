import { conditionalResponse } from '@/lib/http/conditional';
import { getSitemap } from '@/lib/content/sitemap';
import { parsePageNumber } from '@/lib/urls/paths';

/** The sitemap, or with `?page=n` one part of it once the site passes 50,000 URLs. */
export async function GET(request: Request) {
  const page = new URL(request.url).searchParams.get('page');
  const number = parsePageNumber(page);
  if (page !== null && number === null) return new Response('Not found', { status: 404 });
  const sitemap = await getSitemap('pages', number ?? undefined);
  return sitemap ? conditionalResponse(request, sitemap) : new Response('Not found', { status: 404 });
}
