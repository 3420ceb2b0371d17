import { type ClientConfig, createClient, type SanityClient } from '@sanity/client';

/*
 * The one Sanity client: project, dataset, API version and host set once.
 * The site's reads, draft mode's secret check and the importer's writes take
 * their variants with `withConfig` (token, perspective, timeouts). Relative
 * imports only: the import CLI runs it outside Next.js.
 */

export type SanityProject = {
  projectId: string;
  dataset: string;
  apiVersion: string;
  /** A self-hosted proxy or the test fixture standing in for api.sanity.io. */
  apiHost?: string;
};

/** Published documents, no CDN (a publish must show at once), no token. */
export function sanityClientConfig(project: SanityProject) {
  return {
    projectId: project.projectId,
    dataset: project.dataset,
    apiVersion: project.apiVersion,
    useCdn: false,
    perspective: 'published',
    ...(project.apiHost ? { apiHost: project.apiHost, useProjectHostname: false } : {}),
  } satisfies ClientConfig;
}

export function sanityClient(project: SanityProject): SanityClient {
  return createClient(sanityClientConfig(project));
}
