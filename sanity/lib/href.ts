import { safeHref } from '../../lib/urls/safe-href.ts';

/**
 * Which link targets an editor may put in a Portable Text `link` annotation.
 * The site's renderer decides what is linked live (lib/urls/safe-href.ts:
 * http, https, mailto, site-relative; never `javascript:`, `data:` or a
 * protocol-relative `//host`), so the Studio asks the same gate and refuses
 * at input what the site would render as plain text. On top of it the Studio
 * is stricter about what the renderer merely tolerates: surrounding or embedded
 * whitespace and control characters, and an empty `mailto:`.
 */
export const HREF_RULE_MESSAGE = 'Links must start with https://, http://, mailto: or a single / for a page on this site.';

export function isAllowedHref(href: string): boolean {
  if (href === '' || /[\u0000-\u0020\u007f]/.test(href)) return false;
  if (/^mailto:$/i.test(href)) return false;
  return safeHref(href) !== undefined;
}
