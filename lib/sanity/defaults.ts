/**
 * The dataset and API version when none is configured: one answer for the
 * site (lib/env.ts), the Studio (sanity/env.ts) and the importer, so editors
 * and readers never look at different content. No imports: the proxy and the
 * Studio's browser bundle load it too.
 */
export const DEFAULT_DATASET = 'production';
export const DEFAULT_API_VERSION = '2025-02-19';
/** The local Content Lake's port (`CONTENT_LAKE_PORT`), used when no Sanity project is configured. */
export const DEFAULT_CONTENT_LAKE_PORT = 4343;
