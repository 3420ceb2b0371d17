import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { assetDocument, assetFileName, fileUrlBaseOf, type AssetKind, type AssetName } from './asset-names.ts';
import { LakeError, type LakeDocument } from './types.ts';

export { serveAsset } from './asset-serving.ts';

/*
 * Uploads, as `POST /assets/images|files/<dataset>` takes them: the bytes are stored under their
 * sha1 in the dataset folder's images/ or files/ (the export form's own layout, so the site and the
 * export read them there too), and the answer is the asset document the Content Lake would create.
 * The stored name is made only of the sha1, the decoded size and an extension from a fixed list or
 * pattern, never of the client's filename, so no upload can write outside its folder.
 */

/** Larger bodies are refused with 413 before anything is decoded or written. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** What sharp calls a format -> the extension Sanity gives it. Anything else is not an image here. */
const IMAGE_EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', tiff: 'tiff', svg: 'svg' };

const FILE_EXTENSION = /^[a-z0-9]{1,8}$/;

export type UploadInput = {
  folder: string;
  kind: AssetKind;
  bytes: Buffer;
  filename?: string;
  contentType?: string;
  imageUrlBase: string;
  fileUrlBase: string;
  now: string;
  /** The upload's optional descriptive fields (`?label=&title=&description=&creditLine=`, `source`). */
  fields?: { label?: string; title?: string; description?: string; creditLine?: string; source?: Record<string, string> };
};

type ImageFacts = { name: AssetName; metadata: Record<string, unknown> };

async function imageFacts(bytes: Buffer, sha1: string, filename: string): Promise<ImageFacts> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'error' }).metadata();
  } catch (error) {
    throw new LakeError(400, `Invalid image: ${filename} could not be read as an image (${(error as Error).message})`);
  }
  const extension = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : IMAGE_EXTENSIONS[meta.format];
  const { width, height } = meta.autoOrient;
  if (!extension || !width || !height) {
    throw new LakeError(400, `Invalid image: ${filename} is ${meta.format ?? 'an unknown format'}, which is not an image format the lake takes`);
  }
  try {
    // The pixels decide `isOpaque` (an alpha channel may be all opaque); the LQIP is Sanity's 20 px wide PNG.
    const { isOpaque } = await sharp(bytes).stats();
    const lqip = await sharp(bytes).autoOrient().resize({ width: 20 }).png().toBuffer();
    return {
      name: { kind: 'images', sha1, width, height, extension },
      metadata: { lqip: `data:image/png;base64,${lqip.toString('base64')}`, hasAlpha: meta.hasAlpha, isOpaque },
    };
  } catch (error) {
    throw new LakeError(400, `Invalid image: ${filename} could not be decoded (${(error as Error).message})`);
  }
}

function fileExtension(filename: string | undefined): string {
  const extension = /\.([^./\\]+)$/.exec(filename ?? '')?.[1]?.toLowerCase() ?? '';
  return FILE_EXTENSION.test(extension) ? extension : 'bin';
}

/** Temp file in the same folder, synced, renamed over the name, folder synced: never half a file. */
async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const folder = await open(join(path, '..'), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Stores an upload and answers its asset document (the same bytes twice make the same document). */
export async function storeUpload(input: UploadInput): Promise<LakeDocument> {
  const { bytes, kind } = input;
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new LakeError(413, `The upload is ${bytes.byteLength} bytes; the most the lake takes is ${MAX_UPLOAD_BYTES}`, 'payloadTooLarge');
  }
  if (bytes.byteLength === 0) throw new LakeError(400, 'The upload is empty');
  // Only the last segment of what the client calls it, as a label: it never names a file here.
  const originalFilename = input.filename ? basename(input.filename.replace(/\\/g, '/')) : undefined;
  const label = originalFilename ?? 'the upload';
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const facts: ImageFacts =
    kind === 'images' ? await imageFacts(bytes, sha1, label) : { name: { kind: 'files', sha1, extension: fileExtension(originalFilename) }, metadata: {} };

  const folder = join(input.folder, kind);
  const path = join(folder, assetFileName(facts.name));
  await mkdir(folder, { recursive: true });
  const existing = await stat(path).catch(() => null);
  if (existing?.size !== bytes.byteLength) await writeDurably(path, bytes);

  const urlBase = kind === 'images' ? input.imageUrlBase : input.fileUrlBase || fileUrlBaseOf(input.imageUrlBase);
  const doc = assetDocument(facts.name, urlBase, {
    size: bytes.byteLength,
    originalFilename,
    metadata: kind === 'images' ? facts.metadata : undefined,
  });
  for (const [key, value] of Object.entries(input.fields ?? {})) if (value !== undefined && value !== '') doc[key] = value;
  return { ...doc, _createdAt: input.now, _updatedAt: input.now };
}
