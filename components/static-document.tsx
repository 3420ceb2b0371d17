import { STATIC_DOCUMENT_META_NAME } from '@/lib/cache-handlers/static-documents';

/**
 * Rendered by a layout whose whole tree is server components: the page cache
 * then serves its pages without the framework's client runtime and payload
 * (lib/cache-handlers/static-documents.ts), and removes this mark too.
 * A client component under such a layout would never hydrate: the code layout
 * test refuses one.
 */
export function StaticDocumentMark() {
  return <meta name={STATIC_DOCUMENT_META_NAME} />;
}
