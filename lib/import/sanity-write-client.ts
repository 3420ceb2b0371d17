import type { SanityClient } from '@sanity/client';
import { contentSourceFrom, type ServerEnv } from '../env.ts';
import { sanityClient } from '../sanity/client.ts';

export type SanityWriteConfig = {
  projectId: string;
  dataset: string;
  apiVersion: string;
  token: string;
  apiHost?: string;
};

/**
 * What `import --to sanity` needs, from the environment (read once, through
 * lib/env.ts). Fails with every missing variable named, before any request.
 */
export function sanityWriteConfigFrom(env: ServerEnv): SanityWriteConfig {
  // The same project, dataset and API host the site reads (lib/env.ts), plus a write token.
  const source = contentSourceFrom(env);
  const token = env.SANITY_API_WRITE_TOKEN;
  if (source.kind !== 'sanity' || !token) {
    const missing = [
      source.kind === 'sanity' ? '' : 'NEXT_PUBLIC_SANITY_PROJECT_ID',
      token ? '' : 'SANITY_API_WRITE_TOKEN (an Editor token from sanity.io/manage, API, Tokens)',
    ].filter(Boolean);
    throw new Error(`Importing into Sanity needs ${missing.join(', ')}; set them in the environment. Nothing was written.`);
  }
  return { projectId: source.projectId, dataset: source.dataset, apiVersion: source.apiVersion, token, apiHost: source.apiHost };
}

/** A client that writes: no CDN, `raw` reads so the import sees existing drafts. */
export function createSanityWriteClient(config: SanityWriteConfig): SanityClient {
  return sanityClient(config).withConfig({ token: config.token, perspective: 'raw', timeout: 30_000 });
}
