/**
 * The one gate for URLs that come from content. Only `http:`, `https:`,
 * `mailto:` and site-relative links are ever rendered live; anything else
 * (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`, obfuscated
 * schemes with control characters or entities) gives `undefined`, and the
 * caller renders the text without a link.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore leading/trailing whitespace and strip tabs and newlines anywhere in a URL.
  const href = value.trim().replace(/[\t\n\r]/g, '');
  if (href === '' || /[\u0000-\u001F\u007F]/.test(href)) return undefined;
  if (href.startsWith('/')) {
    // `//host` and `/\host` leave the site.
    return href.startsWith('//') || href.startsWith('/\\') ? undefined : href;
  }
  if (href.startsWith('#')) return href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && url.hostname === '') return undefined;
  return url.href;
}

/** Whether a content link points off the site (it gets `rel="noopener noreferrer"`). */
export function isExternalHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

/** Outlet home pages: `http:`/`https:` only. */
export function safeWebUrl(value: unknown): string | undefined {
  const href = safeHref(value);
  return href && /^https?:/i.test(href) ? href : undefined;
}
