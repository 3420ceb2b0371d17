import { createClient, type SanityClient } from '@sanity/client';
import { datasetFiles } from '../lake/dataset-files.ts';
import { runningLake, type LakeLock } from '../lake/lock.ts';
import { DEFAULT_API_VERSION, DEFAULT_DATASET, type ServerEnv } from '../lib/env.ts';
import { sanityClientConfig } from '../lib/sanity/client.ts';

/*
 * While the local Content Lake runs on a dataset it is the file's only writer: it holds every
 * document in memory and rewrites the file from there, so an import written straight into the
 * file would be gone at the lake's next write, silently. The content commands therefore look for
 * a running lake on their dataset (its lock file, lake/lock.ts) and then send their writes
 * through its HTTP API, the way --to sanity writes to Sanity. A lake whose lock says it runs but
 * which does not answer gets a refusal naming it, never a write to the file behind its back.
 */

export type LakeTarget = { lock: LakeLock; client: SanityClient; name: string; datasetFile: string };

/** The running lake that owns this dataset file, with a client that writes through it; else undefined. */
export function lakeServing(datasetFile: string, env: ServerEnv, token = process.env.CONTENT_LAKE_TOKEN): LakeTarget | undefined {
  const lock = runningLake(datasetFiles(datasetFile).lock);
  if (!lock) return undefined;
  const project = {
    projectId: 'no-project',
    // The lake serves the dataset name it was started with, from the same variable (lake/config.ts).
    dataset: env.NEXT_PUBLIC_SANITY_DATASET ?? DEFAULT_DATASET,
    apiVersion: env.NEXT_PUBLIC_SANITY_API_VERSION ?? DEFAULT_API_VERSION,
    apiHost: lock.url,
  };
  const client = createClient({
    ...sanityClientConfig(project),
    // On loopback the lake takes any caller; bound elsewhere it needs its own token.
    token: token?.trim() || 'local-content-lake',
    perspective: 'raw',
    timeout: 30_000,
    // A lake on this machine answers or is down: retrying reads only delays the refusal by seconds.
    // (Set at creation: withConfig does not reach the retry middleware.)
    maxRetries: 0,
  });
  return { lock, client, name: `the local Content Lake (pid ${lock.pid}, ${lock.url})`, datasetFile };
}

/**
 * Runs one write through the lake. The lake's refusals and a lake that does not answer are
 * reported naming it; the planner's own errors (a taken slug, a missing author) pass unchanged.
 */
export async function throughLake<T>(lake: LakeTarget, write: (client: SanityClient) => Promise<T>): Promise<T> {
  try {
    return await write(lake.client);
  } catch (error) {
    const reason = lakeFailure(error);
    if (reason === undefined) throw error;
    throw new Error(
      `${lake.name} serves ${lake.datasetFile} but did not take the write (${reason}); nothing was written. ` +
        'While it runs only it may write the dataset: check that it is working (or stop it), then run the command again.',
    );
  }
}

/**
 * Why the lake failed, if it did: an HTTP answer (the client's errors carry statusCode) or no
 * answer at all (fetch fails with the system's code as its cause, or times out).
 */
function lakeFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const found = error as { statusCode?: unknown; code?: unknown; name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (typeof found.statusCode === 'number') return `it answered ${found.statusCode}: ${String(found.message)}`;
  if (typeof found.code === 'string') return `no answer: ${found.code}`;
  // fetch's "fetch failed" says why only in its cause (ECONNREFUSED, "bad port", …).
  if (found.cause) return `no answer: ${String(found.cause.code ?? found.cause.message)}`;
  if (found.name === 'TimeoutError' || found.name === 'AbortError') return 'no answer in time';
  return undefined;
}
