import { randomUUID } from 'node:crypto';
import type { RawDocument } from '../dataset/ndjson.ts';
import { SIGNATURE_HEADER, signWebhookBody } from '../revalidate/sign.ts';

export type NotifyResult = { id: string; status: number; body: string };

/**
 * After an embedded import, tells a running site what changed by sending the
 * same signed delivery Sanity's webhook would (the projection documented in
 * docs/editors.md), one per document, so its pages refresh at once instead of
 * within the 60 s safety net.
 */
export async function notifySite(
  siteUrl: string,
  docs: RawDocument[],
  secret: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<NotifyResult[]> {
  if (!secret) throw new Error('--notify needs SANITY_REVALIDATE_SECRET, the same secret the site verifies webhooks with.');
  const endpoint = revalidateEndpoint(siteUrl);
  const results: NotifyResult[] = [];
  for (const doc of docs) {
    // `article`: a live update's blog, whose live pages it expires (lib/revalidate/tags-for-change.ts);
    // `tags`, `sources`, `coverage`: which tag, source and live feeds the WebSub ping names
    // (lib/websub/feeds-for-change.ts), as Sanity's projection carries them.
    const { _id, _type, slug, previousSlugs, article, tags, sources, coverage } = doc;
    const body = JSON.stringify({ _id, _type, slug, previousSlugs, article, tags, sources, coverage });
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
