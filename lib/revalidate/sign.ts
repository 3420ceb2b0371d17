import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook';

/** The header Sanity's GROQ-powered webhooks sign their deliveries with. */
export const SIGNATURE_HEADER = SIGNATURE_HEADER_NAME;

/**
 * Signs a webhook body exactly as Sanity does (`t=<ms>,v1=<base64url HMAC-SHA256 of "t.body">`).
 * Used by `npm run content -- import --notify` and by the tests; the route
 * verifies with lib/revalidate/verify.ts.
 */
export function signWebhookBody(rawBody: string, secret: string, timestamp: number = Date.now()): Promise<string> {
  return encodeSignatureHeader(rawBody, timestamp, secret);
}
