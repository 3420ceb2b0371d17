import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeIco } from '@/scripts/images/ico';

const APP = join(import.meta.dirname, '../../app');

/** The images an .ico file holds, as its directory lists them. */
function icoEntries(ico: Buffer) {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = ico.readUInt8(entry) || 256;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size, png: ico.subarray(offset, offset + length) };
  });
}

describe('icons', () => {
  it('encodeIco writes a directory browsers read, with each PNG at its offset', async () => {
    const pngs = await Promise.all(
      [16, 256].map(async (size) => ({
        size,
        png: await sharp({ create: { width: size, height: size, channels: 4, background: '#a4161a' } })
          .png()
          .toBuffer(),
      })),
    );
    const entries = icoEntries(encodeIco(pngs));
    expect(entries.map((entry) => entry.size)).toEqual([16, 256]);
    expect(entries.map((entry) => entry.png.equals(pngs[entries.indexOf(entry)]!.png))).toEqual([true, true]);
    expect(() => encodeIco([{ size: 300, png: Buffer.alloc(1) }])).toThrow(/1 to 256 px/);
  });

  it('the committed favicon.ico holds 16, 32 and 48 px PNGs of the logo, and the other icons their sizes', async () => {
    const entries = icoEntries(readFileSync(join(APP, 'favicon.ico')));
    expect(entries.map((entry) => entry.size)).toEqual([16, 32, 48]);
    for (const entry of entries) expect((await sharp(entry.png).metadata()).width).toBe(entry.size);
    expect((await sharp(join(APP, 'icon.png')).metadata()).width).toBe(192);
    const apple = await sharp(join(APP, 'apple-icon.png')).metadata();
    expect([apple.width, apple.hasAlpha]).toEqual([180, false]);
  });
});
