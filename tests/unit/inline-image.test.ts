import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { INLINE_WIDTH, inlineMediaImage } from '@/lib/images/inline-image';
import { leadImageCard } from '@/lib/images/lead';
import { withInlineLead } from '@/lib/content/lead-image';
import type { ArticleCard } from '@/lib/content/shapes';

/*
 * The lead image inside the page (docs/decisions/0009-readers-on-a-phone.md): a phone-width AVIF as a data: URL when it is
 * small, nothing when it is not, and never a file from outside the dataset's images.
 */

const folders = { imagesFolder: join(import.meta.dirname, '../../sanity/sample-dataset/images'), cacheDir: mkdtempSync(join(tmpdir(), 'inline-image-')) };
const IMAGE = '/media/e739f6e8fbd8fd174347077c79db0a24c385b0a7-1200x675.png';

describe('inlineMediaImage', () => {
  it('puts a small picture in the page as a phone-width AVIF', async () => {
    const url = await inlineMediaImage(IMAGE, folders);
    expect(url).toMatch(/^data:image\/avif;base64,[A-Za-z0-9+/=]+$/);
    const body = Buffer.from(url!.split(',')[1]!, 'base64');
    const { format, width } = await sharp(body).metadata();
    expect(format).toBe('heif');
    expect(width).toBe(INLINE_WIDTH);
  });

  it('leaves a picture over the budget to a normal request', async () => {
    await expect(inlineMediaImage(IMAGE, folders, 100)).resolves.toBeUndefined();
  });

  it.each(['https://cdn.sanity.io/images/p/d/abc-1200x675.png', '/media/../package.json', '/media/missing-10x10.png', '/media/%2e%2e%2fpackage.json'])(
    'inlines nothing for %s',
    async (src) => {
      await expect(inlineMediaImage(src, folders)).resolves.toBeUndefined();
    },
  );
});

describe('leadImageCard', () => {
  const card = (id: string, image?: { alt?: string; url?: string }) => ({ _id: id, mainImage: image ? { alt: image.alt, asset: { url: image.url } } : null });
  it('is the first card with a picture and its alt text', () => {
    expect(
      leadImageCard([
        card('a'),
        card('b', { url: '/media/x.png' }),
        card('c', { alt: 'C', url: '/media/c.png' }),
        card('d', { alt: 'D', url: '/media/d.png' }),
      ]),
    ).toBe('c');
    expect(leadImageCard([card('a')])).toBeUndefined();
  });
});

describe('withInlineLead', () => {
  const card = (id: string, image?: { alt: string; url: string }) =>
    ({ _id: id, mainImage: image ? { alt: image.alt, asset: { url: image.url } } : null }) as unknown as ArticleCard;
  it('marks the card leadImageCard picks, and only that one, as the lead', async () => {
    const cards = [card('a'), card('b', { alt: 'B', url: IMAGE }), card('c', { alt: 'C', url: IMAGE })];
    const marked = await withInlineLead(cards);
    expect(marked.map((c) => [c._id, c.lead === true])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
  });
  it('marks none when no card shows a picture', async () => {
    expect((await withInlineLead([card('a'), card('b')])).some((c) => c.lead)).toBe(false);
  });
});
