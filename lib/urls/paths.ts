/**
 * The site's public URL paths (CONTENT-MODEL.md), built in one place so every
 * link, canonical, feed and sitemap agrees, and slugs from content are encoded.
 */
export type PathKind = 'articles' | 'tags' | 'sources' | 'authors';

export function contentPath(kind: PathKind, slug: string): string {
  return `/${kind}/${encodeURIComponent(slug)}`;
}

export const articlePath = (slug: string) => contentPath('articles', slug);
export const tagPath = (slug: string) => contentPath('tags', slug);
export const sourcePath = (slug: string) => contentPath('sources', slug);
export const authorPath = (slug: string) => contentPath('authors', slug);

/** A page number from a URL: a whole number from 1 to 99,999, else null. */
export function parsePageNumber(value: string | null | undefined): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null;
}
