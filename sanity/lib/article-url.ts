/** The public URL of an article: `<site>/articles/<slug>`. */
export function articleUrl(siteUrl: string, slug: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/articles/${encodeURIComponent(slug)}`;
}
