import type { ContentSourceConfig } from '../../env.ts';
import { sanityClient } from '../../sanity/client.ts';
import type { QuerySource } from './query-source.ts';

type SanityConfig = Extract<ContentSourceConfig, { kind: 'sanity' }>;

const QUERY_TIMEOUT_MS = 10_000;

/** The Content Lake through the one Sanity client (lib/sanity/client.ts), with the read token if any. */
export function createSanitySource(config: SanityConfig): QuerySource {
  const client = sanityClient(config).withConfig({ token: config.token, timeout: QUERY_TIMEOUT_MS, maxRetries: 1 });

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
