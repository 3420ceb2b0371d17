import { createClient } from 'next-sanity';
import type { ContentSourceConfig } from '../../env.ts';
import type { QuerySource } from './query-source.ts';

type SanityConfig = Extract<ContentSourceConfig, { kind: 'sanity' }>;

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
    timeout: 10_000,
    maxRetries: 1,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  });

  return {
    name: 'sanity',
    query<T>(query: string, params: Record<string, unknown>, perspective: 'published' | 'drafts'): Promise<T> {
      if (perspective === 'drafts' && !config.token) {
        throw new Error('Draft mode with Sanity needs SANITY_API_READ_TOKEN');
      }
      return client.fetch<T>(query, params, { perspective, stega: false, cache: 'no-store' });
    },
    describe() {
      return { kind: 'sanity', projectId: config.projectId, dataset: config.dataset };
    },
  };
}
