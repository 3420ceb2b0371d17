import { evaluateSync, type ExprNode } from 'groq-js';
import type { RawDocument } from '../../dataset/ndjson.ts';
import { foldCase, matchTokens } from './match-tokens.ts';
import type { ClockTerm } from './static-filter.ts';

/*
 * An inverted index over the fields a search reads, built once per dataset version
 * and perspective: for every token (folded as match-tokens.ts explains), which documents
 * hold it in which field and how often. A query then adds up counts for the tokens a
 * pattern covers instead of tokenising every body, and ranks as groq-js's score() and
 * order() would. Only documents that pass the filter's fixed terms are kept. The filter
 * matches `[coalesce(field, ""), …]` and the score each `field`: both read a string's
 * tokens and nothing of a number or an object, but the score reads the strings inside an
 * array where the filter does not, so a dataset with such a field is marked inexact and
 * its searches run as GROQ.
 */

export type TextIndexSpec = {
  /** The filter's terms that give the same answer for a document every time. */
  fixed?: ExprNode;
  /** Its clock terms, compared with the query's time. */
  clocks: ClockTerm[];
  /** The fields score() reads, as one array expression (`[title, standfirst, pt::text(body)]`). */
  fields: ExprNode;
  /** Per field, score()'s boost: a number adds itself to a field's non-zero score; null is a plain match. */
  boosts: (number | null)[];
  /** order()'s key after `_score desc`, itself descending (`publishedAt`). */
  tieBreak: (doc: RawDocument) => unknown;
};

export type TextIndex = {
  docs: RawDocument[];
  /** Per clock term, per document: its operand as epoch ms (NaN: not a datetime, never holds). */
  clocks: Float64Array[];
  /** Per document: its own `_score` (score() starts from it), and its place in order() among equal scores. */
  ownScores: Float64Array;
  tieRanks: Int32Array;
  /** Sorted folded tokens, and per token its postings: (document, field, count) triples. */
  tokens: string[];
  postings: Int32Array[];
  fieldCount: number;
  /** False when a field held an array of strings: the index cannot answer for this dataset. */
  exact: boolean;
  spec: TextIndexSpec;
};

const isTrue = (node: ExprNode, doc: RawDocument) => {
  const value = evaluateSync(node, { root: doc });
  return value.type === 'boolean' && value.data === true;
};
const epochMs = (node: ExprNode, doc: RawDocument) => {
  const value = evaluateSync(node, { root: doc });
  return value.type === 'datetime' ? (value.data as { date: Date }).date.getTime() : NaN;
};

/** Postings by token id while building: `(document, field, count)` triples, and each raw token's id (it is folded once). */
function postingsBuilder() {
  const idOf = new Map<string, number>();
  const foldedIds = new Map<string, number>();
  const lists: number[][] = [];
  const counts: number[] = [];
  return {
    add(position: number, field: number, text: string) {
      const touched: number[] = [];
      for (const token of matchTokens(text)) {
        let id = idOf.get(token);
        if (id === undefined) {
          const key = foldCase(token);
          id = foldedIds.get(key);
          if (id === undefined) foldedIds.set(key, (id = lists.push([]) - 1));
          idOf.set(token, id);
        }
        if (!counts[id]) touched.push(id);
        counts[id] = (counts[id] ?? 0) + 1;
      }
      for (const id of touched) {
        lists[id]!.push(position, field, counts[id]!);
        counts[id] = 0;
      }
    },
    /** Tokens in code-unit order, as `<` compares: every token starting with a prefix sits in one run. */
    finish() {
      const tokens = [...foldedIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return { tokens, postings: tokens.map((token) => Int32Array.from(lists[foldedIds.get(token)!]!)) };
    },
  };
}

export function buildTextIndex(dataset: RawDocument[], spec: TextIndexSpec): TextIndex {
  const docs: RawDocument[] = [];
  const clocks: number[][] = spec.clocks.map(() => []);
  const postings = postingsBuilder();
  let exact = true;
  for (const doc of dataset) {
    if (spec.fixed && !isTrue(spec.fixed, doc)) continue;
    const fields = evaluateSync(spec.fields, { root: doc }).data as unknown[];
    const position = docs.push(doc) - 1;
    spec.clocks.forEach(({ operand }, c) => clocks[c]!.push(epochMs(operand, doc)));
    fields.forEach((text, field) => {
      if (Array.isArray(text) && text.some((part) => typeof part === 'string')) exact = false;
      if (typeof text === 'string') postings.add(position, field, text);
    });
  }
  return {
    docs,
    clocks: clocks.map((times) => Float64Array.from(times)),
    ownScores: Float64Array.from(docs, (doc) => (typeof doc._score === 'number' ? doc._score : 0)),
    tieRanks: tieRanksOf(docs, spec.tieBreak),
    ...postings.finish(),
    fieldCount: spec.boosts.length,
    exact,
    spec,
  };
}

/**
 * Equal scores keep order()'s next key, descending, then the order score() saw them in
 * (dataset order: both sorts are stable). That order is the same for every query.
 */
function tieRanksOf(docs: RawDocument[], tieBreak: (doc: RawDocument) => unknown): Int32Array {
  const keys = docs.map(tieBreak);
  const order = docs.map((_, i) => i).sort((a, b) => -totalCompare(keys[a], keys[b]) || a - b);
  const ranks = new Int32Array(docs.length);
  order.forEach((doc, rank) => (ranks[doc] = rank));
  return ranks;
}

const TYPE_ORDER: Record<string, number> = { number: 2, string: 3, boolean: 4 };

/** groq-js's totalCompare for JSON values (a raw field holds no datetime): by type, then within numbers, strings and booleans. */
function totalCompare(a: unknown, b: unknown): number {
  const [typeA, typeB] = [TYPE_ORDER[typeof a] ?? 100, TYPE_ORDER[typeof b] ?? 100];
  if (typeA !== typeB) return typeA - typeB;
  if (typeof a === 'number' || typeof a === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  return 0;
}
