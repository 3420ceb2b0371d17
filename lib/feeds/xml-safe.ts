import { stripInvalidXml } from '../format/xml.ts';

/*
 * The one place that makes text safe for the `feed` package's XML.
 *
 * `feed` serialises through xml-js, which has three flaws for hostile content:
 * - CDATA: only the FIRST `]]>` of a value is split, so a second one ends the
 *   section early and the rest is read as markup;
 * - text: `&amp;` is "desanitised" to `&` before escaping, so a literal
 *   "&amp;" in a tag name comes out as "&";
 * - attributes: only `"` is escaped, so a `<` in an Atom category label makes
 *   the document ill-formed.
 * Characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) make
 * any feed ill-formed too. So every string handed to `feed` goes through
 * `forCdata` or `forText`, which strip forbidden characters and swap the risky
 * ones for NUL-delimited markers (NUL cannot survive the stripping, so a marker
 * can only come from here), and `restoreXml` turns the markers into the right
 * XML once the document is written.
 */

const CDATA_END = '\u0000c\u0000';
const AMPERSAND = '\u0000a\u0000';
const LESS_THAN = '\u0000l\u0000';
const LANGUAGE = /\u0000lang:([A-Za-z0-9-]{1,35})\u0000/;

/** For values `feed` wraps in CDATA (item title, summary and content). */
export function forCdata(value: string): string {
  return stripInvalidXml(value).replaceAll(']]>', CDATA_END);
}

/** For values `feed` writes as escaped text or attributes (names, channel text). */
export function forText(value: string): string {
  return stripInvalidXml(value).replaceAll('&', AMPERSAND).replaceAll('<', LESS_THAN);
}

/**
 * Atom entries cannot carry `xml:lang` through `feed`; a marker at the start
 * of the entry's title asks `restoreXml` to add it. `language` must already be
 * a BCP 47 tag (the content schema checks it).
 */
export function withLanguageMarker(cdataTitle: string, language: string): string {
  return /^[A-Za-z0-9-]{1,35}$/.test(language) ? `\u0000lang:${language}\u0000${cdataTitle}` : cdataTitle;
}

/** Turns the markers back into correct XML in a document written by `feed`. */
export function restoreXml(xml: string): string {
  const withLanguages = xml.replace(
    new RegExp(`<entry>(\\s*<title type="html"><!\\[CDATA\\[)${LANGUAGE.source}`, 'g'),
    (_match, titleStart: string, language: string) => `<entry xml:lang="${language}">${titleStart}`,
  );
  return withLanguages.replaceAll(CDATA_END, ']]]]><![CDATA[>').replaceAll(AMPERSAND, '&amp;').replaceAll(LESS_THAN, '&lt;');
}
