/**
 * With cacheComponents, generateStaticParams must return at least one entry for
 * the build to validate the route. An empty dataset gets a placeholder that
 * renders the 404 page.
 */
export const PLACEHOLDER_SLUG = '_none';

export function atLeastOneParam<T extends { slug: string }>(params: T[]): { slug: string }[] {
  return params.length > 0 ? params : [{ slug: PLACEHOLDER_SLUG }];
}
