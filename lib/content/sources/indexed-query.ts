import { evaluate, type ExprNode, type Value } from 'groq-js';
import type { RawDocument } from '../../dataset/ndjson.ts';
import { buildDatasetIndex, type DatasetIndex, type IndexKind } from './dataset-index.ts';
import { createQueryPlanner, newIndexMarker, type ListTest } from './query-plan.ts';
import { clockHolds } from './static-filter.ts';

/*
 * GROQ over an in-memory dataset through its index: `->` looks the id up, and the
 * scans query-plan.ts narrowed read the index's lists, with their static terms
 * applied once per list and file version and their clock terms per query. One runner per source, so parsed queries
 * are shared by every version of the file it reads.
 */

export type IndexedDataset = {
  dataset: RawDocument[];
  index: DatasetIndex;
  /** Lists already passed through a list test's static terms, by test, kind and key. */
  tested: Map<string, Prepared>;
};

/** The documents passing the static terms, with each clock term's operand as epoch ms (NaN: not a datetime). */
type Prepared = { docs: RawDocument[]; clocks: Float64Array[] };

// Shorter lists (a slug, an id) are tested on every query: cheaper than remembering each.
const REMEMBER_FROM = 64;
const REMEMBER_AT_MOST = 256;

export const indexDataset = (dataset: RawDocument[]): IndexedDataset => ({ dataset, index: buildDatasetIndex(dataset), tested: new Map() });

export function createQueryRunner() {
  const marker = newIndexMarker();
  const planner = createQueryPlanner(marker);

  // Per document, by expression: a tag's list reuses what the type's list already worked out.
  const perDocument = new Map<ExprNode, WeakMap<RawDocument, unknown>>();
  async function once<T>(expression: ExprNode, doc: RawDocument, compute: (value: Value) => T): Promise<T> {
    let results = perDocument.get(expression);
    if (!results) perDocument.set(expression, (results = new WeakMap()));
    if (results.has(doc)) return results.get(doc) as T;
    const result = compute(await evaluate(expression, { root: doc }));
    results.set(doc, result);
    return result;
  }
  const isTrue = (value: Value) => value.type === 'boolean' && value.data === true;
  const epochMs = (value: Value) => (value.type === 'datetime' ? (value.data as { date: Date }).date.getTime() : NaN);

  async function prepare(list: RawDocument[], test: ListTest): Promise<Prepared> {
    const docs: RawDocument[] = [];
    for (const doc of list) if (!test.fixed || (await once(test.fixed, doc, isTrue))) docs.push(doc);
    const clocks: Float64Array[] = [];
    for (const { operand } of test.clocks) {
      const times = new Float64Array(docs.length);
      for (const [i, doc] of docs.entries()) times[i] = await once(operand, doc, epochMs);
      clocks.push(times);
    }
    return { docs, clocks };
  }

  async function candidates(target: IndexedDataset, kind: IndexKind, testId: string, key: string, now: number): Promise<RawDocument[]> {
    const list = kind === 'anyRef' ? target.index.referencingAny(key.split(marker)) : target.index.candidates(kind, key);
    if (testId === '-' || list.length === 0) return list;
    const test = planner.listTest(testId);
    const memo = `${testId}:${kind}:${key}`;
    const prepared = target.tested.get(memo) ?? (await prepare(list, test));
    if (list.length >= REMEMBER_FROM && !target.tested.has(memo)) {
      // Bounded: every article's own set of tags could otherwise keep a list of its own.
      if (target.tested.size >= REMEMBER_AT_MOST) target.tested.delete(target.tested.keys().next().value!);
      target.tested.set(memo, prepared);
    }
    if (test.clocks.length === 0) return prepared.docs;
    return prepared.docs.filter((_, i) => test.clocks.every(({ op }, c) => clockHolds(prepared.clocks[c]![i]!, op, now)));
  }

  /** `->` by id, and the marker refs (`<marker><kind>:<list test>:<key>`) query-plan.ts writes for indexed scans. */
  function dereferenceWith(target: IndexedDataset, timestamp: Date) {
    return ({ _ref }: { _ref: string }) => {
      if (!_ref.startsWith(marker)) return target.index.byId(_ref) ?? null;
      const [kind = '', testId = '', ...key] = _ref.slice(marker.length).split(':');
      return candidates(target, kind as IndexKind, testId, key.join(':'), timestamp.getTime()).then((docs) => ({ docs }));
    };
  }

  return {
    async run<T>(target: IndexedDataset, query: string, params: Record<string, unknown>, timestamp: Date): Promise<T> {
      const tree = planner.plan(query, params);
      const value = await evaluate(tree, { dataset: target.dataset, params, timestamp, dereference: dereferenceWith(target, timestamp) });
      return (await value.get()) as T;
    },
    /** How many parsed trees are kept (tests: one per query text). */
    get planned() {
      return planner.size;
    },
  };
}
