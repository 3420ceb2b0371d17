/*
 * What a slug is, in one place: lowercase letters of any script and digits, joined by single
 * hyphens. It is what slugify (lib/portable-text/slugify.ts) and the Studio's Generate button make,
 * what the importer accepts from a file or a flag, and what a webhook payload must hold before
 * its slug is put into a feed path. No dots (an id with one would be private in Sanity), no
 * slashes, no spaces; bounded so a path and a cache tag stay short.
 */
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;
const MAX_LENGTH = 200;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LENGTH && SLUG.test(value);
}

/** The words an error shows when a slug is refused. */
export const SLUG_RULE = 'lowercase words joined by hyphens, such as "central-asia"';
