import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../../lib/dataset/ndjson.ts';
import { contentHash, deterministicKey } from '../../lib/portable-text/keys.ts';
import { pngSize } from './png.ts';

/*
 * The sample build's images: the illustrations in sanity/sample-content/images,
 * attached to their articles the way `sanity dataset export` writes image
 * fields (`_sanityAsset: "image@file://./images/<sha1>-<w>x<h>.png"`), plus the
 * files and the assets.json (with LQIP) that go next to data.ndjson.
 */

type Spec = {
  file: string;
  article: string;
  placement: 'mainImage' | 'body';
  after?: number;
  alt: string;
  caption?: string;
  credit?: string;
  hotspot?: { x: number; y: number; width: number; height: number };
};

export type SampleImages = {
  /** Files for the dataset's images/ folder, by name. */
  files: Map<string, Buffer>;
  /** assets.json: asset id → original name and metadata, as an export writes it. */
  assetsJson: Record<string, unknown>;
};

/**
 * Adds each image to its article (found by source file name in `articles`),
 * changing the documents in place and recomputing their `_rev`.
 */
export function attachSampleImages(imagesDir: string, articles: Map<string, RawDocument>): SampleImages {
  const { images } = JSON.parse(readFileSync(join(imagesDir, 'images.json'), 'utf8')) as { images: Spec[] };
  const lqip = JSON.parse(readFileSync(join(imagesDir, 'lqip.json'), 'utf8')) as Record<string, string>;
  const files = new Map<string, Buffer>();
  const assetsJson: Record<string, unknown> = {};

  for (const spec of images) {
    const where = `sanity/sample-content/images/images.json (${spec.file})`;
    const article = articles.get(spec.article);
    if (!article) throw new Error(`${where}: no article ${spec.article}`);
    const bytes = readFileSync(join(imagesDir, spec.file));
    const size = pngSize(bytes);
    if (!size) throw new Error(`${where}: not a PNG file`);
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    const name = `${sha1}-${size.width}x${size.height}.png`;
    files.set(name, bytes);
    assetsJson[`image-${sha1}-${size.width}x${size.height}-png`] = {
      originalFilename: spec.file,
      metadata: { lqip: lqip[spec.file], dimensions: { ...size, aspectRatio: size.width / size.height } },
    };
    const image = {
      _type: 'image',
      _sanityAsset: `image@file://./images/${name}`,
      alt: spec.alt,
      ...(spec.caption ? { caption: spec.caption } : {}),
      ...(spec.credit ? { credit: spec.credit } : {}),
      ...(spec.hotspot ? { hotspot: { _type: 'sanity.imageHotspot', ...spec.hotspot } } : {}),
    };
    if (spec.placement === 'mainImage') {
      article.mainImage = image;
    } else {
      const body = Array.isArray(article.body) ? [...(article.body as unknown[])] : [];
      body.splice((spec.after ?? body.length - 1) + 1, 0, { ...image, _key: deterministicKey(article._id, `image:${spec.file}`) });
      article.body = body;
    }
    article._rev = contentHash(JSON.stringify({ ...article, _rev: undefined }));
  }
  return { files, assetsJson };
}
