import { blockText, isRecord } from './plain-text.ts';
import { slugify } from './slugify.ts';

export type Heading = { key: string; text: string; id: string };

/**
 * The h2s of an article, for a table of contents: `id` is a slug of the text,
 * made unique within the article ("-2", "-3" …) so every anchor lands.
 */
export function headingsOf(blocks: unknown): Heading[] {
  if (!Array.isArray(blocks)) return [];
  const used = new Set<string>();
  const headings: Heading[] = [];
  blocks.forEach((block, index) => {
    if (!isRecord(block) || block._type !== 'block' || block.style !== 'h2') return;
    const text = blockText(block).trim();
    if (text === '') return;
    const base = slugify(text, 64) || `section-${headings.length + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const key = typeof block._key === 'string' ? block._key : `h2-${index}`;
    headings.push({ key, text, id });
  });
  return headings;
}
