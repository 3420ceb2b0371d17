/*
 * next/og fetches a font from Google (and emoji from a CDN) for any character
 * its fonts lack. The site never loads anything from the network at run time,
 * so the card only draws characters the bundled Source Serif 4 latin and
 * cyrillic subsets hold (their unicode-range, minus invisible and rare
 * punctuation), and leaves the rest out.
 */
const PRINTABLE =
  /[\u0020-\u007E\u00A0-\u00FF\u0131\u0152\u0153\u2010-\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2032\u2033\u2039\u203A\u20AC\u2122\u2212\u0400-\u045F\u0490\u0491\u04B0\u04B1\u2116]/u;

/** The text with only drawable characters, whitespace collapsed. */
export function printable(text: string): string {
  return Array.from(text.normalize('NFC'))
    .map((character) => (/\s/u.test(character) ? ' ' : PRINTABLE.test(character) ? character : ''))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Whether most of the text survives: otherwise the card shows no headline rather than fragments. */
export function isMostlyPrintable(text: string): boolean {
  const letters = Array.from(text).filter((character) => /\p{L}/u.test(character));
  if (letters.length === 0) return false;
  return letters.filter((character) => PRINTABLE.test(character)).length / letters.length >= 0.8;
}
