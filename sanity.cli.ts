/**
 * Configuration for the `sanity` CLI (`sanity schema extract`, `sanity typegen generate`).
 * Both run offline; without a configured project they use the placeholder id.
 */
import { defineCliConfig } from 'sanity/cli';
import { dataset, projectId } from './sanity/env.ts';

export default defineCliConfig({
  api: { projectId, dataset },
  project: { basePath: '/studio' },
  // `sanity schema extract --path sanity/extract.json && sanity typegen generate`
  // types the schema and the named GROQ queries in lib/. Generated files are not committed.
  schemaExtraction: { path: 'sanity/extract.json' },
  typegen: {
    schema: 'sanity/extract.json',
    path: ['./lib/**/*.{ts,tsx}', './app/**/*.{ts,tsx}'],
    generates: 'sanity/sanity.types.ts',
    overloadClientMethods: false,
  },
});
