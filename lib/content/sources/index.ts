import { contentSourceFrom, serverEnv } from '../../env.ts';
import { createEmbeddedSource } from './embedded.ts';
import type { QuerySource } from './query-source.ts';
import { createSanitySource } from './sanity.ts';

let source: QuerySource | undefined;

/** The content source, chosen once from the environment. */
export function contentSource(): QuerySource {
  if (!source) {
    const config = contentSourceFrom(serverEnv());
    source = config.kind === 'sanity' ? createSanitySource(config) : createEmbeddedSource(config.datasetPath);
  }
  return source;
}
