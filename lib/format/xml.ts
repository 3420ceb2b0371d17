/*
 * Text made safe for XML, shared by the feed builder (lib/feeds/xml-safe.ts,
 * which works around the `feed` package) and the hand-written sitemaps.
 */

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 does not allow anywhere in a document (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXml(value: string): string {
  return value.replace(INVALID_XML, '');
}

/** Text or attribute content for hand-written XML (sitemaps): escaped, with forbidden characters dropped. */
export function xmlEscape(value: string): string {
  return stripInvalidXml(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
