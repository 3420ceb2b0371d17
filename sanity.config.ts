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
import { apiVersion, dataset, projectId } from './sanity/env.ts';
import { presentationOptions } from './sanity/presentation.ts';
import { withoutSingletonTemplates } from './sanity/lib/singletons.ts';
import { liveUpdateTemplate } from './sanity/live-structure.ts';
import { schemaTypes } from './sanity/schema-types/index.ts';
import { structure } from './sanity/structure.ts';

export const config = defineConfig({
  name: 'default',
  title: 'NextMinuteNews',
  basePath: '/studio',
  projectId,
  dataset,
  schema: { types: schemaTypes, templates: (previous) => withoutSingletonTemplates([...previous, liveUpdateTemplate]) },
  document: { actions: documentActions },
  plugins: [
    structureTool({ structure }),
    // Drafts in the site beside the document, through /api/draft-mode/enable (docs/editors.md).
    presentationTool(presentationOptions),
    visionTool({ defaultApiVersion: apiVersion }),
  ],
});

// The Sanity CLI (schema extract, typegen) loads this file's default export.
export default config;
