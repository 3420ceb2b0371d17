import Image from 'next/image';
import type { ContentImage } from '@/lib/content/shapes';
import { imageProps } from '@/lib/images/image-props';

/**
 * An image from content with its alt text, caption and credit, through
 * next/image and the content loader (srcset widths, LQIP blur placeholder).
 * An image without a file, a known host, a size or alt text renders nothing
 * (the schema requires alt).
 */
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
  return (
    <figure className={className}>
      <Image
        src={props.src}
        alt={image.alt}
        width={props.width}
        height={props.height}
        sizes={sizes}
        priority={priority}
        placeholder={props.blurDataURL ? 'blur' : 'empty'}
        blurDataURL={props.blurDataURL}
        style={props.objectPosition ? { objectPosition: props.objectPosition } : undefined}
      />
      {caption && (image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.credit && <span className="credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
