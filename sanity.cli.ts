/**
 * Configuration for the `sanity` CLI (`sanity schema extract`, `sanity typegen generate`).
 * Both run offline; without a configured project they use the placeholder id.
 */
import { defineCliConfig } from 'sanity/cli';
import { dataset, projectId } from './sanity/env.ts';

export default defineCliConfig({
  api: { projectId, dataset },
  project: { basePath: '/studio' },
});
