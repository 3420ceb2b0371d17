import type { BlockStyle, ListItemKind, PortableTextBlock } from './types.ts';

/** A one-span block with the content model's shape. */
export function textBlock(text: string, style: BlockStyle, key: string, list?: ListItemKind): PortableTextBlock {
  const block: PortableTextBlock = {
    _type: 'block',
    _key: key,
    style,
    markDefs: [],
    children: [{ _type: 'span', _key: `${key}s0`, text, marks: [] }],
  };
  if (list) {
    block.listItem = list;
    block.level = 1;
  }
  return block;
}
