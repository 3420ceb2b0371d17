import { getLiveFeed } from '@/lib/content/live';
import { conditionalResponse } from '@/lib/http/conditional';

type Context = { params: Promise<{ slug: string }> };

/** A live blog's updates as RSS, newest first; any other slug is a 404. */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const feed = await getLiveFeed(slug);
  if (!feed) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return conditionalResponse(request, feed);
}
