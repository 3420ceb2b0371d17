import { describe, expect, it } from 'vitest';
import { applyPatch, incremental } from 'mendoza';
import { effectsOf } from '@/lake/mendoza.ts';
import type { LakeDocument } from '@/lake/types.ts';

const base: LakeDocument = {
  _id: 'drafts.a',
  _type: 'article',
  _rev: 'tx1',
  _updatedAt: '2026-01-01T00:00:00.000Z',
  title: 'Old title',
  kicker: 'Breaking',
  tags: ['a', 'b'],
  body: [{ _key: 'k1', _type: 'block', children: [{ _key: 's1', _type: 'span', text: 'Hello' }] }],
  seo: { description: 'first', noindex: false },
};

const edited: LakeDocument = {
  _id: 'drafts.a',
  _type: 'article',
  _rev: 'tx2',
  _updatedAt: '2026-01-01T00:01:00.000Z',
  title: 'New title',
  tags: ['a', 'b', 'c'],
  body: [{ _key: 'k1', _type: 'block', children: [{ _key: 's1', _type: 'span', text: 'Hello world' }] }],
  seo: { description: 'first', noindex: true },
  slug: { _type: 'slug', current: 'new-title' },
};

function stripRev(doc: LakeDocument | null): Record<string, unknown> | null {
  if (!doc) return null;
  const copy: Record<string, unknown> = { ...doc };
  delete copy._rev;
  return copy;
}

/** What the Studio does: strip `_rev`, then apply. */
function roundTrip(before: LakeDocument | null, after: LakeDocument | null) {
  const { apply, revert } = effectsOf(before, after);
  return {
    forward: applyPatch(stripRev(before), apply),
    backward: applyPatch(stripRev(after), revert),
    apply,
    revert,
  };
}

describe('effectsOf: mendoza effects the Studio can apply and revert', () => {
  it('a create is the whole new document, reverted to nothing', () => {
    const { forward, backward, apply, revert } = roundTrip(null, base);
    expect(apply).toEqual([0, stripRev(base)]);
    expect(revert).toEqual([0, null]);
    expect(forward).toEqual(stripRev(base));
    expect(backward).toBeNull();
  });

  it('a delete is `[0, null]` (how the Studio recognises one), reverted to the old document', () => {
    const { forward, backward, apply } = roundTrip(base, null);
    expect(apply).toEqual([0, null]);
    expect(forward).toBeNull();
    expect(backward).toEqual(stripRev(base));
  });

  it('an update with changed, added, removed, nested and array fields round-trips both ways', () => {
    const { forward, backward } = roundTrip(base, edited);
    expect(forward).toEqual(stripRev(edited));
    expect(backward).toEqual(stripRev(base));
  });

  it('an update sends only the top-level fields that changed, and never `_rev`', () => {
    const { apply, revert } = effectsOf(base, edited);
    // Sorted keys of the old document: _id _type _updatedAt body kicker seo tags title → kicker is 4.
    expect(apply).toEqual([
      19,
      4,
      17,
      edited._updatedAt,
      '_updatedAt',
      17,
      edited.title,
      'title',
      17,
      edited.tags,
      'tags',
      17,
      edited.body,
      'body',
      17,
      edited.seo,
      'seo',
      17,
      edited.slug,
      'slug',
    ]);
    expect(JSON.stringify([apply, revert])).not.toContain('tx');
  });

  it('removes several keys by their sorted index, whatever order the document lists them in', () => {
    const before: LakeDocument = { zeta: 1, _type: 't', alpha: 2, _id: 'x', mid: 3, omega: 4 };
    const after: LakeDocument = { _id: 'x', _type: 't', mid: 3 };
    const { forward, backward, apply } = roundTrip(before, after);
    expect(apply).toEqual([19, 2, 19, 4, 19, 5]);
    expect(forward).toEqual(after);
    expect(backward).toEqual(before);
  });

  it('an unchanged document (apart from `_rev`) gives empty patches that leave it as it is', () => {
    const { forward, apply, revert } = roundTrip(base, { ...base, _rev: 'tx9' });
    expect(apply).toEqual([]);
    expect(revert).toEqual([]);
    expect(forward).toEqual(stripRev(base));
  });

  it('the incremental patcher (the history view) accepts a create, edits and a delete in sequence', () => {
    const steps: Array<[LakeDocument | null, LakeDocument | null]> = [
      [null, base],
      [base, edited],
      [edited, base],
      [base, null],
    ];
    let value = incremental.wrap<string>(null, 'tx0');
    const seen: unknown[] = [];
    steps.forEach(([before, after], index) => {
      value = incremental.applyPatch(value, effectsOf(before, after).apply, `tx${index + 1}`);
      seen.push(incremental.unwrap(value));
    });
    expect(seen).toEqual([stripRev(base), stripRev(edited), stripRev(base), null]);
  });
});
