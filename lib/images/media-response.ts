import { readFile } from 'node:fs/promises';
import { mediaFile, type MediaFolders } from './media-file.ts';
import { CONTENT_TYPES, formatOfName, negotiateFormat } from './media-format.ts';
import { mediaVariant } from './media-variant.ts';
import { mediaWidth } from './widths.ts';

/*
 * The /media/<name>?w=<width> answer for the embedded dataset: the image no
 * wider than asked (snapped to MEDIA_WIDTHS), as AVIF or WebP when `Accept`
 * allows. Every variant of a name is the same picture and a name never
 * changes content, so each is immutable; `Vary: Accept` keeps caches from
 * handing AVIF to a browser that asked for PNG.
 */

export function mediaNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function imageResponse(body: Buffer, contentType: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      Vary: 'Accept',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export async function mediaResponse(request: Request, name: string, folders: MediaFolders): Promise<Response> {
  let found: ReturnType<typeof mediaFile>;
  try {
    found = mediaFile(folders.imagesFolder, name);
  } catch {
    return mediaNotFound();
  }
  const original = formatOfName(name);
  if (!found || !original) return mediaNotFound();
  const width = mediaWidth(new URL(request.url).searchParams.get('w'));
  const format = negotiateFormat(request.headers.get('accept'), original);
  try {
    const { body } = await mediaVariant({ sourcePath: found.path, name, width, format, cacheDir: folders.cacheDir });
    return imageResponse(body, CONTENT_TYPES[format]);
  } catch (error) {
    // A file sharp cannot read is still the editor's image: send it as it is rather than lose it.
    console.error(`media: could not resize ${name} to ${width} px ${format}, sending the original: ${(error as Error).message}`);
    return imageResponse(await readFile(found.path), found.contentType);
  }
}
