import { createClient } from 'next-sanity';
import type { ContentSourceConfig } from '../../env.ts';
import type { QuerySource } from './query-source.ts';

type SanityConfig = Extract<ContentSourceConfig, { kind: 'sanity' }>;

const QUERY_TIMEOUT_MS = 10_000;

/**
 * The Content Lake through @sanity/client. `apiHost` lets a self-hosted proxy
 * or the test fixture stand in for api.sanity.io.
 */
export function createSanitySource(config: SanityConfig): QuerySource {
  const client = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    useCdn: false,
    perspective: 'published',
    token: config.token,
    timeout: QUERY_TIMEOUT_MS,
    maxRetries: 1,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  });

  return {
    name: 'sanity',
    query<T>(query: string, params: Record<string, unknown>, perspective: 'published' | 'drafts'): Promise<T> {
      if (perspective === 'drafts' && !config.token) {
        throw new Error('Draft mode with Sanity needs SANITY_API_READ_TOKEN');
      }
      // `cache` switches @sanity/client to fetch(), which ignores its `timeout`: without this
      // signal a Content Lake that never answers hangs the render (found with the test fixture).
      return client.fetch<T>(query, params, { perspective, stega: false, cache: 'no-store', signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });
    },
    describe() {
      return { kind: 'sanity', projectId: config.projectId, dataset: config.dataset };
    },
  };
}
