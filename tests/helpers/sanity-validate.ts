import { createSchema, validateDocument, type SanityClient, type SanityDocument } from 'sanity';
import { schemaTypes } from '../../sanity/schema-types/index.ts';

/*
 * Validates documents against the Studio's schema the way the Studio does,
 * without a Studio: for the schema tests in tests/unit/sanity-*.test.ts.
 */

const schema = createSchema({ name: 'test', types: schemaTypes });

/**
 * Just enough of a client for validation: the slug uniqueness check asks
 * whether another document of the type already uses the slug.
 */
function fakeClient(takenSlugs: string[] = []): SanityClient {
  const client = {
    withConfig: () => client,
    fetch: async (_query: string, params: { slug?: string }) => !takenSlugs.includes(params.slug ?? ''),
    observable: {},
    getDataUrl: () => '',
  };
  return client as unknown as SanityClient;
}

// Built-in messages are keys without a translation bundle; every rule in our schema carries its own message.
const i18n = {
  currentLocale: { id: 'en-US' },
  loadNamespaces: async () => {},
  t: (key: string) => key,
};

export async function validate(document: Record<string, unknown>, takenSlugs: string[] = []) {
  const client = fakeClient(takenSlugs);
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace: { schema, getClient: () => client, i18n } as unknown as Parameters<typeof validateDocument>[0]['workspace'],
    getDocumentExists: async () => true,
    environment: 'studio',
  });
  return markers.filter((marker) => marker.level === 'error');
}

/** Error markers as `path: message` lines, keys shown as `[{"_key":…}]`. */
export function messages(markers: Awaited<ReturnType<typeof validate>>) {
  return markers.map((marker) => `${marker.path.map((p) => (typeof p === 'object' ? `[${JSON.stringify(p)}]` : p)).join('.')}: ${marker.message}`);
}

export const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });
export const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: 's1', text, marks });
