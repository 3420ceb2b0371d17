import { DEFAULT_API_VERSION, DEFAULT_DATASET } from '../lib/sanity/defaults.ts';

/**
 * The Studio's environment, read once: the one place besides lib/env.ts that
 * reads variables, because lib/env.ts is server-only and the Studio runs in
 * the browser. Each variable is read by its literal
 * name so Next.js can inline NEXT_PUBLIC_* values into the client bundle the
 * Studio runs in.
 *
 * Nothing here throws: the site build imports the Studio config, and a site
 * without a Sanity project runs on its embedded dataset. The Studio then uses
 * the placeholder project id on the local Content Lake (sanity/local-lake.ts),
 * and /studio's security policy allows the lake (lib/http/security-headers.ts):
 * both follow `hasSanityProject`, fixed when the site is built.
 */

/** Used when no project is configured; no real project has this id. */
export const PLACEHOLDER_PROJECT_ID = 'no-project';

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
const configuredSiteUrl = clean(process.env.NEXT_PUBLIC_SITE_URL);
/** True when the site's origin is configured (else "Open on site" uses the origin the Studio runs on). */
export const hasSiteUrl = configuredSiteUrl !== undefined;
export const siteUrl = (configuredSiteUrl ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
