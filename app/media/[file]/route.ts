import { serverEnv } from '@/lib/env';
import { embeddedMediaFolders } from '@/lib/images/media-file';
import { mediaNotFound, mediaResponse } from '@/lib/images/media-response';

/*
 * The embedded dataset's image files (its `images/` folder), at the URLs
 * lib/content/sources/image-assets.ts gives them, resized per srcset width
 * (lib/images/media-response.ts). With Sanity as the source, images come from
 * its CDN and this route has nothing to serve.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const folders = embeddedMediaFolders(serverEnv());
  if (!folders) return mediaNotFound();
  const { file } = await params;
  return mediaResponse(request, file, folders);
}
