import { redisLastGood } from '../../cache-handlers/last-good-store.ts';
import { contentSourceFrom, serverEnv } from '../../env.ts';
import { createEmbeddedSource } from './embedded.ts';
import type { QuerySource } from './query-source.ts';
import { createSanitySource } from './sanity.ts';
import { withStaleIfError } from './stale-if-error.ts';

let source: QuerySource | undefined;

/** The content source, chosen once from the environment. */
export function contentSource(): QuerySource {
  if (!source) {
    const config = contentSourceFrom(serverEnv());
    // A failing source serves its last good results (stale-if-error.ts), never an error page.
    source = withStaleIfError(config.kind === 'sanity' ? createSanitySource(config) : createEmbeddedSource(config.datasetPath), { shared: redisLastGood() });
  }
  return source;
}
