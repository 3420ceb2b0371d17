'use client';

/**
 * The Studio mounted at /studio. `'use client'` because the config holds
 * functions and React components: the /studio page (a server component)
 * passes it to NextStudio as a client reference.
 */
import { visionTool } from '@sanity/vision';
import { defineConfig } from 'sanity';
import { presentationTool } from 'sanity/presentation';
import { structureTool } from 'sanity/structure';
import { documentActions } from './sanity/actions/index.ts';
import { apiVersion, dataset, hasSanityProject, projectId } from './sanity/env.ts';
import { DEFAULT_LAKE_URL, localLakeOptions } from './sanity/local-lake.ts';
import { presentationOptions } from './sanity/presentation.ts';
import { withoutSingletonTemplates } from './sanity/lib/singletons.ts';
import { liveUpdateTemplate } from './sanity/live-structure.ts';
import { schemaTypes } from './sanity/schema-types/index.ts';
import { structure } from './sanity/structure.ts';

export type StudioConfigOptions = {
  /** The local Content Lake's URL; used only when no Sanity project is configured. */
  lakeUrl?: string;
};

/**
 * The Studio's config. With a Sanity project id it talks to Sanity and
 * `lakeUrl` is ignored, so the open local mode cannot be switched on in a build
 * that has a project; without one it talks to the local Content Lake.
 */
export function createStudioConfig({ lakeUrl = DEFAULT_LAKE_URL }: StudioConfigOptions = {}) {
  const local = hasSanityProject ? undefined : localLakeOptions(lakeUrl);
  return defineConfig({
    name: 'default',
    title: 'NextMinuteNews',
    basePath: '/studio',
    projectId,
    dataset,
    ...local,
    schema: { types: schemaTypes, templates: (previous) => withoutSingletonTemplates([...previous, liveUpdateTemplate]) },
    document: { actions: documentActions, ...local?.document },
    plugins: [
      structureTool({ structure }),
      // Drafts in the site beside the document, through /api/draft-mode/enable (docs/editors.md).
      presentationTool(presentationOptions),
      visionTool({ defaultApiVersion: apiVersion }),
    ],
  });
}

/** The config with a project id, and the one the Sanity CLI loads; /studio builds its own in local mode. */
export const config = createStudioConfig();

// The Sanity CLI (schema extract, typegen) loads this file's default export.
export default config;
