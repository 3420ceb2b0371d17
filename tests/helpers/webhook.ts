import { SIGNATURE_HEADER, signWebhookBody } from '../../lib/revalidate/sign.ts';

/*
 * Sanity's GROQ-powered webhook as it reaches /api/revalidate, signed with the site's own
 * signer (lib/revalidate/sign.ts). Options forge the call for the tests that must be refused.
 */
export type WebhookOptions = {
  /** Milliseconds since the epoch the signature claims (an old one is a replay). */
  at?: number;
  /** Sign with this secret instead (a forged call). */
  signWith?: string;
  /** Send no signature header at all. */
  unsigned?: boolean;
};

export async function sendWebhook(siteUrl: string, secret: string, body: unknown, options: WebhookOptions = {}): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.unsigned) headers[SIGNATURE_HEADER] = await signWebhookBody(raw, options.signWith ?? secret, options.at ?? Date.now());
  return fetch(new URL('/api/revalidate', siteUrl), { method: 'POST', body: raw, headers, signal: AbortSignal.timeout(30_000) });
}

/** A webhook that must be accepted: throws with the answer otherwise, returns the tags it expired. */
export async function publishWebhook(siteUrl: string, secret: string, body: unknown): Promise<string[]> {
  const response = await sendWebhook(siteUrl, secret, body);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the webhook to ${siteUrl} answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { tags?: string[] }).tags ?? [];
}
