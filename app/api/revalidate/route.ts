import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { getSlugsByReference } from '@/lib/content/referenced-slugs';
import { serverEnv } from '@/lib/env';
import { handleRevalidateWebhook } from '@/lib/revalidate/handle-webhook';
import { createSeenSet } from '@/lib/revalidate/idempotency';
import { purgeEdges } from '@/lib/revalidate/purge-edge';
import { notifyHubOfChange } from '@/lib/websub/ping-hub';

/*
 * Sanity's GROQ-powered webhook calls this on publish, unpublish and delete
 * (set-up in docs/editors.md). All checks live in lib/revalidate; this only
 * wires them to Next.js. `expire: 0` makes the next request regenerate the
 * page in the foreground instead of serving the stale one once more. Then,
 * after the response (`after`: Next records the expiry once this returns),
 * the edges are purged by the same tags and the WebSub hub is pinged.
 */
export const dynamic = 'force-dynamic';

const seen = createSeenSet(1000);

function handle(request: Request): Promise<Response> {
  const env = serverEnv();
  const edges = env.EDGE_PURGE_URLS ?? [];
  const hub = env.WEBSUB_HUB_URL;
  return handleRevalidateWebhook(request, {
    secret: env.SANITY_REVALIDATE_SECRET,
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    seen,
    later: (task) => after(task),
    purgeEdges: edges.length > 0 ? (tags) => purgeEdges(edges, tags) : undefined,
    notifyHub: hub
      ? async (change) => {
          await notifyHubOfChange(hub, env.SITE_URL, change);
        }
      : undefined,
    referencedSlugs: getSlugsByReference,
  });
}

export const POST = handle;
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
