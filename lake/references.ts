import { isPublishedId, publishedIdOf } from '../lib/content/perspective.ts';
import type { Staging } from './store.ts';
import { LakeError, type LakeDocument } from './types.ts';

/** Every strong reference in a value: `{_ref}` without `_weak: true`, at any depth. */
export function strongReferences(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) strongReferences(item, out);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record._ref === 'string' && record._weak !== true) out.add(record._ref);
    for (const [key, child] of Object.entries(record)) if (key !== '_ref') strongReferences(child, out);
  }
  return out;
}

/**
 * Sanity's referential integrity: a published document that another document strongly refers
 * to cannot go (delete, unpublish) while that reference stays. Checked on the state a transaction
 * leaves, so one transaction may remove a referrer and what it refers to together. A document's
 * own drafts and versions do not count as referrers.
 */
export function assertNothingRefersTo(staging: Staging, removed: string[]): void {
  const gone = new Set(removed.filter((id) => isPublishedId(id) && !staging.get(id)));
  if (gone.size === 0) return;
  const referrers = new Map<string, string[]>();
  for (const doc of staging.documents()) {
    for (const ref of strongReferences(doc)) {
      if (gone.has(ref) && publishedIdOf(doc._id) !== ref) referrers.set(ref, [...(referrers.get(ref) ?? []), doc._id]);
    }
  }
  if (referrers.size === 0) return;
  const [id, by] = [...referrers.entries()][0]!;
  throw new LakeError(409, `Document "${id}" cannot be deleted as there are references to it from "${by.join('", "')}"`, 'documentHasExistingReferencesError', {
    referencingIDs: by,
    documentId: id,
  });
}

/**
 * On publish, a reference the Studio made weak (its target was unpublished) becomes strong,
 * unless its field is weak by schema (`_strengthenOnPublish.weak`): that one only loses the
 * marker, as the Studio's own publish does.
 */
export function strengthenOnPublish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strengthenOnPublish);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const marker = record._strengthenOnPublish;
  const strengthen = typeof record._ref === 'string' && marker !== undefined;
  const staysWeak = typeof marker === 'object' && marker !== null && (marker as { weak?: unknown }).weak === true;
  for (const [key, child] of Object.entries(record)) {
    if (strengthen && (key === '_strengthenOnPublish' || (key === '_weak' && !staysWeak))) continue;
    out[key] = strengthenOnPublish(child);
  }
  return out;
}

/** Strong references of a document about to be published must point at published documents. */
export function assertReferencesExist(staging: Staging, doc: LakeDocument): void {
  const missing = [...strongReferences(doc)].filter((ref) => !staging.get(ref));
  if (missing.length > 0) {
    throw new LakeError(409, `Document "${doc._id}" references non-existent document "${missing[0]}"`, 'documentReferenceError', { missingIDs: missing });
  }
}
