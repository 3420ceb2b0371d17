import type { ExprNode } from 'groq-js';
import { isStatic } from './static-filter.ts';

/*
 * `*[…]{card…, "shared": count(tags[…])} | order(shared desc, publishedAt desc) [0...4]`
 * builds a card for every match, then keeps four. When every order key is an attribute
 * the projection copies from the document (a field, or a count over its own fields and
 * parameters), ordering the documents by those expressions first and projecting only the
 * slice gives the same list: the projection maps one to one, and the same stable sort sees
 * the same keys in the same order.
 */

type Node = ExprNode & Record<string, unknown>;

const isThis = (node: Node | undefined) => node === undefined || node.type === 'This';

/** A value computed from the document alone (and parameters): a field path, or a count over it. */
function isOwnValue(node: Node): boolean {
  if (node.type === 'AccessAttribute') return isThis(node.base as Node | undefined) || isOwnValue(node.base as Node);
  if (node.type === 'FuncCall' && node.namespace === 'global' && node.name === 'count') {
    return (node.args as Node[]).length === 1 && isLocal((node.args as Node[])[0]!);
  }
  return false;
}

/** Static, or static but for parameters: no `^`, no other documents, no clock. */
function isLocal(node: Node): boolean {
  if (node.type === 'Parameter') return true;
  if (node.type === 'OpCall') return isLocal(node.left as Node) && isLocal(node.right as Node);
  if (node.type === 'Filter' || node.type === 'Map') return isLocal(node.base as Node) && isLocal(node.expr as Node);
  if (node.type === 'ArrayCoerce' || node.type === 'Group' || node.type === 'Not') return isLocal(node.base as Node);
  if (node.type === 'AccessAttribute') return node.base === undefined || isLocal(node.base as Node);
  return isStatic(node);
}

/** The expression a projected attribute copies, when it is the object's only way to set that name. */
function attributeSource(object: Node, name: string): Node | undefined {
  const attributes = object.attributes as Record<string, unknown>[];
  if (attributes.some((attribute) => attribute.type !== 'ObjectAttributeValue')) return undefined;
  const named = attributes.filter((attribute) => attribute.name === name);
  return named.length === 1 ? (named[0]!.value as Node) : undefined;
}

function orderKey(arg: Node, object: Node): Node | undefined {
  const direction = arg.type === 'Asc' || arg.type === 'Desc' ? arg : undefined;
  const key = (direction?.base ?? arg) as Node;
  if (key.type !== 'AccessAttribute' || !isThis(key.base as Node | undefined)) return undefined;
  const source = attributeSource(object, key.name as string);
  if (!source || !isOwnValue(source)) return undefined;
  return (direction ? { ...direction, base: source } : source) as Node;
}

/** `Slice(order(Map(base, {…}), keys))` → `Map(Slice(order(base, keys over the document)), {…})`, when that is safe. */
export function pushOrderBeforeProjection(node: Node): Node {
  if (node.type !== 'Slice') return node;
  const order = node.base as Node;
  if (order.type !== 'PipeFuncCall' || order.name !== 'order') return node;
  const map = order.base as Node;
  const projection = map.expr as Node | undefined;
  if (map.type !== 'Map' || projection?.type !== 'Projection' || !isThis(projection.base as Node) || (projection.expr as Node).type !== 'Object') return node;
  const keys = (order.args as Node[]).map((arg) => orderKey(arg, projection.expr as Node));
  if (keys.length === 0 || keys.some((key) => key === undefined)) return node;
  return { ...map, base: { ...node, base: { ...order, base: map.base, args: keys } } } as Node;
}
