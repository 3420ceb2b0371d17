import type { LakeDocument } from './types.ts';

/*
 * How Sanity names an asset: its document id, its file name in an export folder and on the CDN, and
 * the asset document built from them. One place, so the export form, uploads and serving agree on the
 * strict patterns (a 40-hex sha1, digits for the size, a short lowercase extension): a name that
 * matches has no dot but the extension's and no slash, so it can never leave its folder.
 */

export type AssetKind = 'images' | 'files';

/** What an asset's name says: the sha1, the image's size (images only) and the extension. */
export type AssetName = { kind: AssetKind; sha1: string; width?: number; height?: number; extension: string };

const IMAGE_FILE = /^([a-f0-9]{40})-([1-9]\d{0,5})x([1-9]\d{0,5})\.([a-z0-9]{1,8})$/;
const FILE_FILE = /^([a-f0-9]{40})\.([a-z0-9]{1,8})$/;
const IMAGE_ID = /^image-([a-f0-9]{40})-([1-9]\d{0,5})x([1-9]\d{0,5})-([a-z0-9]{1,8})$/;
const FILE_ID = /^file-([a-f0-9]{40})-([a-z0-9]{1,8})$/;

/** Reads `<sha1>-<w>x<h>.<ext>` (images) or `<sha1>.<ext>` (files); null for anything else. */
export function parseAssetFileName(kind: AssetKind, name: string): AssetName | null {
  if (kind === 'images') {
    const match = IMAGE_FILE.exec(name);
    return match ? { kind, sha1: match[1]!, width: Number(match[2]), height: Number(match[3]), extension: match[4]! } : null;
  }
  const match = FILE_FILE.exec(name);
  return match ? { kind, sha1: match[1]!, extension: match[2]! } : null;
}

/** Reads `image-<sha1>-<w>x<h>-<ext>` or `file-<sha1>-<ext>`; null for any other id. */
export function parseAssetId(id: string): AssetName | null {
  const image = IMAGE_ID.exec(id);
  if (image) return { kind: 'images', sha1: image[1]!, width: Number(image[2]), height: Number(image[3]), extension: image[4]! };
  const file = FILE_ID.exec(id);
  return file ? { kind: 'files', sha1: file[1]!, extension: file[2]! } : null;
}

export function assetFileName(name: AssetName): string {
  return name.kind === 'images' ? `${name.sha1}-${name.width}x${name.height}.${name.extension}` : `${name.sha1}.${name.extension}`;
}

export function assetId(name: AssetName): string {
  return name.kind === 'images' ? `image-${name.sha1}-${name.width}x${name.height}-${name.extension}` : `file-${name.sha1}-${name.extension}`;
}

const MIME_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

export function mimeTypeOf(extension: string): string {
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * The URL base for files next to an image URL base: Sanity's CDN serves
 * `/images/<pid>/<ds>/…` and `/files/<pid>/<ds>/…` side by side.
 */
export function fileUrlBaseOf(imageUrlBase: string): string {
  return imageUrlBase.replace(/\/images(\/[^/]+\/[^/]+\/?)$/, '/files$1');
}

/** The `<projectId>/<dataset>` a URL base ends with (Sanity's asset `path` repeats them). */
function projectAndDataset(urlBase: string): string {
  const parts = urlBase.replace(/\/+$/, '').split('/');
  return parts.slice(-2).join('/');
}

export function assetUrl(urlBase: string, name: AssetName): string {
  return `${urlBase.replace(/\/+$/, '')}/${assetFileName(name)}`;
}

export type AssetFacts = {
  size?: number;
  originalFilename?: string;
  /** Image metadata beyond the dimensions (lqip, hasAlpha, isOpaque, …). */
  metadata?: Record<string, unknown>;
};

/**
 * The `sanity.imageAsset` / `sanity.fileAsset` document as Sanity's Content Lake answers it
 * (the upload answer in STUDIO-API.md #33), without the system fields the store owns.
 */
export function assetDocument(name: AssetName, urlBase: string, facts: AssetFacts): LakeDocument {
  const fileName = assetFileName(name);
  const doc: LakeDocument = {
    _id: assetId(name),
    _type: name.kind === 'images' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    assetId: name.sha1,
    sha1hash: name.sha1,
    extension: name.extension,
    mimeType: mimeTypeOf(name.extension),
    originalFilename: facts.originalFilename ?? fileName,
  };
  if (facts.size !== undefined) doc.size = facts.size;
  doc.path = `${name.kind}/${projectAndDataset(urlBase)}/${fileName}`;
  doc.url = assetUrl(urlBase, name);
  if (name.kind === 'images') {
    const { width = 0, height = 0 } = name;
    const given = facts.metadata ?? {};
    const givenDimensions = (given.dimensions ?? {}) as Record<string, unknown>;
    doc.metadata = {
      _type: 'sanity.imageMetadata',
      ...given,
      dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height, ...givenDimensions },
    };
  }
  return doc;
}
