/*
 * The one table of image files the site serves (by extension, with their media
 * types), and which format /media answers in: AVIF, then WebP, when the browser
 * names it in `Accept` (a bare `image/*` does not count: some clients send it
 * and cannot decode either), otherwise the file's own format. GIFs keep their
 * format so an animation is never flattened.
 */

export type MediaFormat = 'avif' | 'webp' | 'png' | 'jpeg' | 'gif';

export const CONTENT_TYPES: Record<MediaFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

const BY_EXTENSION: Readonly<Record<string, MediaFormat>> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', webp: 'webp', avif: 'avif' };

/** The file extensions /media serves, lower case, without the dot. */
export const MEDIA_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/**
 * A file name /media may serve, as `sanity dataset export` names images: no dots but the
 * extension's and no slashes, so `..`, separators and absolute paths never match.
 */
export const MEDIA_FILE_NAME = new RegExp(`^([A-Za-z0-9_-]{1,100})\\.(${MEDIA_EXTENSIONS.join('|')})$`);

/** Whether a URL from content names one of the embedded dataset's files under /media/. */
export function isMediaUrl(url: string): boolean {
  return url.startsWith('/media/') && MEDIA_FILE_NAME.test(url.slice('/media/'.length));
}

/** The format of a file extension (without the dot), or null for one /media does not serve. */
export function formatOfExtension(extension: string): MediaFormat | null {
  return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : null;
}

/** The format of a file name's extension, or null for one /media does not serve. */
export function formatOfName(name: string): MediaFormat | null {
  return formatOfExtension(/\.([a-z]+)$/.exec(name)?.[1] ?? '');
}

/** The media type of a file extension /media serves (`jpg` is `image/jpeg`), or undefined. */
export function contentTypeOfExtension(extension: string): string | undefined {
  const format = formatOfExtension(extension);
  return format ? CONTENT_TYPES[format] : undefined;
}

/** Media types `accept` allows, without those given q=0. */
function accepted(accept: string | null | undefined): Set<string> {
  const types = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (type) types.add(type);
  }
  return types;
}

export function negotiateFormat(accept: string | null | undefined, original: MediaFormat): MediaFormat {
  if (original === 'gif') return 'gif';
  const types = accepted(accept);
  if (types.has('image/avif')) return 'avif';
  if (types.has('image/webp')) return 'webp';
  // A browser that names neither gets the file's own format, even when that is AVIF or WebP.
  return original;
}
