import type { LakeDocument } from './types.ts';

/**
 * A mendoza encoder just good enough for the effects Sanity's listener and history send: the npm
 * `mendoza` package only applies patches, and the Studio needs `apply` and `revert` on every
 * mutation event (the preview store throws without them) and on every history transaction.
 *
 * Opcodes are indexes into `OPS` in node_modules/mendoza/src/internal-patcher.ts:
 * 0 = Value (the whole result), 17 = ObjectSetFieldValue (`17, value, key`),
 * 19 = ObjectDeleteField (`19, i`, i = the key's position in the input object's keys sorted with
 * JS's default sort, which is how the patcher resolves it).
 */

export type MendozaPatch = unknown[];
export type Effects = { apply: MendozaPatch; revert: MendozaPatch };

/** The effects of one document going from `before` to `after` (null = absent), `_rev` ignored. */
export function effectsOf(before: LakeDocument | null, after: LakeDocument | null): Effects {
  // The Studio strips `_rev` from its copy before applying an effect (datastores ~883–887), so a
  // patch that touched `_rev` would make its copy differ from ours.
  const left = before && withoutRev(before);
  const right = after && withoutRev(after);
  // Whole-value patches on appear/disappear; the Studio recognises a delete by `[0, null]`.
  if (!left || !right) return { apply: [0, right], revert: [0, left] };
  return { apply: objectDiff(left, right), revert: objectDiff(right, left) };
}

/** Top-level only: a changed field is sent whole, which is what the history view attributes per field. */
function objectDiff(from: Record<string, unknown>, to: Record<string, unknown>): MendozaPatch {
  const patch: MendozaPatch = [];
  const fromKeys = presentKeys(from).sort();
  fromKeys.forEach((key, index) => {
    if (!has(to, key)) patch.push(19, index);
  });
  for (const key of presentKeys(to)) {
    if (!has(from, key) || !deepEqual(from[key], to[key])) patch.push(17, to[key], key);
  }
  return patch;
}

function withoutRev(doc: LakeDocument): Record<string, unknown> {
  const { _rev, ...rest } = doc;
  void _rev;
  return rest;
}

/** Keys the JSON form keeps: the Studio's copy came over the wire, so `undefined` fields do not exist there. */
function presentKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

function has(value: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(value, key) && value[key] !== undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = presentKeys(left);
  if (keys.length !== presentKeys(right).length) return false;
  return keys.every((key) => has(right, key) && deepEqual(left[key], right[key]));
}
