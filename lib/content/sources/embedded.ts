import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { readDatasetFile, resolveDatasetFile, type RawDocument } from '../../dataset/ndjson.ts';
import { DRAFTS_PREFIX, isPublishedId, publishedIdOf, type Perspective } from '../perspective.ts';
import { withImageAssets } from './image-assets.ts';
import type { QuerySource } from './query-source.ts';

type Snapshot = {
  file: string;
  version: string;
  published: RawDocument[];
  drafts: RawDocument[];
};

/**
 * The embedded dataset: a `sanity dataset export` NDJSON file evaluated with
 * groq-js. The file is re-read when its size or modification time changes, so
 * an import shows up after revalidation without a restart.
 */
export function createEmbeddedSource(datasetPath: string, log: (message: string) => void = console.warn): QuerySource {
  let snapshot: Snapshot | undefined;

  function load(): Snapshot {
    const file = resolveDatasetFile(datasetPath);
    let version: string;
    try {
      const stats = statSync(file);
      version = `${stats.size}:${stats.mtimeMs}`;
    } catch (error) {
      throw new Error(`The embedded dataset ${file} cannot be read (${(error as NodeJS.ErrnoException).code}). Set CONTENT_DATASET to an export file or folder.`);
    }
    if (snapshot && snapshot.file === file && snapshot.version === version) return snapshot;
    const { docs, problems } = readDatasetFile(file);
    for (const problem of problems) log(`[content] ${file}:${problem.line}: skipped, ${problem.message}`);
    // A garbled or emptied file must not read as "no articles": that would turn every page into a
    // cached 404. Throwing keeps the last good pages until the file is fixed (tests/faults).
    if (docs.length === 0 && (problems.length > 0 || (snapshot?.published.length ?? 0) > 0)) {
      throw new Error(`The embedded dataset ${file} has no readable document (${problems.length} bad lines): keeping the last good content until it is fixed.`);
    }
    const all = withImageAssets(docs, file);
    snapshot = {
      file,
      version,
      published: all.filter((doc) => isPublishedId(doc._id)),
      drafts: all.filter((doc) => doc._id.startsWith(DRAFTS_PREFIX)),
    };
    return snapshot;
  }

  return {
    name: 'embedded',
    async query<T>(query: string, params: Record<string, unknown>, perspective: Perspective): Promise<T> {
      const { published, drafts } = load();
      const dataset = perspective === 'drafts' ? overlayDrafts(published, drafts) : published;
      const tree = parse(query, { params });
      const value = await evaluate(tree, { dataset, params, timestamp: new Date() });
      return (await value.get()) as T;
    },
    describe() {
      return { kind: 'embedded', file: basename(resolveDatasetFile(datasetPath)) };
    },
  };
}

/** Sanity's `drafts` perspective: a draft stands in for its published document, under the published id. */
export function overlayDrafts(published: RawDocument[], drafts: RawDocument[]): RawDocument[] {
  const byId = new Map(published.map((doc) => [doc._id, doc]));
  for (const draft of drafts) {
    const id = publishedIdOf(draft._id);
    byId.set(id, { ...draft, _id: id, _originalId: draft._id });
  }
  return [...byId.values()];
}
