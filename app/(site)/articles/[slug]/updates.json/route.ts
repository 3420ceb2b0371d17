import { getLiveUpdatesJson } from '@/lib/content/live';
import { conditionalResponse } from '@/lib/http/conditional';

type Context = { params: Promise<{ slug: string }> };

/*
 * What a live blog's island polls. The body comes from a cached getter that
 * the publish webhook expires (live:<article id>); shared caches keep it only
 * a few seconds, so a new update reaches open pages well within a poll or two.
 */
const CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const body = await getLiveUpdatesJson(slug);
  if (!body) return Response.json({ error: 'not a live blog' }, { status: 404 });
  return conditionalResponse(request, body, CACHE_CONTROL);
}
