import type { WorkspaceOptions } from 'sanity';
import { DEFAULT_CONTENT_LAKE_PORT } from '../lib/sanity/defaults.ts';
import { withListenerHosts } from './listener-hosts.ts';

/**
 * The Studio on the local Content Lake (lake/), used when no Sanity project is
 * configured. The /studio page passes the lake's URL in at request time; this
 * default serves the Sanity CLI, which loads the config without a request.
 */
export const DEFAULT_LAKE_URL = `http://localhost:${DEFAULT_CONTENT_LAKE_PORT}`;

/** What local mode adds to the workspace: each option exists in sanity 6.16's WorkspaceOptions. */
export type LocalLakeOptions = Pick<
  WorkspaceOptions,
  'apiHost' | 'search' | 'releases' | 'scheduledDrafts' | 'apps' | 'tasks' | 'announcements' | 'unstable_clientFactory'
> & { document: Pick<NonNullable<WorkspaceOptions['document']>, 'comments' | 'askToEdit'> };

/**
 * Points the Studio at the lake and switches off what only Sanity's cloud
 * offers. Each switched-off feature would otherwise open listeners of its own
 * (the browser allows six connections per host over HTTP/1.1) or call a
 * service the lake does not have.
 */
export function localLakeOptions(lakeUrl: string): LocalLakeOptions {
  return {
    // The Studio prepends the project id: no-project.localhost:<port>, which browsers resolve to loopback.
    apiHost: lakeUrl,
    // One host per listener, so the Studio's event streams never take all six of a host's connections.
    unstable_clientFactory: withListenerHosts(lakeUrl),
    // The default strategy (groq2024) puts text::query() in every list query, and groq-js has none.
    search: { strategy: 'groqLegacy' },
    // Releases and scheduled drafts: a releases listener, release documents and Sanity's schedules API.
    releases: { enabled: false },
    scheduledDrafts: { enabled: false },
    // Canvas: one more id-set listener per open document, for companion documents in Sanity's Canvas app.
    apps: { canvas: { enabled: false } },
    // Tasks and comments live in Sanity-hosted add-on datasets; announcements come from Sanity's journey API.
    tasks: { enabled: false },
    announcements: { enabled: false },
    // "Ask to edit" requests access through Sanity's access-request API; everyone on loopback is an admin.
    document: { comments: { enabled: false }, askToEdit: { enabled: false } },
  };
}
