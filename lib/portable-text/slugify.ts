/**
 * URL slugs and anchor ids.
 *
 * Latin text is lowercased and accent-folded ("Café Zürich" → "cafe-zurich").
 * Cyrillic is transliterated (a simplified BGN/PCGN-style table, "Казахстан" →
 * "kazakhstan") so a Russian headline still gives a readable ASCII URL that can
 * be typed and shared. Other scripts (Greek, Arabic, CJK, …) keep their Unicode
 * letters, which browsers and Sanity both accept in a path. Everything that is
 * not a letter or digit becomes "-".
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh and Ukrainian letters that appear in regional names.
  ә: 'a',
  ғ: 'g',
  қ: 'q',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

export const SLUG_MAX_LENGTH = 96;

export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const folded = Array.from(text.toLowerCase(), (char) => CYRILLIC[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // combining accents left by NFKD
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[đ]/g, 'd')
    .replace(/[ł]/g, 'l')
    .replace(/['’]/g, ''); // "Russia’s" → "russias", not "russia-s"
  const slug = folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return truncateSlug(slug, maxLength);
}

/** Cuts at a hyphen when one is near, so a slug does not end in half a word. */
function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > maxLength / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/g, '');
}
