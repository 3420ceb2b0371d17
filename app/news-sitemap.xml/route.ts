import { conditionalResponse } from '@/lib/http/conditional';
import { getNewsSitemap } from '@/lib/seo/cached-sitemap';

/** Google News: the articles of the last 48 hours. */
export async function GET(request: Request) {
  return conditionalResponse(request, await getNewsSitemap());
}
