import { timingSafeEqual } from 'node:crypto';
import { decodeSignatureHeader, encodeSignatureHeader } from '@sanity/webhook';

/*
 * Verifies a `sanity-webhook-signature` header against the RAW request body.
 * @sanity/webhook computes the expected signature, but compares with `!==`,
 * so the comparison here is ours and constant-time; it also refuses stale
 * and future timestamps, which @sanity/webhook does not check at all.
 */

/** How old a signed delivery may be. Sanity retries re-sign, so a late retry still passes. */
export const MAX_AGE_MS = 5 * 60 * 1000;
/** How far ahead of our clock a timestamp may be (clock skew between Sanity and us). */
export const MAX_FUTURE_MS = 60 * 1000;
/** A real header is ~60 characters; anything much longer is not worth parsing. */
const MAX_HEADER_LENGTH = 256;

export type VerifyInput = {
  rawBody: string;
  header: string | null | undefined;
  secret: string | null | undefined;
  now?: number;
};

export type VerifyResult = { ok: true; timestamp: number; signature: string } | { ok: false; status: 400 | 401; reason: string };

export async function verifyWebhookSignature({ rawBody, header, secret, now = Date.now() }: VerifyInput): Promise<VerifyResult> {
  // No secret configured must never mean "anything goes".
  if (typeof secret !== 'string' || secret === '') return refuse(401, 'webhook secret is not configured on the site');
  if (typeof header !== 'string' || header.trim() === '') return refuse(401, 'missing signature header');
  if (header.length > MAX_HEADER_LENGTH) return refuse(400, 'malformed signature header');
  if (rawBody === '') return refuse(400, 'empty body');

  let timestamp: number;
  let given: string;
  try {
    const decoded = decodeSignatureHeader(header);
    timestamp = decoded.timestamp;
    given = decoded.hashedPayload;
  } catch {
    return refuse(400, 'malformed signature header');
  }
  if (!Number.isSafeInteger(timestamp)) return refuse(400, 'malformed signature timestamp');
  if (timestamp < now - MAX_AGE_MS) return refuse(401, 'signature timestamp too old (replay?)');
  if (timestamp > now + MAX_FUTURE_MS) return refuse(401, 'signature timestamp in the future');

  let expected: string;
  try {
    expected = (await encodeSignatureHeader(rawBody, timestamp, secret)).replace(/^t=\d+,v1=/, '');
  } catch {
    return refuse(400, 'malformed signature header');
  }
  if (!constantTimeEqual(given, expected)) return refuse(401, 'invalid signature');
  return { ok: true, timestamp, signature: expected };
}

/** Equal-length buffers compared without an early exit; a length mismatch is no secret (HMACs have one length). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(right, right);
    return false;
  }
  return timingSafeEqual(left, right);
}

function refuse(status: 400 | 401, reason: string): VerifyResult {
  return { ok: false, status, reason };
}
