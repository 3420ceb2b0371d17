import type { Graph, Thing, WithContext } from 'schema-dts';

/** A JSON-LD document as the page embeds it: one typed thing, or a graph of them. */
export type JsonLdDocument = WithContext<Exclude<Thing, string>> | Graph;

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The one way structured data reaches a page. JSON.stringify alone is not
 * safe inside <script>: a headline holding `</script>` would end the element
 * and `<!--` would change how it is parsed. Escaping `<`, `>` and `&` as JSON
 * \u escapes keeps the same JSON value with no markup characters at all;
 * U+2028/U+2029 are escaped for old JavaScript parsers that treat them as
 * line ends.
 */
export function serializeJsonLd(document: JsonLdDocument): string {
  return JSON.stringify(document).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character] ?? character);
}
