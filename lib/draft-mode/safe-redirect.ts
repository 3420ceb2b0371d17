/**
 * Where draft-mode enable/disable may send the browser: a path on this site.
 * Only a value that starts with a single `/` passes; `//host`, `/\host`,
 * any backslash, control characters (browsers strip tabs and newlines, turning
 * `/\t/host` into `//host`) and anything with a scheme fall back to `/`.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  if (value.includes('\\') || /[\u0000-\u001F\u007F]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://site.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://site.invalid') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
