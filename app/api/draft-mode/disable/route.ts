import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeRedirectPath } from '@/lib/draft-mode/safe-redirect';

/** /api/draft-mode/disable?redirect=/articles/<slug>: back to what readers see. No secret needed to leave. */
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  (await draftMode()).disable();
  redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirect')));
}
