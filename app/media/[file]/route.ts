import { readFile } from 'node:fs/promises';
import { contentSourceFrom, serverEnv } from '@/lib/env';
import { datasetImagesFolder, mediaFile } from '@/lib/images/media-file';

/*
 * The embedded dataset's image files (its `images/` folder), at the URLs
 * lib/content/sources/image-assets.ts gives them. A file's name carries its
 * content hash, so it never changes: cached for a year. With Sanity as the
 * source, images come from its CDN and this route has nothing to serve.
 */
export const dynamic = 'force-dynamic';

function notFound() {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const config = contentSourceFrom(serverEnv());
  if (config.kind !== 'embedded') return notFound();
  const { file } = await params;
  let found: ReturnType<typeof mediaFile>;
  try {
    found = mediaFile(datasetImagesFolder(config.datasetPath), file);
  } catch {
    return notFound();
  }
  if (!found) return notFound();
  const body = await readFile(found.path);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': found.contentType,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
