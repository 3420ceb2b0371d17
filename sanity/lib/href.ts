/**
 * Which link targets an editor may put in a Portable Text `link` annotation.
 * Mirrors what the site renders live: http, https, mailto and site-relative
 * paths. A protocol-relative `//host` is refused because it leaves the site
 * while looking relative; `javascript:`, `data:` and friends are refused
 * because they run code in the reader's browser.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export const HREF_RULE_MESSAGE =
  'Links must start with https://, http://, mailto: or a single / for a page on this site.';

export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  if (value === '' || value !== href) return false;
  // Control characters and whitespace can smuggle a scheme past a browser's parser.
  if (/[\u0000-\u001f\u007f\s\\]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme || !ALLOWED_SCHEMES.has(scheme)) return false;
  if (scheme === 'mailto:') return value.length > 'mailto:'.length;
  try {
    const url = new URL(value);
    return url.hostname !== '';
  } catch {
    return false;
  }
}
