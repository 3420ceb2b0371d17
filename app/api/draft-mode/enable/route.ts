import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { previewSecretMatches } from '@/lib/draft-mode/secret';
import { safeRedirectPath } from '@/lib/draft-mode/safe-redirect';
import { sanityEnableDraftMode } from '@/lib/draft-mode/sanity-enable';
import { contentSourceFrom, localLakeProject, serverEnv } from '@/lib/env';

/*
 * /api/draft-mode/enable?secret=<PREVIEW_SECRET>&redirect=/articles/<slug>
 * turns on draft mode for this browser, then sends it to a path on this site.
 * The Presentation tool's `sanity-preview-secret` handshake works too (next-sanity's
 * defineEnableDraftMode), against Sanity or the local Content Lake. See docs/editors.md.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const env = serverEnv();
  const config = contentSourceFrom(env);
  const url = new URL(request.url);

  if (config.kind === 'sanity' && !config.token) {
    return refuse(503, 'Draft mode with Sanity needs SANITY_API_READ_TOKEN on the server.');
  }
  if (config.kind === 'sanity' && config.token && url.searchParams.has('sanity-preview-secret')) {
    return sanityEnableDraftMode({ ...config, token: config.token }).GET(withSafePreviewPathname(request, url));
  }
  // On the embedded dataset the Studio's secret lives in the local Content Lake that wrote it.
  if (config.kind === 'embedded' && url.searchParams.has('sanity-preview-secret')) {
    return sanityEnableDraftMode(localLakeProject(env)).GET(withSafePreviewPathname(request, url));
  }
  if (!previewSecretMatches(url.searchParams.get('secret'), env.PREVIEW_SECRET)) {
    return refuse(401, 'Invalid or missing preview secret.');
  }
  (await draftMode()).enable();
  redirect(safeRedirectPath(url.searchParams.get('redirect')));
}

/** Sanity's handshake redirects to `sanity-preview-pathname` after its own, weaker check: ours goes first. */
function withSafePreviewPathname(request: Request, url: URL): Request {
  const safe = new URL(url);
  const pathname = safe.searchParams.get('sanity-preview-pathname');
  if (pathname !== null) safe.searchParams.set('sanity-preview-pathname', safeRedirectPath(pathname));
  // The handler reads Sec-Fetch-* to decide on partitioned cookies: keep the headers.
  return new Request(safe, { headers: request.headers });
}

function refuse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  });
}
