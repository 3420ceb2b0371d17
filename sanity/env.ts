/**
 * The Studio's environment, read once. Each variable is read by its literal
 * name so Next.js can inline NEXT_PUBLIC_* values into the client bundle the
 * Studio runs in.
 *
 * Nothing here throws: the site build imports the Studio config, and a site
 * without a Sanity project runs on its embedded dataset. The Studio then loads
 * with a placeholder project id and needs a real one to do anything.
 */

/** Used when no project is configured; no real project has this id. */
export const PLACEHOLDER_PROJECT_ID = 'no-project';

export const DEFAULT_DATASET = 'production';
export const DEFAULT_API_VERSION = '2025-02-19';
export const DEFAULT_SITE_URL = 'http://localhost:3000';

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const configuredProjectId = clean(process.env.NEXT_PUBLIC_SANITY_PROJECT_ID);

/** True when a real Sanity project id is configured. */
export const hasSanityProject = configuredProjectId !== undefined;

export const projectId = configuredProjectId ?? PLACEHOLDER_PROJECT_ID;
export const dataset = clean(process.env.NEXT_PUBLIC_SANITY_DATASET) ?? DEFAULT_DATASET;
export const apiVersion = clean(process.env.NEXT_PUBLIC_SANITY_API_VERSION) ?? DEFAULT_API_VERSION;

/** The public site's origin, without a trailing slash, for "Open on site". */
export const siteUrl = (clean(process.env.NEXT_PUBLIC_SITE_URL) ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
