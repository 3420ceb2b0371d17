import { articlePath } from '../../lib/urls/paths.ts';

/** The public URL of an article: the site's origin and the path lib/urls/paths.ts builds for every link. */
export function articleUrl(siteUrl: string, slug: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${articlePath(slug)}`;
}
