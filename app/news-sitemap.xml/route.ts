import { getSitemap } from '@/lib/content/sitemap';
import { conditionalResponse } from '@/lib/http/conditional';

/** Google News: the articles of the last 48 hours. */
export async function GET(request: Request) {
  const sitemap = await getSitemap('news');
  return sitemap ? conditionalResponse(request, sitemap) : new Response('Not found', { status: 404 });
}
