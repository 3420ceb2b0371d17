import { durableLastGood } from '../../cache-handlers/last-good-store.ts';
import { contentSourceFrom, lastGoodFolder, serverEnv } from '../../env.ts';
import { createEmbeddedSource } from './embedded.ts';
import type { QuerySource } from './query-source.ts';
import { createSanitySource } from './sanity.ts';
import { withStaleIfError } from './stale-if-error.ts';

let source: QuerySource | undefined;

/** The content source, chosen once from the environment. */
export function contentSource(): QuerySource {
  if (!source) {
    const env = serverEnv();
    const config = contentSourceFrom(env);
    // A failing source serves its last good results (stale-if-error.ts), never an error page; they
    // are kept where a restart finds them, seeded by the build (last-good-store.ts).
    const inner = config.kind === 'sanity' ? createSanitySource(config) : createEmbeddedSource(config.datasetPath);
    source = withStaleIfError(inner, { shared: durableLastGood(lastGoodFolder(env)) });
  }
  return source;
}
