import { describe, expect, it } from 'vitest';
import { documentId, idPart } from '../../lib/import/references.ts';
import { slugify } from '../../lib/portable-text/slugify.ts';

/*
 * The importer's ids come from slugs; Sanity takes only ASCII letters, digits, "_", "-" and "."
 * in an id (at most 128 characters), while a slug keeps Greek, Arabic or CJK letters.
 */
const SANITY_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

describe('ids from slugs', () => {
  it('uses an ASCII slug as it is (the contract: article-<slug>, tag-<slug>)', () => {
    expect(documentId('article', 'kazakhstan-silences-pro-and-anti-russian-voices')).toBe('article-kazakhstan-silences-pro-and-anti-russian-voices');
    expect(documentId('tag', 'central-asia')).toBe('tag-central-asia');
    // Cyrillic is transliterated by the slug already.
    expect(documentId('article', slugify('Казахстан заглушает голоса'))).toBe('article-kazakhstan-zaglushaet-golosa');
  });

  it('makes a slug with other letters a valid, stable and distinct id', () => {
    const slugs = [
      slugify('Καταιγίδα στη Θεσσαλία'),
      slugify('Καταιγίδα στην Αθήνα'),
      slugify('东京地震 2026'),
      slugify('عاصفة في الإسكندرية'),
      slugify('Σεισμός '.repeat(20)),
    ];
    const ids = slugs.map((slug) => documentId('article', slug));
    for (const id of ids) expect(id).toMatch(SANITY_ID);
    expect(new Set(ids).size).toBe(slugs.length);
    expect(slugs.map((slug) => documentId('article', slug))).toEqual(ids);
    // A slug typed in the Studio may be longer than a generated one: the id still fits.
    const long = 'a-very-long-headline-about-the-harbour-'.repeat(5);
    expect(documentId('article', long)).toMatch(SANITY_ID);
    expect(`liveUpdate-${idPart(long)}-999`.length).toBeLessThanOrEqual(128);
    // The ASCII part of a mixed slug stays readable.
    expect(idPart(slugify('东京地震 2026'))).toMatch(/^2026-[0-9a-f]{12}$/);
  });
});
