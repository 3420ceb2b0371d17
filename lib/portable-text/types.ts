/** The Portable Text shapes of the content model (see docs/conventions.md). */
export type PortableTextSpan = {
  _type: 'span';
  _key: string;
  text: string;
  marks: string[];
};

export type LinkMarkDef = { _type: 'link'; _key: string; href: string };

export type BlockStyle = 'normal' | 'h2' | 'h3' | 'blockquote';
export type ListItemKind = 'bullet' | 'number';

export type PortableTextBlock = {
  _type: 'block';
  _key: string;
  style: BlockStyle;
  markDefs: LinkMarkDef[];
  children: PortableTextSpan[];
  listItem?: ListItemKind;
  level?: number;
};
