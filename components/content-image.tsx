import Image from 'next/image';
import type { ContentImage } from '@/lib/content';
import { imageProps } from '@/lib/images/image-props';

/**
 * An image from content with its alt text, caption and credit, through
 * next/image and the content loader (srcset widths, LQIP blur placeholder).
 * An image without a file, a known host, a size or alt text renders nothing
 * (the schema requires alt).
 */
export function ContentImageFigure({ image, sizes, priority = false }: { image: ContentImage | undefined | null; sizes: string; priority?: boolean }) {
  if (!image?.asset?.url || !image.alt) return null;
  const props = imageProps(image);
  if (!props) return null;
  return (
    <figure className="figure">
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
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.credit && <span className="credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
