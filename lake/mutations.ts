import { Mutation } from '@sanity/mutator';
import { uuid } from '@sanity/uuid';
import type { Staging } from './store.ts';
import { LakeError, type LakeDocument } from './types.ts';

/*
 * Sanity's mutation language (`/data/mutate`), applied inside one transaction. Patches go
 * through @sanity/mutator, the engine the Studio itself applies them with, so the lake and an
 * editor's browser can never disagree about what a patch does. What this engine does not check
 * (ids, revisions, existence) is checked here, before anything is staged.
 */

const ID = /^[a-zA-Z0-9_][a-zA-Z0-9._-]*$/;
const PATCH_OPERATIONS = new Set(['set', 'unset', 'setIfMissing', 'insert', 'inc', 'dec', 'diffMatchPatch', 'ifRevisionID', 'id', 'merge']);

export type MutationResult = { id: string; operation: 'create' | 'update' | 'delete' | 'none'; document?: LakeDocument };

export function checkDocumentId(id: unknown, where: string): string {
  if (typeof id !== 'string' || !ID.test(id) || id.length > 128) {
    throw new LakeError(400, `${where}: "${String(id)}" is not a valid document id (letters, digits, ".", "_", "-"; at most 128 characters)`);
  }
  return id;
}

function checkDocument(value: unknown, where: string): LakeDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LakeError(400, `${where}: the document must be an object`);
  const doc = value as Record<string, unknown>;
  if (typeof doc._type !== 'string' || doc._type === '') throw new LakeError(400, `${where}: the document needs a string _type`);
  const id = doc._id === undefined ? uuid() : checkDocumentId(doc._id, where);
  const { _rev: _ignoredRev, _updatedAt: _ignoredUpdated, ...rest } = doc;
  void _ignoredRev;
  void _ignoredUpdated;
  return { ...rest, _id: id, _type: doc._type };
}

/** Applies a patch the way the Studio would; 400 with the reason when the patch is malformed. */
export function applyPatch(doc: LakeDocument, patch: Record<string, unknown>, staging: Staging): LakeDocument {
  const unknown = Object.keys(patch).filter((key) => !PATCH_OPERATIONS.has(key));
  if (unknown.length > 0) throw new LakeError(400, `Unknown patch operation(s): ${unknown.join(', ')}`);
  if ('merge' in patch) throw new LakeError(400, 'The "merge" patch is not supported by the local Content Lake');
  let result: LakeDocument | null;
  try {
    result = new Mutation({
      mutations: [{ patch: { ...patch, id: doc._id } as never }],
      resultRev: staging.transactionId,
      timestamp: staging.timestamp,
    }).apply(doc) as LakeDocument | null;
  } catch (error) {
    throw new LakeError(400, `The patch on "${doc._id}" cannot be applied: ${(error as Error).message}`);
  }
  if (!result || result._id !== doc._id || typeof result._type !== 'string') {
    throw new LakeError(400, `The patch on "${doc._id}" would remove its _id or _type`);
  }
  return result;
}

function patchExisting(staging: Staging, patch: Record<string, unknown>): MutationResult {
  const id = checkDocumentId(patch.id, 'patch');
  if ('query' in patch) throw new LakeError(400, 'Patches by query are not supported by the local Content Lake');
  const current = staging.get(id);
  if (!current) throw new LakeError(404, `Document "${id}" not found`, 'documentNotFoundError');
  if (typeof patch.ifRevisionID === 'string' && patch.ifRevisionID !== current._rev) {
    throw new LakeError(409, `Document "${id}" has unexpected revision ID ("${current._rev}"), expected "${patch.ifRevisionID}"`, 'conflictError');
  }
  const { ifRevisionID: _ignored, ...operations } = patch;
  void _ignored;
  return { id, operation: 'update', document: staging.put(applyPatch(current, operations, staging)) };
}

/** One mutation of `/data/mutate`, staged. */
export function applyMutation(staging: Staging, mutation: unknown): MutationResult {
  if (typeof mutation !== 'object' || mutation === null) throw new LakeError(400, 'A mutation must be an object');
  const entries = Object.entries(mutation as Record<string, unknown>);
  if (entries.length !== 1) throw new LakeError(400, 'A mutation must have exactly one operation');
  const [kind, body] = entries[0]!;
  switch (kind) {
    case 'create': {
      const doc = checkDocument(body, 'create');
      if (staging.get(doc._id)) throw new LakeError(409, `Document by ID "${doc._id}" already exists`, 'conflictError');
      return { id: doc._id, operation: 'create', document: staging.put(doc) };
    }
    case 'createIfNotExists': {
      const doc = checkDocument(body, 'createIfNotExists');
      if (staging.get(doc._id)) return { id: doc._id, operation: 'none' };
      return { id: doc._id, operation: 'create', document: staging.put(doc) };
    }
    case 'createOrReplace': {
      const doc = checkDocument(body, 'createOrReplace');
      const existed = staging.get(doc._id) !== undefined;
      return { id: doc._id, operation: existed ? 'update' : 'create', document: staging.put(doc) };
    }
    case 'delete': {
      const target = body as { id?: unknown; query?: unknown } | null;
      if (target && 'query' in target) throw new LakeError(400, 'Deletes by query are not supported by the local Content Lake');
      const id = checkDocumentId(target?.id, 'delete');
      if (!staging.get(id)) return { id, operation: 'none' };
      staging.remove(id);
      return { id, operation: 'delete' };
    }
    case 'patch':
      if (typeof body !== 'object' || body === null) throw new LakeError(400, 'A patch must be an object');
      return patchExisting(staging, body as Record<string, unknown>);
    default:
      throw new LakeError(400, `Unknown mutation type "${kind}"`);
  }
}
