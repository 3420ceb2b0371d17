import { parse, type ExprNode } from 'groq-js';
import type { IndexKind } from './dataset-index.ts';
import { pushOrderBeforeProjection } from './order-pushdown.ts';
import { clockTerm, conjunction, conjuncts, isStatic, type ClockTerm } from './static-filter.ts';

/*
 * Each query text is parsed once, and every `*[filter]` whose filter is a chain of `&&`
 * naming an id, slug, previous slug, reference or `_type` reads from an index instead
 * of the whole dataset. groq-js has no hook for that, but it has `dereference`: the
 * scan's base becomes `coalesce({"_ref": <marker> + key}->docs, *)`, and the source's
 * dereference answers a marker ref with the index's list. The filter itself still runs
 * over that list, so results are those of the full scan; a key that is not a string
 * makes the `+` null and the query falls back to `*`. The filter's static terms
 * (static-filter.ts) move into the ref too: the runner applies them once per document
 * and file version, and the filter keeps only the terms that can change.
 */

type Node = ExprNode & Record<string, unknown>;
/** `exact`: the list holds the documents the term is true for, no more, so the term need not run again. */
type Lookup = { kind: IndexKind; key: Node; term?: Node; exact: boolean };
/** What an indexed list is passed through before the filter's other terms: static terms and clock terms. */
export type ListTest = { fixed?: ExprNode; clocks: ClockTerm[] };
/** Tests by id: the marker ref names one instead of carrying its text. */
type Statics = { add(test: ListTest): string };

// Sanity's own ids never hold NUL; the random part keeps a hostile `_ref` from guessing one.
export const newIndexMarker = () => `\u0000index-${crypto.randomUUID()}:`;

// Narrowest first: an id names one document, a type names thousands.
const PRIORITY: IndexKind[] = ['id', 'slug', 'previousSlug', 'ref', 'refDeep', 'anyRef', 'type', 'all'];
const MAX_CACHED = 500;

const isThis = (node: Node | undefined) => node === undefined || node.type === 'This';
const attribute = (node: Node, name: string) => node.type === 'AccessAttribute' && node.name === name;
const ownAttribute = (node: Node, name: string) => attribute(node, name) && isThis(node.base as Node | undefined);

/** A key the same for every document the filter visits: a literal, a parameter or a field of an enclosing scope (`^`). */
function isKey(node: Node): boolean {
  if (node.type === 'Value' || node.type === 'Parameter' || node.type === 'Parent') return true;
  if (node.type === 'Group') return isKey(node.base as Node);
  return node.type === 'AccessAttribute' && node.base !== undefined && isKey(node.base as Node);
}

/** A path inside the document itself (no `->`), such as `sources[]`. */
function isLocalPath(node: Node | undefined): boolean {
  if (isThis(node)) return true;
  if (node!.type === 'AccessAttribute' || node!.type === 'ArrayCoerce') return isLocalPath(node!.base as Node | undefined);
  return false;
}

/** `sources[]._ref` or `asset._ref`: values of `_ref` fields of this document. */
function isRefPath(node: Node): boolean {
  if (node.type === 'Map') return isLocalPath(node.base as Node) && ownAttribute(node.expr as Node, '_ref');
  return attribute(node, '_ref') && isLocalPath(node.base as Node | undefined);
}

/**
 * `count(tags[_ref in $ids]) > 0`: the document references one of `$ids`. The key is
 * `array::join($ids, marker)`, split again by the runner (only a parameter or literal:
 * inside `tags[...]`, `^` is the document itself).
 */
function anyRefLookup(term: Node, marker: string): Lookup | undefined {
  if (term.type !== 'OpCall' || term.op !== '>' || (term.right as Node).type !== 'Value' || (term.right as Node).value !== 0) return undefined;
  const count = term.left as Node;
  if (count.type !== 'FuncCall' || count.namespace !== 'global' || count.name !== 'count' || (count.args as Node[]).length !== 1) return undefined;
  const inner = (count.args as Node[])[0]!;
  if (inner.type !== 'Filter' || !isLocalPath(inner.base as Node)) return undefined;
  const test = inner.expr as Node;
  const ids = test.right as Node;
  if (test.type !== 'OpCall' || test.op !== 'in' || !ownAttribute(test.left as Node, '_ref') || (ids.type !== 'Parameter' && ids.type !== 'Value'))
    return undefined;
  const key = { type: 'FuncCall', namespace: 'array', name: 'join', args: [ids, { type: 'Value', value: marker }] } as unknown as Node;
  return { kind: 'anyRef', key, exact: false };
}

function lookupOf(term: Node, marker: string): Lookup | undefined {
  const found = termLookup(term, marker);
  return found && { ...found, term };
}

function termLookup(term: Node, marker: string): Lookup | undefined {
  const anyRef = anyRefLookup(term, marker);
  if (anyRef) return anyRef;
  if (term.type === 'FuncCall' && term.namespace === 'global' && term.name === 'references') {
    const args = term.args as Node[];
    return args.length === 1 && isKey(args[0]!) ? { kind: 'ref', key: args[0]!, exact: true } : undefined;
  }
  if (term.type !== 'OpCall') return undefined;
  const [left, right] = [term.left as Node, term.right as Node];
  if (term.op === 'in') {
    if (!isKey(left)) return undefined;
    if (ownAttribute(right, 'previousSlugs')) return { kind: 'previousSlug', key: left, exact: true };
    return isRefPath(right) ? { kind: 'refDeep', key: left, exact: false } : undefined;
  }
  if (term.op !== '==') return undefined;
  for (const [field, key] of [
    [left, right],
    [right, left],
  ] as const) {
    if (!isKey(key)) continue;
    if (ownAttribute(field, '_type')) return { kind: 'type', key, exact: true };
    if (ownAttribute(field, '_id')) return { kind: 'id', key, exact: true };
    if (attribute(field, 'current') && ownAttribute(field.base as Node, 'slug')) return { kind: 'slug', key, exact: true };
  }
  return undefined;
}

function narrowestLookup(terms: Node[], marker: string): Lookup | undefined {
  const found = terms.flatMap((term) => lookupOf(term, marker) ?? []);
  return found.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))[0];
}

/** `coalesce(({}){"docs": {"_ref": marker + kind + ":" + staticId + ":" + key}->docs}, fallback)`; the `({})` scope makes `^` mean what it meant in the filter. */
function indexedBase(lookup: Lookup, staticId: string, marker: string, fallback: Node): Node {
  const ref = { type: 'OpCall', op: '+', left: { type: 'Value', value: `${marker}${lookup.kind}:${staticId}:` }, right: lookup.key };
  const deref = { type: 'Deref', base: { type: 'Object', attributes: [{ type: 'ObjectAttributeValue', name: '_ref', value: ref }] } };
  const docs = { type: 'Projection', base: { type: 'Value', value: {} }, expr: { type: 'AccessAttribute', base: deref, name: 'docs' } };
  return { type: 'FuncCall', namespace: 'global', name: 'coalesce', args: [docs, fallback] } as unknown as Node;
}

const EVERY_DOCUMENT: Lookup = { kind: 'all', key: { type: 'Value', value: '' } as unknown as Node, exact: false };

function narrow(node: unknown, marker: string, statics: Statics): unknown {
  if (Array.isArray(node)) return node.map((child) => narrow(child, marker, statics));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = narrow(child, marker, statics);
  const filter = out as Node;
  if (filter.type === 'Slice') return pushOrderBeforeProjection(filter);
  if (filter.type === 'Filter' && (filter.base as Node).type === 'Everything') {
    const terms = conjuncts(filter.expr as Node);
    const lookup = narrowestLookup(terms, marker);
    const fixed = terms.filter(isStatic);
    const clocks = terms.filter((term) => !isStatic(term) && clockTerm(term));
    const moved = [...fixed, ...clocks];
    if (!lookup && moved.length === 0) return out;
    const test = moved.length ? statics.add({ fixed: fixed.length ? conjunction(fixed) : undefined, clocks: clocks.map((term) => clockTerm(term)!) }) : '-';
    // Without a usable key (not a string), the whole filter runs over every document, as before.
    const fallback = { type: 'Filter', base: { type: 'Everything' }, expr: filter.expr } as unknown as Node;
    const base = indexedBase(lookup ?? EVERY_DOCUMENT, test, marker, fallback);
    const rest = terms.filter((term) => !moved.includes(term) && !(lookup?.exact && term === lookup.term));
    // Nothing left to test: the list is the answer (both sides of the coalesce are arrays).
    if (rest.length === 0) return base;
    filter.base = base;
    filter.expr = conjunction(rest);
  }
  return out;
}

/** Parsed, narrowed trees by query text; a query slicing by parameters (`[$start...$end]`) is kept per parameter set. */
export function createQueryPlanner(marker: string) {
  const cache = new Map<string, ExprNode>();
  const staticTests: ListTest[] = [];
  const staticIds = new Map<string, string>();
  const statics: Statics = {
    add(test) {
      const text = JSON.stringify(test);
      if (!staticIds.has(text)) staticIds.set(text, String(staticTests.push(test) - 1));
      return staticIds.get(text)!;
    },
  };
  function remember(key: string, tree: ExprNode) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, tree);
    return tree;
  }
  return {
    plan(query: string, params: Record<string, unknown>): ExprNode {
      const cached = cache.get(query);
      if (cached) return cached;
      let tree: ExprNode;
      try {
        tree = parse(query);
      } catch (error) {
        // groq-js needs slice bounds as numbers at parse time; other parameters stay parameters.
        if (!(error instanceof Error && error.message.includes('slicing must use constant numbers'))) throw error;
        const key = `${query}\u0000${JSON.stringify(params)}`;
        return cache.get(key) ?? remember(key, narrow(parse(query, { params }), marker, statics) as ExprNode);
      }
      return remember(query, narrow(tree, marker, statics) as ExprNode);
    },
    /** The list test a marker ref names. */
    listTest(id: string): ListTest {
      const test = staticTests[Number(id)];
      if (!test) throw new Error(`No static filter ${id}`);
      return test;
    },
    get size() {
      return cache.size;
    },
  };
}
