import { isExternalHref, safeHref } from '../urls/safe-href.ts';

/*
 * What each Portable Text block style, list and mark becomes, for both renderers: article bodies
 * on the page (components/portable-text-body.tsx, React) and live updates and feed items
 * (lib/feeds/body-html.ts, HTML strings). One table, so a reader gets the same structure in
 * either. Whatever the content model does not name falls to its plain form: a paragraph for a
 * style (the page has one h1, its headline, and an h2–h3 outline; an h1 or h4 in a body would
 * break it), a bullet list for a list, the bare text for a mark, nothing for a block type.
 */

const BLOCK_TAGS = { normal: 'p', h2: 'h2', h3: 'h3', blockquote: 'blockquote' } as const;
const LIST_TAGS = { bullet: 'ul', number: 'ol' } as const;
const MARK_TAGS = { strong: 'strong', em: 'em' } as const;

export type BlockTag = (typeof BLOCK_TAGS)[keyof typeof BLOCK_TAGS];
export type ListTag = (typeof LIST_TAGS)[keyof typeof LIST_TAGS];
export type MarkTag = (typeof MARK_TAGS)[keyof typeof MARK_TAGS];

const lookup = <T extends string>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

/** The element a block of this style becomes. */
export function blockTag(style: unknown): BlockTag {
  return lookup(BLOCK_TAGS, style ?? 'normal') ?? 'p';
}

/** The element a list of this kind becomes. */
export function listTag(kind: unknown): ListTag {
  return lookup(LIST_TAGS, kind) ?? 'ul';
}

/** The element a decorator mark becomes, or undefined: its text stays plain. */
export function markTag(mark: string): MarkTag | undefined {
  return lookup(MARK_TAGS, mark);
}

/** The decorator marks the content model has (links are annotations: linkTarget). */
export const MARKS: readonly string[] = Object.keys(MARK_TAGS);

/**
 * Where a link mark goes: through the one URL gate (an unsafe or missing href gives undefined, and
 * the words render without a link); a link off the site opens without handing over the page.
 */
export function linkTarget(markDef: unknown): { href: string; rel?: 'noopener noreferrer' } | undefined {
  const href = safeHref((markDef as { href?: unknown } | undefined)?.href);
  if (!href) return undefined;
  return isExternalHref(href) ? { href, rel: 'noopener noreferrer' } : { href };
}
