import { describe, expect, it } from 'vitest';
import { fromCacheJson, toCacheJson } from '../../lib/cache-handlers/serialize.ts';
import { tagUpdate, verdictFor } from '../../lib/cache-handlers/tag-store.ts';

describe('cache values survive the trip through Redis', () => {
  it('keeps a page entry’s RSC Buffer and its segment Map usable for client navigation', () => {
    const page = {
      kind: 'APP_PAGE',
      html: '<h1>Headline</h1>',
      rscData: Buffer.from('0:["$","h1",null,{"children":"Headline"}]'),
      segmentData: new Map([
        ['/_tree', Buffer.from('tree')],
        ['/_full', Buffer.from([0, 255, 1])],
      ]),
      headers: { 'x-next-cache-tags': 'doc:article-a,list:article' },
      status: 200,
    };
    const back = fromCacheJson<typeof page>(toCacheJson({ value: page }).toString()) as unknown as { value: typeof page };
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect(back.value.rscData.toString()).toBe(page.rscData.toString());
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get('/_full')).toEqual(Buffer.from([0, 255, 1]));
    expect(back.value.headers).toEqual(page.headers);
  });

  it('leaves ordinary objects that look nothing like Buffers alone', () => {
    const value = { type: 'Buffer', data: [1, 2], nested: { list: [1, 'two', null] } };
    expect(fromCacheJson(toCacheJson(value))).toEqual(value);
  });
});

describe('tag invalidations decide what an instance may still serve', () => {
  const made = 1_000;
  it('expires entries made before a webhook’s expire-now, not those made after', () => {
    const webhook = tagUpdate(2_000, { expire: 0 });
    expect(verdictFor([webhook], made, 3_000)).toBe('expired');
    expect(verdictFor([webhook], 2_500, 3_000)).toBe('fresh');
  });

  it('serves a stale entry once more while a scheduled expiry is still ahead', () => {
    const later = tagUpdate(2_000, { expire: 60 });
    expect(verdictFor([later], made, 3_000)).toBe('stale');
    expect(verdictFor([later], made, 2_000 + 61_000)).toBe('expired');
  });

  it('expires at once when no durations are given (updateTag, revalidatePath)', () => {
    expect(tagUpdate(5, undefined)).toEqual({ expired: 5 });
    expect(verdictFor([{}, { expired: 2_000 }], made, 2_000)).toBe('expired');
  });
});
