import type { ImageLoaderProps } from 'next/image';

/*
 * next/image's loader (next.config.ts `images.loaderFile`): builds each srcset
 * entry. Sanity's CDN resizes on the fly, so `w` (and `h`, scaled to keep the
 * cropped shape) go into its URL. /media/ (the embedded dataset) resizes to
 * `w` itself, snapped to lib/images/widths.ts.
 * Runs in the browser too: no server imports.
 */
export function contentImageLoader({ src, width, quality }: ImageLoaderProps): string {
  if (src.startsWith('https://cdn.sanity.io/')) {
    const url = new URL(src);
    const baseWidth = Number(url.searchParams.get('w'));
    const baseHeight = Number(url.searchParams.get('h'));
    url.searchParams.set('w', String(width));
    if (baseWidth > 0 && baseHeight > 0) url.searchParams.set('h', String(Math.round((baseHeight * width) / baseWidth)));
    url.searchParams.set('q', String(quality ?? 75));
    if (!url.searchParams.has('auto')) url.searchParams.set('auto', 'format');
    return url.toString();
  }
  return `${src}${src.includes('?') ? '&' : '?'}w=${width}`;
}

// Next.js requires the loader file's default export.
export default contentImageLoader;
