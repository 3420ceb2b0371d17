import { createClient } from 'next-sanity';
import { defineEnableDraftMode, type EnableDraftMode } from 'next-sanity/draft-mode';
import type { ContentSourceConfig } from '@/lib/env';
import { sanityClientConfig } from '@/lib/sanity/client';

type SanityConfig = Extract<ContentSourceConfig, { kind: 'sanity' }>;

let handler: EnableDraftMode | undefined;

/**
 * Sanity's own preview handshake (`sanity-preview-secret`, as the Presentation
 * tool sends it): the secret is checked against the Content Lake, which needs
 * the read token. Made once per process.
 */
export function sanityEnableDraftMode(config: SanityConfig & { token: string }): EnableDraftMode {
  handler ??= defineEnableDraftMode({
    // next-sanity's createClient: defineEnableDraftMode is typed against the @sanity/client it bundles.
    client: createClient(sanityClientConfig(config)).withConfig({ token: config.token }),
  });
  return handler;
}
