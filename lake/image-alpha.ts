import { closeSync, openSync, readSync } from 'node:fs';

/*
 * `hasAlpha` / `isOpaque` for an image of an export folder whose assets.json does not say, read from
 * the file's header without decoding it (the export form is read synchronously at start-up). A PNG
 * has alpha when its colour type carries it or a tRNS chunk comes before the pixels; a JPEG never
 * does. Only decoding tells whether an alpha channel is actually used, so `isOpaque` here is
 * `!hasAlpha`: uploads, which do decode (lake/assets.ts), give the exact answer.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEADER_BYTES = 64 * 1024;

function readHead(path: string): Buffer | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function pngHasAlpha(head: Buffer): boolean | null {
  if (head.length < 33 || !head.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const colourType = head[25];
  if (colourType === 4 || colourType === 6) return true;
  // Chunks: length (4), type (4), data, CRC (4); tRNS must come before the first IDAT.
  let offset = 8;
  while (offset + 8 <= head.length) {
    const length = head.readUInt32BE(offset);
    const type = head.toString('latin1', offset + 4, offset + 8);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    offset += 12 + length;
  }
  return false;
}

/** The alpha facts Sanity's image metadata carries, or {} when the file is absent or not understood. */
export function alphaFromHeader(path: string, extension: string): { hasAlpha?: boolean; isOpaque?: boolean } {
  if (extension === 'jpg' || extension === 'jpeg') return { hasAlpha: false, isOpaque: true };
  if (extension !== 'png') return {};
  const head = readHead(path);
  const hasAlpha = head ? pngHasAlpha(head) : null;
  return hasAlpha === null ? {} : { hasAlpha, isOpaque: !hasAlpha };
}
