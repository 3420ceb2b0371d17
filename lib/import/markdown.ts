import { markdownToPortableText } from '@portabletext/markdown';
import { textBlock } from '../portable-text/blocks.ts';
import { deterministicKey } from '../portable-text/keys.ts';
import { blockText, isRecord } from '../portable-text/plain-text.ts';
import type { BlockStyle, LinkMarkDef, PortableTextBlock, PortableTextSpan } from '../portable-text/types.ts';
import { readFrontMatter, toCorrections } from './front-matter.ts';
import type { ParsedArticle } from './parsed-article.ts';

const KEPT_DECORATORS = new Set(['strong', 'em']);

/**
 * Parses a Markdown article with optional YAML front matter. The body is
 * narrowed to the content model: h1 becomes the title (when front matter has
 * none), h4–h6 become h3, code becomes a paragraph, images, tables and rules
 * are dropped (an image needs an uploaded asset and alt text an editor checks).
 */
export function parseMarkdownArticle(text: string, file = 'the Markdown file'): ParsedArticle {
  const { data, body: markdown } = readFrontMatter(text, file);
  let counter = 0;
  const raw = markdownToPortableText(markdown, { keyGenerator: () => `tmp${counter++}` });

  let title = data.title;
  const kept: PortableTextBlock[] = [];
  for (const node of raw) {
    if (!isRecord(node)) continue;
    if (node._type === 'block') {
      const style = node.style === 'h1' && title === undefined ? 'title' : toStyle(node.style);
      if (style === 'title') {
        title = blockText(node).trim();
        continue;
      }
      const block = normaliseBlock(node, style);
      if (block) kept.push(block);
    } else if (node._type === 'code' && typeof node.code === 'string' && node.code.trim() !== '') {
      kept.push(textBlock(node.code, 'normal', 'tmp'));
    }
  }
  if (!title) throw new Error(`${file}: no title: add "title:" to the front matter or start the body with "# Headline".`);

  const parsed: ParsedArticle = { title, body: rekey(kept, title) };
  copyDefined(parsed, {
    slug: data.slug,
    standfirst: data.standfirst,
    publishedAt: data.published,
    updatedAt: data.updated,
    tags: data.tags,
    sources: data.sources,
    authors: data.authors,
    featured: data.featured,
    language: data.language,
    corrections: toCorrections(data.corrections),
  });
  return parsed;
}

function toStyle(style: unknown): BlockStyle {
  switch (style) {
    case 'h1':
    case 'h2':
      return 'h2';
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'h3';
    case 'blockquote':
      return 'blockquote';
    default:
      return 'normal';
  }
}

/** Keeps strong/em and links (href only); other marks are dropped, their text kept. */
function normaliseBlock(node: Record<string, unknown>, style: BlockStyle): PortableTextBlock | undefined {
  const links = new Map<string, LinkMarkDef>();
  for (const def of Array.isArray(node.markDefs) ? node.markDefs : []) {
    if (isRecord(def) && def._type === 'link' && typeof def._key === 'string' && typeof def.href === 'string') {
      links.set(def._key, { _type: 'link', _key: def._key, href: def.href });
    }
  }
  const children: PortableTextSpan[] = [];
  for (const child of Array.isArray(node.children) ? node.children : []) {
    if (!isRecord(child) || child._type !== 'span' || typeof child.text !== 'string') continue;
    const marks = (Array.isArray(child.marks) ? child.marks : []).filter(
      (mark): mark is string => typeof mark === 'string' && (KEPT_DECORATORS.has(mark) || links.has(mark)),
    );
    children.push({ _type: 'span', _key: 'tmp', text: child.text, marks });
  }
  if (children.every((child) => child.text.trim() === '')) return undefined;

  const used = new Set(children.flatMap((child) => child.marks));
  const block: PortableTextBlock = {
    _type: 'block',
    _key: 'tmp',
    style,
    markDefs: [...links.values()].filter((def) => used.has(def._key)),
    children,
  };
  if ((node.listItem === 'bullet' || node.listItem === 'number') && style === 'normal') {
    block.listItem = node.listItem;
    block.level = 1; // the content model has flat lists
  }
  return block;
}

/** Replaces the converter's keys with deterministic ones derived from the title. */
function rekey(blocks: PortableTextBlock[], seed: string): PortableTextBlock[] {
  return blocks.map((block, index) => {
    const key = deterministicKey(seed, index);
    const renamed = new Map(block.markDefs.map((def, n) => [def._key, `${key}m${n}`]));
    return {
      ...block,
      _key: key,
      markDefs: block.markDefs.map((def) => ({ ...def, _key: renamed.get(def._key)! })),
      children: block.children.map((child, n) => ({
        ...child,
        _key: `${key}s${n}`,
        marks: child.marks.map((mark) => renamed.get(mark) ?? mark),
      })),
    };
  });
}

function copyDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[name] = value;
  }
}
