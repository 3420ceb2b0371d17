import { type JsonLdDocument, serializeJsonLd } from '@/lib/seo/json-ld';

/** Structured data for search engines; the serialiser makes it safe inside <script>. */
export function JsonLd({ data }: { data: JsonLdDocument }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
