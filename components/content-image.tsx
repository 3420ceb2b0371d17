import type { ContentImage } from '@/lib/content';

/**
 * An image from content with its alt text, caption and credit. An image without
 * a file or alt text renders nothing (the schema requires alt).
 */
export function ContentImageFigure({ image, sizes, priority = false }: { image: ContentImage | undefined | null; sizes: string; priority?: boolean }) {
  if (!image?.asset?.url || !image.alt) return null;
  const { asset } = image;
  return (
    <figure className="figure">
      <img
        src={asset.url}
        alt={image.alt}
        width={asset.width ?? undefined}
        height={asset.height ?? undefined}
        sizes={sizes}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
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
