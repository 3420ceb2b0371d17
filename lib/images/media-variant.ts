import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { MediaFormat } from './media-format.ts';

/*
 * One width and format of an embedded-dataset image, encoded with sharp once
 * and then read from a disk cache. A file's name carries its content hash, so
 * a cached variant never goes stale; the cache holds at most
 * images × MEDIA_WIDTHS × formats files. Concurrent requests for one variant
 * share one encode.
 */

export type VariantRequest = {
  /** The original file (already checked by mediaFile). */
  sourcePath: string;
  /** Its /media name: `<hash>-<w>x<h>.<ext>`. */
  name: string;
  width: number;
  format: MediaFormat;
  cacheDir: string;
};

export type Variant = { body: Buffer; fromCache: boolean };

const inFlight = new Map<string, Promise<Buffer>>();

/** The cache file name of a variant: the original's stem, the width and the format. */
export function variantFileName(name: string, width: number, format: MediaFormat): string {
  return `${name.replace(/\.[a-z]+$/, '')}-w${width}.${format}`;
}

async function encode({ sourcePath, width, format }: VariantRequest): Promise<Buffer> {
  const source = await readFile(sourcePath);
  const animated = format === 'gif';
  const image = sharp(source, { animated, failOn: 'error' });
  const { width: originalWidth = 0, format: originalFormat } = await image.metadata();
  // Asked for the file's own format at its full size or wider: the original is already that image.
  if (width >= originalWidth && (originalFormat === format || (originalFormat === 'heif' && format === 'avif'))) return source;
  const resized = image.rotate().resize({ width, withoutEnlargement: true });
  switch (format) {
    case 'avif':
      return resized.avif({ quality: 50, effort: 4 }).toBuffer();
    case 'webp':
      return resized.webp({ quality: 75, effort: 4 }).toBuffer();
    case 'jpeg':
      return resized.jpeg({ quality: 75, mozjpeg: true }).toBuffer();
    case 'gif':
      return resized.gif().toBuffer();
    case 'png':
      return resized.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  }
}

/** Writes through a temporary name so a reader never sees half a file. */
async function store(path: string, body: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, body);
  await rename(temporary, path);
}

export async function mediaVariant(request: VariantRequest): Promise<Variant> {
  const file = join(request.cacheDir, variantFileName(request.name, request.width, request.format));
  try {
    return { body: await readFile(file), fromCache: true };
  } catch {
    // not cached yet
  }
  let pending = inFlight.get(file);
  if (!pending) {
    pending = (async () => {
      const body = await encode(request);
      try {
        await mkdir(request.cacheDir, { recursive: true });
        await store(file, body);
      } catch (error) {
        // A read-only or full disk costs an encode per request, never the image.
        console.warn(`media: could not cache ${file}: ${(error as Error).message}`);
      }
      return body;
    })().finally(() => inFlight.delete(file));
    inFlight.set(file, pending);
  }
  return { body: await pending, fromCache: false };
}
