import { applyPatch, checkDocumentId } from './mutations.ts';
import { assertNothingRefersTo, assertReferencesExist, strengthenOnPublish } from './references.ts';
import type { Staging } from './store.ts';
import { LakeError, type LakeDocument } from './types.ts';

/*
 * Sanity's Actions API (`/data/actions`), which the Studio edits, publishes, unpublishes,
 * deletes and discards through. All actions of one request are one transaction.
 */

type Action = Record<string, unknown> & { actionType?: unknown };

const str = (action: Action, field: string): string => checkDocumentId(action[field], `${String(action.actionType)}.${field}`);

function requireDoc(staging: Staging, id: string, what: string): LakeDocument {
  const doc = staging.get(id);
  if (!doc) throw new LakeError(409, `${what}: document "${id}" does not exist`, 'documentNotFoundError');
  return doc;
}

function checkRevision(doc: LakeDocument | undefined, expected: unknown, what: string): void {
  if (typeof expected === 'string' && doc?._rev !== expected) {
    throw new LakeError(409, `${what}: revision "${doc?._rev ?? 'none'}" is not the expected "${expected}"`, 'conflictError');
  }
}

function attributes(value: unknown, id: string, what: string): LakeDocument {
  if (typeof value !== 'object' || value === null) throw new LakeError(400, `${what}: attributes must be an object`);
  const doc = value as LakeDocument;
  if (typeof doc._type !== 'string') throw new LakeError(400, `${what}: the document needs a string _type`);
  const { _rev: _ignored, ...rest } = doc;
  void _ignored;
  return { ...rest, _id: id };
}

export function applyAction(staging: Staging, action: Action, removed: string[]): void {
  const type = String(action.actionType);
  switch (type) {
    case 'sanity.action.document.create': {
      const doc = action.attributes as LakeDocument | undefined;
      const id = checkDocumentId(doc?._id, 'create.attributes._id');
      if (staging.get(id)) {
        if (action.ifExists === 'ignore') return;
        throw new LakeError(409, `create: document "${id}" already exists`, 'documentAlreadyExistsError');
      }
      staging.put(attributes(doc, id, 'create'));
      return;
    }
    case 'sanity.action.document.edit': {
      const draftId = str(action, 'draftId');
      const publishedId = str(action, 'publishedId');
      const base = staging.get(draftId) ?? withId(staging.get(publishedId), draftId);
      if (!base) throw new LakeError(409, `edit: neither "${draftId}" nor "${publishedId}" exists`, 'documentNotFoundError');
      if (typeof action.patch !== 'object' || action.patch === null) throw new LakeError(400, 'edit: the action needs a patch');
      staging.put(applyPatch(base, action.patch as Record<string, unknown>, staging));
      return;
    }
    case 'sanity.action.document.publish': {
      const draftId = str(action, 'draftId');
      const publishedId = str(action, 'publishedId');
      const draft = requireDoc(staging, draftId, 'publish');
      checkRevision(draft, action.ifDraftRevisionId, 'publish');
      const published = staging.get(publishedId);
      checkRevision(published, action.ifPublishedRevisionId, 'publish');
      const next = strengthenOnPublish({ ...draft, _id: publishedId, _createdAt: published?._createdAt ?? draft._createdAt }) as LakeDocument;
      assertReferencesExist(staging, next);
      staging.put(next);
      staging.remove(draftId);
      return;
    }
    case 'sanity.action.document.unpublish': {
      const draftId = str(action, 'draftId');
      const publishedId = str(action, 'publishedId');
      const published = requireDoc(staging, publishedId, 'unpublish');
      if (!staging.get(draftId)) staging.put({ ...published, _id: draftId });
      staging.remove(publishedId);
      removed.push(publishedId);
      return;
    }
    case 'sanity.action.document.delete': {
      const publishedId = str(action, 'publishedId');
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts.map((id) => checkDocumentId(id, 'delete.includeDrafts')) : [];
      const draftId = `drafts.${publishedId}`;
      if (staging.get(draftId) && !drafts.includes(draftId)) {
        throw new LakeError(409, `delete: the draft "${draftId}" exists and is not listed in includeDrafts`, 'conflictError');
      }
      requireDoc(staging, publishedId, 'delete');
      for (const id of [publishedId, ...drafts]) staging.remove(id);
      removed.push(publishedId);
      return;
    }
    case 'sanity.action.document.version.discard':
    case 'sanity.action.document.discard': {
      const id = action.versionId !== undefined ? str(action, 'versionId') : str(action, 'draftId');
      if (id === id.replace(/^(drafts|versions\.[^.]+)\./, '')) throw new LakeError(400, `discard: "${id}" is not a draft or version id`);
      requireDoc(staging, id, 'discard');
      staging.remove(id);
      return;
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = str(action, 'publishedId');
      staging.put(attributes(action.attributes, `drafts.${publishedId}`, 'replaceDraft'));
      return;
    }
    case 'sanity.action.document.version.create': {
      const doc = action.document as LakeDocument | undefined;
      if (doc) {
        const id = checkDocumentId(doc._id, 'version.create.document._id');
        if (staging.get(id)) throw new LakeError(409, `version.create: "${id}" already exists`, 'documentAlreadyExistsError');
        staging.put(attributes(doc, id, 'version.create'));
        return;
      }
      const base = requireDoc(staging, str(action, 'baseId'), 'version.create');
      checkRevision(base, action.ifBaseRevisionId, 'version.create');
      staging.put({ ...base, _id: str(action, 'versionId') });
      return;
    }
    case 'sanity.action.document.version.replace': {
      const doc = action.document as LakeDocument | undefined;
      const id = checkDocumentId(doc?._id, 'version.replace.document._id');
      requireDoc(staging, id, 'version.replace');
      staging.put(attributes(doc, id, 'version.replace'));
      return;
    }
    default:
      throw new LakeError(400, `The action "${type}" is not supported by the local Content Lake`);
  }
}

function withId(doc: LakeDocument | undefined, id: string): LakeDocument | undefined {
  return doc ? { ...doc, _id: id } : undefined;
}

/** All actions of a request, then the integrity check on what they leave. */
export function applyActions(staging: Staging, actions: unknown): void {
  if (!Array.isArray(actions) || actions.length === 0) throw new LakeError(400, 'The request needs a non-empty "actions" array');
  const removed: string[] = [];
  for (const action of actions) {
    if (typeof action !== 'object' || action === null) throw new LakeError(400, 'Each action must be an object');
    applyAction(staging, action as Action, removed);
  }
  assertNothingRefersTo(staging, removed);
}
