import { parse, type ExprNode } from 'groq-js';
import type { IndexKind } from './dataset-index.ts';

/*
 * Each query text is parsed once, and every `*[filter]` whose filter is a chain of `&&`
 * naming an id, slug, previous slug, reference or `_type` reads from an index instead
 * of the whole dataset. groq-js has no hook for that, but it has `dereference`: the
 * scan's base becomes `coalesce({"_ref": <marker> + key}->docs, *)`, and the source's
 * dereference answers a marker ref with the index's list. The filter itself still runs
 * over that list, so results are those of the full scan; a key that is not a string
 * makes the `+` null and the query falls back to `*`.
 */

type Node = ExprNode & Record<string, unknown>;
type Lookup = { kind: IndexKind; key: Node };

// Sanity's own ids never hold NUL; the random part keeps a hostile `_ref` from guessing one.
export const newIndexMarker = () => `\u0000index-${crypto.randomUUID()}:`;

// Narrowest first: an id names one document, a type names thousands.
const PRIORITY: IndexKind[] = ['id', 'slug', 'previousSlug', 'ref', 'type'];
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

function lookupOf(term: Node): Lookup | undefined {
  if (term.type === 'FuncCall' && term.namespace === 'global' && term.name === 'references') {
    const args = term.args as Node[];
    return args.length === 1 && isKey(args[0]!) ? { kind: 'ref', key: args[0]! } : undefined;
  }
  if (term.type !== 'OpCall') return undefined;
  const [left, right] = [term.left as Node, term.right as Node];
  if (term.op === 'in') {
    if (!isKey(left)) return undefined;
    if (ownAttribute(right, 'previousSlugs')) return { kind: 'previousSlug', key: left };
    return isRefPath(right) ? { kind: 'ref', key: left } : undefined;
  }
  if (term.op !== '==') return undefined;
  for (const [field, key] of [
    [left, right],
    [right, left],
  ] as const) {
    if (!isKey(key)) continue;
    if (ownAttribute(field, '_type')) return { kind: 'type', key };
    if (ownAttribute(field, '_id')) return { kind: 'id', key };
    if (attribute(field, 'current') && ownAttribute(field.base as Node, 'slug')) return { kind: 'slug', key };
  }
  return undefined;
}

function conjuncts(expr: Node): Node[] {
  if (expr.type === 'And') return [...conjuncts(expr.left as Node), ...conjuncts(expr.right as Node)];
  if (expr.type === 'Group') return conjuncts(expr.base as Node);
  return [expr];
}

function narrowestLookup(expr: Node): Lookup | undefined {
  const found = conjuncts(expr).flatMap((term) => lookupOf(term) ?? []);
  return found.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))[0];
}

/** `coalesce(({}){"docs": {"_ref": marker + kind + ":" + key}->docs}, *)`; the `({})` scope makes `^` mean what it meant in the filter. */
function indexedBase(lookup: Lookup, marker: string): Node {
  const ref = { type: 'OpCall', op: '+', left: { type: 'Value', value: `${marker}${lookup.kind}:` }, right: lookup.key };
  const deref = { type: 'Deref', base: { type: 'Object', attributes: [{ type: 'ObjectAttributeValue', name: '_ref', value: ref }] } };
  const docs = { type: 'Projection', base: { type: 'Value', value: {} }, expr: { type: 'AccessAttribute', base: deref, name: 'docs' } };
  return { type: 'FuncCall', namespace: 'global', name: 'coalesce', args: [docs, { type: 'Everything' }] } as unknown as Node;
}

function narrow(node: unknown, marker: string): unknown {
  if (Array.isArray(node)) return node.map((child) => narrow(child, marker));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) out[key] = narrow(child, marker);
  const filter = out as Node;
  if (filter.type === 'Filter' && (filter.base as Node).type === 'Everything') {
    const lookup = narrowestLookup(filter.expr as Node);
    if (lookup) filter.base = indexedBase(lookup, marker);
  }
  return out;
}

/** Parsed, narrowed trees by query text; a query slicing by parameters (`[$start...$end]`) is kept per parameter set. */
export function createQueryPlanner(marker: string) {
  const cache = new Map<string, ExprNode>();
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
        return cache.get(key) ?? remember(key, narrow(parse(query, { params }), marker) as ExprNode);
      }
      return remember(query, narrow(tree, marker) as ExprNode);
    },
    get size() {
      return cache.size;
    },
  };
}
