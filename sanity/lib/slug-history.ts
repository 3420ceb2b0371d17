/**
 * Keeps an article's old slugs so its old URLs can answer with a permanent
 * redirect after an editor renames it. Pure, so the publish action stays thin.
 */
export interface SlugHistoryDocument {
  slug?: { current?: string | null } | null;
  previousSlugs?: readonly string[] | null;
}

/**
 * The `previousSlugs` the document should have when `draft` is published over
 * `published`: the draft's list (or the published one if the draft has none),
 * plus the published slug if the draft changes it, without duplicates and
 * never containing the slug being published (an editor may rename back).
 */
export function nextPreviousSlugs(published: SlugHistoryDocument | null | undefined, draft: SlugHistoryDocument | null | undefined): string[] {
  const current = draft?.slug?.current ?? undefined;
  const base = draft?.previousSlugs ?? published?.previousSlugs ?? [];
  const oldSlug = published?.slug?.current ?? undefined;
  const candidates = oldSlug && oldSlug !== current ? [...base, oldSlug] : [...base];
  const result: string[] = [];
  for (const slug of candidates) {
    if (typeof slug === 'string' && slug !== '' && slug !== current && !result.includes(slug)) result.push(slug);
  }
  return result;
}

export function sameSlugList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((slug, index) => slug === right[index]);
}
