import { stripInvalidXml } from '../feeds/xml-safe.ts';

/** Text or attribute content for hand-written XML (sitemaps): escaped, with forbidden characters dropped. */
export function xmlEscape(value: string): string {
  return stripInvalidXml(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
