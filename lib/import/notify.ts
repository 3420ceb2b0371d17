import { randomUUID } from 'node:crypto';
import { evaluate, parse, type DereferenceFunction } from 'groq-js';
import type { RawDocument } from '../dataset/ndjson.ts';
import { SIGNATURE_HEADER, signWebhookBody } from '../revalidate/sign.ts';
import { WEBHOOK_PROJECTION } from '../revalidate/webhook-projection.ts';

export type NotifyResult = { id: string; status: number; body: string };

// Parsed once, in delta mode as Sanity and the local lake (lake/webhook.ts) parse it.
const projection = parse(WEBHOOK_PROJECTION, { mode: 'delta' });

/**
 * The body Sanity's webhook would send for one written document: the projection the site's
 * webhook is set up with (lib/revalidate/webhook-projection.ts), evaluated with groq-js as the
 * local lake evaluates it, with the document as it was and as written and references resolved in
 * the dataset after the write. So `--notify` cannot send anything the webhook would not: the
 * referenced tags' and sources' slugs, and whether the edit can change any list (`listsChanged`).
 */
export async function projectedWebhookBody(written: RawDocument, before: RawDocument | null, datasetAfter: ReadonlyMap<string, RawDocument>): Promise<string> {
  const dereference: DereferenceFunction = async ({ _ref }) => datasetAfter.get(_ref);
  const dataset = [...datasetAfter.values()];
  const value = await (await evaluate(projection, { root: written, before, after: written, dataset, dereference })).get();
  return JSON.stringify(value);
}

/**
 * After an embedded import, tells a running site what changed by sending the
 * same signed delivery Sanity's webhook would, one per written document, so
 * its pages refresh at once instead of within the 60 s safety net.
 * `datasetBefore` is the dataset the import was planned on (what it read).
 */
export async function notifySite(
  siteUrl: string,
  written: readonly RawDocument[],
  datasetBefore: readonly RawDocument[],
  secret: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<NotifyResult[]> {
  if (!secret) throw new Error('--notify needs SANITY_REVALIDATE_SECRET, the same secret the site verifies webhooks with.');
  const endpoint = revalidateEndpoint(siteUrl);
  const before = new Map(datasetBefore.map((doc) => [doc._id, doc]));
  const after = new Map(before);
  for (const doc of written) after.set(doc._id, doc);
  const results: NotifyResult[] = [];
  for (const doc of written) {
    const body = await projectedWebhookBody(doc, before.get(doc._id) ?? null, after);
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: await signWebhookBody(body, secret),
          'idempotency-key': randomUUID(),
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new Error(`Cannot reach ${endpoint}: ${(error as Error).message}. Is the site running?`);
    }
    results.push({ id: doc._id, status: response.status, body: await response.text() });
  }
  return results;
}

/** `https://site.example` → `https://site.example/api/revalidate`; http(s) only. */
export function revalidateEndpoint(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`--notify "${siteUrl}" is not a URL such as http://localhost:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--notify "${siteUrl}" must be an http(s) URL`);
  return new URL('/api/revalidate', url.origin).href;
}
