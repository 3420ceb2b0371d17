import { mediaFile, type MediaFolders } from './media-file.ts';
import { isMediaUrl } from './media-format.ts';
import { mediaVariant } from './media-variant.ts';

/*
 * A page's lead image, inside the page itself when it is small: the phone-width AVIF
 * (750 px: a 375-px screen at twice the density) as a `data:` URL. The browser then has the
 * picture with the HTML and paints it in the first frame, with no request to wait for after
 * the page. Only a small file is worth it (every byte is in the page twice: the HTML and its
 * RSC payload), so anything over INLINE_MAX_BYTES stays a normal request. Embedded-dataset
 * files only (/media); nothing here fetches from elsewhere.
 */

export const INLINE_WIDTH = 750;
export const INLINE_MAX_BYTES = 6 * 1024;

export async function inlineMediaImage(src: string, folders: MediaFolders, maxBytes = INLINE_MAX_BYTES): Promise<string | undefined> {
  // The same check the page's images pass (image-props.ts): an embedded-dataset file, by name.
  if (!isMediaUrl(src)) return undefined;
  const name = src.slice('/media/'.length);
  try {
    const found = mediaFile(folders.imagesFolder, name);
    if (!found) return undefined;
    const { body } = await mediaVariant({ sourcePath: found.path, name, width: INLINE_WIDTH, format: 'avif', cacheDir: folders.cacheDir });
    return body.byteLength <= maxBytes ? `data:image/avif;base64,${body.toString('base64')}` : undefined;
  } catch (error) {
    // A picture that cannot be encoded is still served by /media; the page just links to it.
    console.warn(`media: could not inline ${name}: ${(error as Error).message}`);
    return undefined;
  }
}
