import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RawDocument } from '../../dataset/ndjson.ts';
import { contentTypeOfExtension } from '../../images/media-format.ts';

/** Where the site serves an embedded dataset's image files (see app/media). */
export const EMBEDDED_MEDIA_PATH = '/media/';

const SANITY_ASSET = /^image@file:\/\/\.\/images\/([A-Za-z0-9_-]+?)(?:-(\d+)x(\d+))?\.([a-z0-9]+)$/;

type AssetsJson = Record<string, { originalFilename?: string; metadata?: { lqip?: string } } | undefined>;

/**
 * `sanity dataset export` writes image fields as
 * `{ _sanityAsset: "image@file://./images/<sha>-<w>x<h>.<ext>" }`. This turns each
 * into a reference to a `sanity.imageAsset` document, as in the Content Lake,
 * so the same `asset->{url, metadata}` projection works on both sources.
 */
export function withImageAssets(docs: RawDocument[], datasetFile: string): RawDocument[] {
  const assets = new Map<string, RawDocument>();
  const assetsJson = readAssetsJson(dirname(datasetFile));

  // Copy-on-write: a part without an image is returned as is, so an archive is not copied whole.
  function rewrite(value: unknown): unknown {
    if (Array.isArray(value)) {
      let items: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = rewrite(value[i]);
        if (item !== value[i] && !items) items = value.slice(0, i);
        items?.push(item);
      }
      return items ?? value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let out: Record<string, unknown> | undefined = '_sanityAsset' in record ? {} : undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === '_sanityAsset') continue;
      const child = rewrite(record[key]);
      if (child !== record[key] && !out) {
        out = {};
        for (const earlier of keys.slice(0, i)) if (earlier !== '_sanityAsset') out[earlier] = record[earlier];
      }
      if (out) out[key] = child;
    }
    if (!out) return value;
    const match = typeof record._sanityAsset === 'string' ? SANITY_ASSET.exec(record._sanityAsset) : null;
    if (match) {
      const [, name = '', width, height, extension = ''] = match;
      const id = `image-${name}${width && height ? `-${width}x${height}` : ''}-${extension}`;
      const fileName = `${name}${width && height ? `-${width}x${height}` : ''}.${extension}`;
      if (!assets.has(id)) assets.set(id, imageAssetDocument(id, fileName, extension, width, height, assetsJson[id]));
      out.asset = { _type: 'reference', _ref: id };
    }
    return out;
  }

  const rewritten = docs.map((doc) => rewrite(doc) as RawDocument);
  return [...rewritten, ...assets.values()];
}

function imageAssetDocument(
  id: string,
  fileName: string,
  extension: string,
  width: string | undefined,
  height: string | undefined,
  meta: AssetsJson[string],
): RawDocument {
  const w = Number(width ?? 0);
  const h = Number(height ?? 0);
  return {
    _id: id,
    _type: 'sanity.imageAsset',
    url: `${EMBEDDED_MEDIA_PATH}${fileName}`,
    extension,
    // An extension /media does not serve keeps the name the file gives it.
    mimeType: contentTypeOfExtension(extension) ?? `image/${extension}`,
    originalFilename: meta?.originalFilename ?? fileName,
    metadata: {
      dimensions: w && h ? { width: w, height: h, aspectRatio: w / h } : undefined,
      lqip: meta?.metadata?.lqip,
    },
  };
}

function readAssetsJson(folder: string): AssetsJson {
  const file = join(folder, 'assets.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AssetsJson;
  } catch {
    return {};
  }
}
