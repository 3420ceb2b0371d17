import { createImageUrlBuilder } from '@sanity/image-url';
import { isMediaUrl } from './media-format.ts';

/*
 * How a content image is shown: which URL next/image starts from, its size and
 * its blur placeholder. Two kinds of file are trusted: Sanity's CDN (crop
 * applied by the CDN through `rect`, hotspot kept for the focal point) and the
 * embedded dataset's own files under /media/. Any other URL from content is
 * not rendered: an image must not load from a host the CSP and the loader do
 * not know.
 */

export type ImageInput = {
  hotspot?: { x?: number; y?: number; width?: number; height?: number } | null;
  crop?: { top?: number; bottom?: number; left?: number; right?: number } | null;
  asset: { _id: string; url: string; lqip?: string; width?: number | null; height?: number | null };
};

export type ImageProps = {
  src: string;
  width: number;
  height: number;
  blurDataURL?: string;
  /** CSS object-position from the hotspot, for when the box crops the image. */
  objectPosition?: string;
};

const CDN = /^https:\/\/cdn\.sanity\.io\/images\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)\/[A-Za-z0-9_-]+-\d+x\d+\.[a-z]+$/;
// Sanity's LQIP is a base64 JPEG data URI; anything else would be an unchecked URL in a CSS background.
const LQIP = /^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/=]+$/;

function fraction(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}

function focalPoint(hotspot: ImageInput['hotspot']): string | undefined {
  if (!hotspot || typeof hotspot.x !== 'number' || typeof hotspot.y !== 'number') return undefined;
  const percent = (value: number) => `${Math.round(fraction(value) * 1000) / 10}%`;
  return `${percent(hotspot.x)} ${percent(hotspot.y)}`;
}

export function imageProps(image: ImageInput): ImageProps | null {
  const { asset } = image;
  const width = asset.width ?? 0;
  const height = asset.height ?? 0;
  if (!(width > 0 && height > 0)) return null;
  const blurDataURL = asset.lqip && LQIP.test(asset.lqip) ? asset.lqip : undefined;
  const objectPosition = focalPoint(image.hotspot);

  const cdn = CDN.exec(asset.url);
  if (cdn) {
    const [, projectId = '', dataset = ''] = cdn;
    const crop = image.crop ?? {};
    // The size left after the editor's crop; asking the CDN for exactly that size
    // makes the builder send the crop as `rect`.
    const cropped = {
      width: Math.max(1, Math.round(width * (1 - fraction(crop.left) - fraction(crop.right)))),
      height: Math.max(1, Math.round(height * (1 - fraction(crop.top) - fraction(crop.bottom)))),
    };
    const src = createImageUrlBuilder({ projectId, dataset }).image(image).width(cropped.width).height(cropped.height).fit('crop').auto('format').url();
    return { src, ...cropped, blurDataURL, objectPosition };
  }
  if (isMediaUrl(asset.url)) return { src: asset.url, width, height, blurDataURL, objectPosition };
  return null;
}
