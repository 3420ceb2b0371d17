import { escapeHTML, toHTML, type PortableTextComponents } from '@portabletext/to-html';
import { safeHref } from '../urls/safe-href.ts';

/*
 * An article body as HTML for feed readers, which show it outside the site:
 * every link passes the site's one URL gate (lib/urls/safe-href.ts) and
 * site-relative links and image URLs are made absolute. Unknown blocks, styles
 * and marks are dropped or rendered as plain text, as on the page.
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

function components(origin: string): PortableTextComponents {
  return {
    block: {
      normal: ({ children }) => `<p>${children ?? ''}</p>`,
      h2: ({ children }) => `<h2>${children ?? ''}</h2>`,
      h3: ({ children }) => `<h3>${children ?? ''}</h3>`,
      blockquote: ({ children }) => `<blockquote>${children ?? ''}</blockquote>`,
      // Styles outside the content model are paragraphs, as on the page (to-html would keep h1–h6).
      ...Object.fromEntries(['h1', 'h4', 'h5', 'h6'].map((style) => [style, ({ children }: { children?: string }) => `<p>${children ?? ''}</p>`])),
    },
    list: {
      bullet: ({ children }) => `<ul>${children ?? ''}</ul>`,
      number: ({ children }) => `<ol>${children ?? ''}</ol>`,
    },
    listItem: ({ children }) => `<li>${children ?? ''}</li>`,
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      link: ({ children, value }) => {
        const href = safeHref((value as { href?: unknown } | undefined)?.href);
        // An unsafe or missing href renders the words without a link.
        return href ? `<a href="${attr(absoluteUrl(href, origin))}">${children}</a>` : children;
      },
    },
    types: { image: ({ value }) => imageHtml(value, origin) },
    unknownType: () => '',
    unknownBlockStyle: ({ children }) => `<p>${children ?? ''}</p>`,
    unknownList: ({ children }) => `<ul>${children ?? ''}</ul>`,
    unknownListItem: ({ children }) => `<li>${children ?? ''}</li>`,
    unknownMark: ({ children }) => children,
  };
}

/** Portable Text blocks to an HTML fragment with absolute, vetted URLs. */
export function bodyHtml(blocks: readonly unknown[], origin: string): string {
  const valid = blocks.filter((block): block is Block => typeof block === 'object' && block !== null && typeof (block as Block)._type === 'string');
  return toHTML(valid, { components: components(origin), onMissingComponent: false });
}
