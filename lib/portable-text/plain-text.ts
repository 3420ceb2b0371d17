/**
 * Plain text out of Portable Text that may come from anywhere (an old export,
 * a hand-edited dataset): anything that is not a text block is skipped, never
 * thrown on.
 */
export function blockText(block: unknown): string {
  if (!isRecord(block) || block._type !== 'block' || !Array.isArray(block.children)) return '';
  return block.children.map((child) => (isRecord(child) && typeof child.text === 'string' ? child.text : '')).join('');
}

/** Text of all blocks, paragraphs (and list items) separated by a blank line. */
export function toPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return blocks
    .map(blockText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** The lede: the first `normal` paragraph that is not a list item. */
export function ledeOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  for (const block of blocks) {
    if (!isRecord(block) || block._type !== 'block') continue;
    // Sanity omits `style` on some imported blocks; that means `normal`.
    const style = block.style ?? 'normal';
    if (style !== 'normal' || block.listItem) continue;
    const text = blockText(block);
    if (text.trim() !== '') return text;
  }
  return '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
