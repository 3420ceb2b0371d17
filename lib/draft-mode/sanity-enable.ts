import { createClient } from 'next-sanity';
import { defineEnableDraftMode, type EnableDraftMode } from 'next-sanity/draft-mode';
import type { ContentSourceConfig } from '@/lib/env';

type SanityConfig = Extract<ContentSourceConfig, { kind: 'sanity' }>;

let handler: EnableDraftMode | undefined;

/**
 * Sanity's own preview handshake (`sanity-preview-secret`, as the Presentation
 * tool sends it): the secret is checked against the Content Lake, which needs
 * the read token. Made once per process.
 */
export function sanityEnableDraftMode(config: SanityConfig & { token: string }): EnableDraftMode {
  handler ??= defineEnableDraftMode({
    client: createClient({
      projectId: config.projectId,
      dataset: config.dataset,
      apiVersion: config.apiVersion,
      useCdn: false,
      token: config.token,
      ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
    }),
  });
  return handler;
}
