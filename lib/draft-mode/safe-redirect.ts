/*
 * Where draft-mode enable/disable (and Sanity's preview handshake) may send the
 * browser: a path on this site, and nothing that any later reader of the
 * Location header could turn into another host. The value is judged as a
 * browser would read it, after normalisation, and again after every round of
 * percent-decoding, because a proxy, a framework or the address bar may decode
 * once more before the URL is followed.
 */

const BASE = 'http://site.invalid';
const MAX_LENGTH = 2048;
// A real path is encoded at most twice (a path inside a query inside a URL); deeper is an attack.
const MAX_DECODE_ROUNDS = 4;

/** The path to redirect to, or `fallback` when `value` could leave the site. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return fallback;
  const path = onSitePath(value);
  if (path === undefined || !staysOnSiteWhenDecoded(value) || !staysOnSiteWhenDecoded(path)) return fallback;
  return path;
}

/**
 * One reading of the value: a single leading `/`, no backslash (browsers read
 * it as `/`), no control character (browsers drop tabs and newlines, so
 * `/\t/host` becomes `//host`), the same origin once resolved, and no leading
 * `//` after dot segments are resolved (`/.//host`, `/a/..//host` and
 * `/%2e//host` all resolve to the scheme-relative `//host`).
 */
function onSitePath(value: string): string | undefined {
  if (/[\u0000-\u001F\u007F\\]/u.test(value)) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

function staysOnSiteWhenDecoded(value: string): boolean {
  let current = value;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    const decoded = decodeAsciiEscapes(current);
    if (decoded === current) return true;
    if (onSitePath(decoded) === undefined) return false;
    current = decoded;
  }
  return false;
}

/**
 * Decodes `%00`–`%7F` only, leniently: a stray `%` or a non-ASCII byte stays
 * as it is (as browsers leave them) instead of throwing, and no multi-byte
 * UTF-8 sequence can decode to `/`, `\`, `.` or a control character.
 */
function decodeAsciiEscapes(value: string): string {
  return value.replace(/%([0-7][0-9a-f])/giu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
