import { revalidateTag } from 'next/cache';
import { serverEnv } from '@/lib/env';
import { handleRevalidateWebhook } from '@/lib/revalidate/handle-webhook';
import { createSeenSet } from '@/lib/revalidate/idempotency';

/*
 * Sanity's GROQ-powered webhook calls this on publish, unpublish and delete
 * (set-up in docs/editors.md). All checks live in lib/revalidate; this only
 * wires them to Next.js. `expire: 0` makes the next request regenerate the
 * page in the foreground instead of serving the stale one once more.
 */
export const dynamic = 'force-dynamic';

const seen = createSeenSet(1000);

function handle(request: Request): Promise<Response> {
  return handleRevalidateWebhook(request, {
    secret: serverEnv().SANITY_REVALIDATE_SECRET,
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    seen,
  });
}

export const POST = handle;
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
