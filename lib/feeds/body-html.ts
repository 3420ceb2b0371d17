import { defaultComponents, escapeHTML, toHTML, type PortableTextComponents, type PortableTextMarkComponent } from '@portabletext/to-html';
import { blockTag, linkTarget, listTag, MARKS, markTag } from '../portable-text/render-rules.ts';
import { safeHref } from '../urls/safe-href.ts';

/*
 * Portable Text as HTML, for feed readers (outside the site) and live updates: what each style,
 * list and mark becomes is the page's own table (lib/portable-text/render-rules.ts); here links
 * and image URLs are also made absolute. Every URL passes the site's one gate (safe-href.ts).
 */

type Block = { _type: string; [key: string]: unknown };

/** An absolute URL for a site-relative one; absolute URLs pass through. */
export function absoluteUrl(href: string, origin: string): string {
  return href.startsWith('/') || href.startsWith('#') ? new URL(href, origin).href : href;
}

const attr = (value: string) => escapeHTML(value).replaceAll('&nbsp;', ' ');

export function imageHtml(value: unknown, origin: string): string {
  const image = value as { alt?: unknown; caption?: unknown; credit?: unknown; asset?: { url?: unknown } | null } | undefined;
  const src = safeHref(image?.asset?.url);
  // The content model requires alt text; an image without it or without a file is left out, as on the page.
  if (!src || typeof image?.alt !== 'string' || image.alt.trim() === '') return '';
  const caption = [image.caption, image.credit].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return `<figure><img src="${attr(absoluteUrl(src, origin))}" alt="${attr(image.alt)}"/>${
    caption.length > 0 ? `<figcaption>${caption.map(escapeHTML).join(' ')}</figcaption>` : ''
  }</figure>`;
}

/** Every mark through the shared table, including those to-html would draw by itself (code, underline, …). */
function marks(origin: string): PortableTextComponents['marks'] {
  const names = new Set([...Object.keys(defaultComponents.marks), ...MARKS]);
  const decorators = [...names].map((name): [string, PortableTextMarkComponent] => [
    name,
    ({ children }) => {
      const tag = markTag(name);
      return tag ? `<${tag}>${children}</${tag}>` : children;
    },
  ]);
  const link: PortableTextMarkComponent = ({ children, value }) => {
    const target = linkTarget(value);
    // An unsafe or missing href renders the words without a link.
    if (!target) return children;
    return `<a href="${attr(absoluteUrl(target.href, origin))}"${target.rel ? ` rel="${target.rel}"` : ''}>${children}</a>`;
  };
  return { ...Object.fromEntries(decorators), link };
}

function components(origin: string): PortableTextComponents {
  return {
    block: ({ children, value }) => {
      const tag = blockTag(value.style);
      return `<${tag}>${children ?? ''}</${tag}>`;
    },
    list: ({ children, value }) => {
      const tag = listTag(value.listItem);
      return `<${tag}>${children ?? ''}</${tag}>`;
    },
    listItem: ({ children }) => `<li>${children ?? ''}</li>`,
    marks: marks(origin),
    types: { image: ({ value }) => imageHtml(value, origin) },
    unknownType: () => '',
    unknownMark: ({ children }) => children,
  };
}

/** Portable Text blocks to an HTML fragment with absolute, vetted URLs. */
export function bodyHtml(blocks: readonly unknown[], origin: string): string {
  const valid = blocks.filter((block): block is Block => typeof block === 'object' && block !== null && typeof (block as Block)._type === 'string');
  return toHTML(valid, { components: components(origin), onMissingComponent: false });
}
