/**
 * Wire copy carries no markup, so a subheading is recognised by its shape:
 * short, no closing punctuation, and in title case. Small function words may
 * stay lowercase, as in "Fear of Internal Unrest Drives Censorship".
 */
export const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'off',
  'on',
  'onto',
  'or',
  'per',
  'so',
  'the',
  'to',
  'up',
  'via',
  'vs',
  'vs.',
  'v.',
  'with',
  'amid',
  'over',
  'than',
  'yet',
  'among',
  'upon',
  'within',
  'without',
]);

const MAX_HEADING_CHARS = 80;
const MAX_HEADING_WORDS = 12;

export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_HEADING_CHARS) return false;
  if (/[.:;,]$/u.test(text)) return false;
  const words = text.split(/\s+/u);
  if (words.length > MAX_HEADING_WORDS) return false;
  return words.every((word) => {
    if (MINOR_WORDS.has(word.toLowerCase())) return true;
    const first = word.charAt(0);
    // Words opening with a digit or punctuation ("7,600", "“Stands") pass;
    // hyphenated words ("Pro-", "Long-Term?") count by their first letter.
    if (!/\p{L}/u.test(first)) return true;
    return /\p{Lu}/u.test(first);
  });
}
