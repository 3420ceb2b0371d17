/**
 * What a reader sees (`published`) or an editor in draft mode (`drafts`:
 * drafts laid over the published documents). Matches Sanity's perspectives.
 */
export type Perspective = 'published' | 'drafts';

export const DRAFTS_PREFIX = 'drafts.';
export const VERSIONS_PREFIX = 'versions.';

/** A published document's id: neither a draft nor a release's version of one (GROQ: fragments.ts isPublic). */
export function isPublishedId(id: string): boolean {
  return !id.startsWith(DRAFTS_PREFIX) && !id.startsWith(VERSIONS_PREFIX);
}

export function publishedIdOf(id: string): string {
  if (id.startsWith(DRAFTS_PREFIX)) return id.slice(DRAFTS_PREFIX.length);
  if (id.startsWith(VERSIONS_PREFIX)) return id.split('.').slice(2).join('.');
  return id;
}
