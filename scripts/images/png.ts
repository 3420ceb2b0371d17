import { crc32, deflateSync } from 'node:zlib';

/*
 * A minimal PNG writer (8-bit RGB, no interlace) on Node's zlib, so the
 * project makes its own sample images without an image library. Fixed
 * compression settings: the same pixels give the same bytes.
 */

export type Pixel = (x: number, y: number) => readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

/** Encodes the image whose pixel at (x, y) is `pixel(x, y)`. */
export function encodePng(width: number, height: number, pixel: Pixel): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(stride);
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      row[x * 3] = clamp(r);
      row[x * 3 + 1] = clamp(g);
      row[x * 3 + 2] = clamp(b);
    }
    // Filter 2 ("Up"): smooth illustrations compress far better as row differences.
    const offset = y * (stride + 1);
    raw[offset] = 2;
    for (let i = 0; i < stride; i++) raw[offset + 1 + i] = ((row[i] ?? 0) - (previous[i] ?? 0)) & 0xff;
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9, strategy: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's header, or null when it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
