import { describe, expect, it } from 'vitest';
import { foldCase, indexablePieces, matchTokens } from '@/lib/content/sources/match-tokens';

/*
 * The text index stores tokens folded so that a prefix comparison decides what groq-js's
 * `new RegExp("^" + pattern + ".*$", "i")` decides. Checked against the regular
 * expression engine itself for every UTF-16 code unit, and each unit's case partners.
 */

const escape = (unit: string) => unit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

describe('the text index folds case as a case-insensitive regular expression matches', () => {
  it('for every UTF-16 code unit against its case partners and every unit it folds with', () => {
    const byFold = new Map<string, string[]>();
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = String.fromCharCode(unit);
      const key = foldCase(text);
      byFold.set(key, [...(byFold.get(key) ?? []), text]);
    }
    const wrong: string[] = [];
    let checked = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = String.fromCharCode(unit);
      const pattern = new RegExp(`^${escape(text)}$`, 'i');
      const partners = [...byFold.get(foldCase(text))!, text.toLowerCase(), text.toUpperCase(), text.toUpperCase().toLowerCase(), text.toLocaleLowerCase('tr')];
      for (const other of partners.filter((partner) => partner.length === 1)) {
        checked++;
        if (pattern.test(other) !== (foldCase(other) === foldCase(text))) wrong.push(`${unit.toString(16)}~${other.charCodeAt(0).toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(0x10000);
  });

  it('keeps ASCII apart from the non-ASCII letters that upper-case to it, and lone surrogates as they are', () => {
    expect(foldCase('ſtrasse')).not.toBe(foldCase('strasse'));
    expect(foldCase('Straße')).toBe('STRAßE');
    expect(foldCase('мост')).toBe(foldCase('МОСТ'));
    expect(foldCase('a\uD800b')).toBe('A\uD800B');
  });

  it('splits text where groq-js does: dots next to ASCII letters go (U.S. is US), apostrophes and guillemets stay in the word', () => {
    expect(matchTokens('The lake. U.S. e-mail Tokayev’s «мост» (lake)')).toEqual(['The', 'lake', 'US', 'e', 'mail', 'Tokayev’s', '«мост»', 'lake']);
  });

  it('answers only patterns of letters and digits, whole or as a prefix', () => {
    expect(indexablePieces(['clim*', 'lake'])).toEqual([
      { folded: 'CLIM', prefix: true },
      { folded: 'LAKE', prefix: false },
    ]);
    for (const odd of [['la*e'], ['*'], [42], [], 'x'.length]) expect(indexablePieces(odd), JSON.stringify(odd)).toBeUndefined();
  });
});
