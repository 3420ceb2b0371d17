import type { Graph, Thing, WithContext } from 'schema-dts';

/** A JSON-LD document as the page embeds it: one typed thing, or a graph of them. */
export type JsonLdDocument = WithContext<Exclude<Thing, string>> | Graph;

/**
 * The one way structured data reaches a page. JSON.stringify alone is not
 * safe inside <script>: a headline holding `</script>` would end the element
 * and `<!--` would change how it is parsed. Escaping `<`, `>` and `&` as JSON
 * \u escapes keeps the same JSON value with no markup characters at all.
 * Every character beyond ASCII is escaped the same way (U+2028/U+2029 among
 * them, which old JavaScript parsers take for line ends): the page stays
 * ASCII, which the page cache keeps one byte per character
 * (lib/cache-handlers/static-documents.ts).
 */
export function serializeJsonLd(document: JsonLdDocument): string {
  return JSON.stringify(document).replace(/[<>&\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
