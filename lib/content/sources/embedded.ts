import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { readDatasetFile, resolveDatasetFile, type RawDocument } from '../../dataset/ndjson.ts';
import { DRAFTS_PREFIX, isPublishedId, publishedIdOf, type Perspective } from '../perspective.ts';
import { withImageAssets } from './image-assets.ts';
import { createQueryRunner, indexDataset, type IndexedDataset } from './indexed-query.ts';
import type { QuerySource } from './query-source.ts';
import { createSearchPath, type SearchIndexStats } from './search-path.ts';

type Snapshot = {
  file: string;
  version: string;
  published: RawDocument[];
  drafts: RawDocument[];
  /** Built on first use, once per file version and perspective. */
  views: Partial<Record<Perspective, IndexedDataset>>;
};

export type EmbeddedSourceOptions = { now?: () => Date };
export type EmbeddedSource = QuerySource & {
  /** How often a search was answered from the text index, and how many indexes were built (tests, bench). */
  searchIndexStats(): SearchIndexStats;
};

/**
 * The embedded dataset: a `sanity dataset export` NDJSON file evaluated with
 * groq-js. The file is re-read when its size or modification time changes, so
 * an import shows up after revalidation without a restart. Queries read through
 * indexes (query-plan.ts), so a lookup by slug or id costs no scan of the archive,
 * and the search query reads a text index built once per file version (search-path.ts).
 */
export function createEmbeddedSource(datasetPath: string, log: (message: string) => void = console.warn, options: EmbeddedSourceOptions = {}): EmbeddedSource {
  let snapshot: Snapshot | undefined;
  const runner = createQueryRunner();
  const search = createSearchPath();

  function load(): Snapshot {
    const file = resolveDatasetFile(datasetPath);
    let version: string;
    try {
      const stats = statSync(file);
      version = `${stats.size}:${stats.mtimeMs}`;
    } catch (error) {
      throw new Error(
        `The embedded dataset ${file} cannot be read (${(error as NodeJS.ErrnoException).code}). Set CONTENT_DATASET to an export file or folder.`,
      );
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
      views: {},
    };
    return snapshot;
  }

  function view(perspective: Perspective): IndexedDataset {
    const current = load();
    return (current.views[perspective] ??= indexDataset(perspective === 'drafts' ? overlayDrafts(current.published, current.drafts) : current.published));
  }

  return {
    name: 'embedded',
    async query<T>(query: string, params: Record<string, unknown>, perspective: Perspective): Promise<T> {
      const target = view(perspective);
      const now = options.now?.() ?? new Date();
      const run = (text: string, extra: Record<string, unknown>) => runner.run(target, text, { ...params, ...extra }, now);
      const indexed = await search.answer(target, query, params, now, run);
      return (indexed ? indexed.value : await runner.run<T>(target, query, params, now)) as T;
    },
    describe() {
      return { kind: 'embedded', file: basename(resolveDatasetFile(datasetPath)) };
    },
    searchIndexStats: () => ({ ...search.stats }),
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
