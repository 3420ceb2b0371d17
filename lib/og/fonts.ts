import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * Source Serif 4 for Open Graph cards, read from files in the repository
 * (copied from @fontsource/source-serif-4: next/og reads woff, not woff2).
 * Latin and Cyrillic are separate subsets, loaded under two names: satori
 * keeps one font per name and weight, and falls back glyph by glyph.
 */
const FONT_DIR = join(process.cwd(), 'lib/og/fonts');

type OgFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: 'normal' };

let fonts: Promise<OgFont[]> | undefined;

/** The family names the card's CSS asks for, latin first; satori takes a missing glyph from the next. */
export const OG_FONT_FAMILY = "'Source Serif 4', 'Source Serif 4 Cyrillic'";

async function load(name: string, file: string, weight: 400 | 700): Promise<OgFont> {
  const buffer = await readFile(join(FONT_DIR, file));
  return { name, data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer, weight, style: 'normal' };
}

export function ogFonts(): Promise<OgFont[]> {
  fonts ??= Promise.all([
    load('Source Serif 4', 'source-serif-4-latin-700-normal.woff', 700),
    load('Source Serif 4 Cyrillic', 'source-serif-4-cyrillic-700-normal.woff', 700),
    load('Source Serif 4', 'source-serif-4-latin-400-normal.woff', 400),
    load('Source Serif 4 Cyrillic', 'source-serif-4-cyrillic-400-normal.woff', 400),
  ]);
  return fonts;
}
