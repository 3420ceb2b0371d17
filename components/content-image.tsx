import { getImageProps } from 'next/image';
import { preload } from 'react-dom';
import type { ContentImage } from '@/lib/content/shapes';
import { imageProps } from '@/lib/images/image-props';

/**
 * An image from content with its alt text, caption and credit: a plain <img>
 * with next/image's srcset, sizes and LQIP blur (getImageProps), so no image
 * component ships to the browser. The page's lead image (`priority`) loads
 * eagerly at high priority and is preloaded from <head>, srcset and all, so
 * the phone fetches the width it will use before it has laid out the page;
 * every other image waits until it nears the screen and shows a blur until it arrives. Width and height are
 * always set, so nothing moves when an image arrives. An image without a
 * file, a known host, a size or alt text renders nothing (the schema requires alt).
 */
// Range syntax: the two halves meet exactly, with no sub-pixel gap between them.
const NARROW = '(width < 40rem)';
const WIDE = '(width >= 40rem)';

export function ContentImageFigure({
  image,
  sizes,
  priority = false,
  caption = true,
  className = 'figure',
}: {
  image: ContentImage | undefined | null;
  sizes: string;
  priority?: boolean;
  /** Cards show the picture alone; the article shows its caption and credit. */
  caption?: boolean;
  className?: string;
}) {
  if (!image?.asset?.url || !image.alt) return null;
  const props = imageProps(image);
  if (!props) return null;
  const { props: img } = getImageProps({
    src: props.src,
    alt: image.alt,
    width: props.width,
    height: props.height,
    sizes,
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : undefined,
    // The lead image paints whole or not at all: a blur placeholder would be painted (and
    // counted as the largest paint) on its own, after the scripts, before the picture.
    placeholder: props.blurDataURL && !priority ? 'blur' : 'empty',
    blurDataURL: props.blurDataURL,
    style: props.objectPosition ? { objectPosition: props.objectPosition } : undefined,
  });
  // On a phone the lead picture may come inside the page (lib/images/inline-image.ts); only
  // wider screens preload it then (a narrow browser without AVIF fetches it unpreloaded).
  const inline = priority ? image.inline : undefined;
  if (priority) preload(img.src, { as: 'image', imageSrcSet: img.srcSet, imageSizes: img.sizes, fetchPriority: 'high', media: inline ? WIDE : undefined });
  const picture = <img {...img} alt={image.alt} decoding={priority ? 'sync' : img.decoding} />;
  return (
    <figure className={className}>
      {inline ? (
        <picture>
          <source type="image/avif" media={NARROW} srcSet={inline} />
          {picture}
        </picture>
      ) : (
        picture
      )}
      {caption && (image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.credit && <span className="credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
