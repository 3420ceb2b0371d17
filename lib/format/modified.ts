/*
 * When something last changed, as one ISO 8601 instant. Content computes an
 * article's `modifiedAt` once, in its view model; feeds (`<updated>`,
 * `date_modified`), sitemaps (`lastmod`) and JSON-LD (`dateModified`) read
 * that field and use `latestOf` only to date a whole document.
 */

type Dated = { publishedAt: string; updatedAt?: string; corrections?: readonly { date: string }[] };

function time(iso: string | undefined): number {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

/** ISO 8601 (UTC) of the latest of publication, update and corrections. */
export function modifiedAt(article: Dated): string {
  const candidates = [article.publishedAt, article.updatedAt, ...(article.corrections ?? []).map((correction) => correction.date)];
  const latest = Math.max(...candidates.map(time));
  return Number.isFinite(latest) ? new Date(latest).toISOString() : article.publishedAt;
}

/** The latest of several ISO dates (absent ones skipped), or undefined for none. */
export function latestOf(dates: readonly (string | undefined)[]): string | undefined {
  const latest = Math.max(...dates.filter((date): date is string => date !== undefined).map(time));
  return Number.isFinite(latest) ? new Date(latest).toISOString() : undefined;
}
