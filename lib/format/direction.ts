// Scripts written right to left, by primary language subtag.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The `dir` for a BCP 47 language tag. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (/-arab\b/i.test(language) || /-hebr\b/i.test(language)) return 'rtl';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
