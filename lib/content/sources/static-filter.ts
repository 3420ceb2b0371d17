import type { ExprNode } from 'groq-js';

/*
 * Which parts of a filter give the same answer for a document every time the same
 * file is read: no parameter, no `now()`, no enclosing scope, no other document.
 * `_type == "article" && !(_id in path("drafts.**")) && defined(slug.current)` is;
 * `dateTime(publishedAt) <= dateTime(now())` and `_id != $id` are not. The static
 * part is evaluated once per document and file version (indexed-query.ts). A clock
 * term (a static value against `dateTime(now())`) keeps its static side that way too,
 * and only the comparison with the query's timestamp runs per query.
 */

type Node = ExprNode & Record<string, unknown>;

const STATIC_FUNCTIONS = new Set(['defined', 'path', 'dateTime', 'count', 'length', 'lower', 'upper', 'string', 'coalesce', 'references', 'round']);
const STRUCTURAL = new Set([
  'This',
  'Value',
  'AccessAttribute',
  'AccessElement',
  'Slice',
  'Group',
  'Not',
  'Neg',
  'Pos',
  'And',
  'Or',
  'OpCall',
  'ArrayCoerce',
  'Map',
  'FlatMap',
  'Filter',
  'Projection',
  'InRange',
]);
const CHILD_KEYS = ['base', 'left', 'right', 'expr'] as const;

export function isStatic(node: Node): boolean {
  if (node.type === 'FuncCall') {
    return node.namespace === 'global' && STATIC_FUNCTIONS.has(node.name as string) && (node.args as Node[]).every(isStatic);
  }
  if (!STRUCTURAL.has(node.type)) return false;
  return CHILD_KEYS.every((key) => node[key] === undefined || isStatic(node[key] as Node));
}

export type Comparison = '<' | '<=' | '>' | '>=';
/** `operand <op> dateTime(now())`, whichever side `now` was written on. */
export type ClockTerm = { operand: ExprNode; op: Comparison };

const FLIPPED: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const isComparison = (op: unknown): op is Comparison => op === '<' || op === '<=' || op === '>' || op === '>=';

function isDateTimeNow(node: Node): boolean {
  const args = node.args as Node[] | undefined;
  return (
    node.type === 'FuncCall' &&
    node.namespace === 'global' &&
    node.name === 'dateTime' &&
    args?.length === 1 &&
    args[0]!.type === 'FuncCall' &&
    args[0]!.namespace === 'global' &&
    args[0]!.name === 'now' &&
    (args[0]!.args as Node[]).length === 0
  );
}

export function clockTerm(node: Node): ClockTerm | undefined {
  if (node.type !== 'OpCall' || !isComparison(node.op)) return undefined;
  const [left, right] = [node.left as Node, node.right as Node];
  if (isDateTimeNow(right) && isStatic(left)) return { operand: left, op: node.op };
  if (isDateTimeNow(left) && isStatic(right)) return { operand: right, op: FLIPPED[node.op] };
  return undefined;
}

/** Whether `operand <op> now` holds, as groq-js compares: only two datetimes compare. */
export function clockHolds(operandMs: number, op: Comparison, nowMs: number): boolean {
  const difference = operandMs - nowMs;
  return op === '<' ? difference < 0 : op === '<=' ? difference <= 0 : op === '>' ? difference > 0 : difference >= 0;
}

export function conjuncts(expr: Node): Node[] {
  if (expr.type === 'And') return [...conjuncts(expr.left as Node), ...conjuncts(expr.right as Node)];
  if (expr.type === 'Group') return conjuncts(expr.base as Node);
  return [expr];
}

/** `a && b && c` from its terms; a filter of no terms keeps everything. */
export function conjunction(terms: Node[]): Node {
  if (terms.length === 0) return { type: 'Value', value: true } as unknown as Node;
  return terms.reduce((left, right) => ({ type: 'And', left, right }) as unknown as Node);
}
