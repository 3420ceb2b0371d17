import { isPublishedId, publishedIdOf } from '../lib/content/perspective.ts';
import { LakeError, type LakeDocument } from './types.ts';

/*
 * Sanity's perspectives, laid over the raw documents the way the Content Lake does: `raw` is
 * everything, `published` hides drafts and versions, `drafts` (and `previewDrafts`) lays each
 * draft over its published document with `_id` the published id and `_originalId` the draft's,
 * and a stack (`rSummer,drafts`) lays release versions over drafts, the first name on top.
 */

export type PerspectiveName = string;

/** Sanity's default is `published` from API version 2025-02-19 on, `raw` before. */
export function defaultPerspective(apiVersion: string): PerspectiveName {
  return apiVersion === 'X' || (apiVersion !== '1' && apiVersion >= '2025-02-19') ? 'published' : 'raw';
}

function layers(perspective: string): string[] {
  const names = perspective
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new LakeError(400, 'Empty perspective');
  return names.map((name) => (name === 'previewDrafts' ? 'drafts' : name));
}

export function documentsInPerspective(all: Iterable<LakeDocument>, perspective: PerspectiveName): LakeDocument[] {
  if (perspective === 'raw') return [...all];
  const stack = layers(perspective).filter((name) => name !== 'published');
  const published: LakeDocument[] = [];
  const overlays = new Map<string, Map<string, LakeDocument>>(stack.map((name) => [name, new Map()]));
  for (const doc of all) {
    if (isPublishedId(doc._id)) published.push(doc);
    else if (doc._id.startsWith('drafts.')) overlays.get('drafts')?.set(publishedIdOf(doc._id), doc);
    else overlays.get(doc._id.split('.')[1] ?? '')?.set(publishedIdOf(doc._id), doc);
  }
  if (stack.length === 0) return published;
  const topOf = (id: string): LakeDocument | undefined => {
    for (const name of stack) {
      const hit = overlays.get(name)?.get(id);
      if (hit) return hit;
    }
    return undefined;
  };
  const out: LakeDocument[] = [];
  const seen = new Set<string>();
  for (const doc of published) {
    seen.add(doc._id);
    const top = topOf(doc._id);
    out.push(top ? { ...top, _id: doc._id, _originalId: top._id } : doc);
  }
  for (const layer of overlays.values()) {
    for (const [id] of layer) {
      if (seen.has(id)) continue;
      seen.add(id);
      const top = topOf(id)!;
      out.push({ ...top, _id: id, _originalId: top._id });
    }
  }
  return out;
}
