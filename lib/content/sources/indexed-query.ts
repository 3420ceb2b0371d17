import { evaluate } from 'groq-js';
import type { RawDocument } from '../../dataset/ndjson.ts';
import { buildDatasetIndex, type DatasetIndex, type IndexKind } from './dataset-index.ts';
import { createQueryPlanner, newIndexMarker } from './query-plan.ts';

/*
 * GROQ over an in-memory dataset through its index: `->` looks the id up, and the
 * scans query-plan.ts narrowed read the index's lists. One runner per source, so
 * parsed queries are shared by every version of the file it reads.
 */

export type IndexedDataset = { dataset: RawDocument[]; index: DatasetIndex };

export const indexDataset = (dataset: RawDocument[]): IndexedDataset => ({ dataset, index: buildDatasetIndex(dataset) });

export function createQueryRunner() {
  const marker = newIndexMarker();
  const planner = createQueryPlanner(marker);

  /** `->` by id, and the marker refs query-plan.ts writes for indexed scans. */
  function dereferenceWith(index: DatasetIndex) {
    return ({ _ref }: { _ref: string }) => {
      if (!_ref.startsWith(marker)) return index.byId(_ref) ?? null;
      const rest = _ref.slice(marker.length);
      const colon = rest.indexOf(':');
      return { docs: index.candidates(rest.slice(0, colon) as IndexKind, rest.slice(colon + 1)) };
    };
  }

  return {
    async run<T>(target: IndexedDataset, query: string, params: Record<string, unknown>, timestamp: Date): Promise<T> {
      const tree = planner.plan(query, params);
      const value = await evaluate(tree, { dataset: target.dataset, params, timestamp, dereference: dereferenceWith(target.index) });
      return (await value.get()) as T;
    },
    /** How many parsed trees are kept (tests: one per query text). */
    get planned() {
      return planner.size;
    },
  };
}
