export type { BlockStyle, LinkMarkDef, ListItemKind, PortableTextBlock, PortableTextSpan } from './types.ts';
export { blockText, ledeOf, toPlainText } from './plain-text.ts';
export { summarize } from './summarize.ts';
export { readingMinutes } from './reading-time.ts';
export { headingsOf, type Heading } from './headings.ts';
export { slugify, SLUG_MAX_LENGTH } from './slugify.ts';
export { contentHash, deterministicKey } from './keys.ts';
export { textBlock } from './blocks.ts';
