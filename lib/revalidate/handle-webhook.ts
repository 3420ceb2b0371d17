import type { SeenSet } from './idempotency.ts';
import { MAX_BODY_BYTES, readBodyWithLimit } from './read-body.ts';
import { SIGNATURE_HEADER } from './sign.ts';
import { parseChange, tagsForChange } from './tags-for-change.ts';
import { verifyWebhookSignature } from './verify.ts';

export type WebhookDeps = {
  /** `SANITY_REVALIDATE_SECRET`; undefined refuses every delivery. */
  secret: string | undefined;
  /** Expires one cache tag (the route passes `revalidateTag(tag, { expire: 0 })`). */
  revalidate: (tag: string) => void;
  seen: SeenSet;
  now?: () => number;
  maxBodyBytes?: number;
  log?: (message: string) => void;
};

const MAX_IDEMPOTENCY_KEY = 200;

/**
 * POST /api/revalidate, without Next.js: method, size, signature, timestamp,
 * JSON shape and repeat checks, in that order, before a single tag is
 * expired. Every refusal answers JSON `{revalidated: false, message}`.
 */
export async function handleRevalidateWebhook(request: Request, deps: WebhookDeps): Promise<Response> {
  const log = deps.log ?? ((message: string) => console.warn(message));
  if (request.method !== 'POST') {
    return json(405, { revalidated: false, message: 'use POST' }, { Allow: 'POST' });
  }

  const body = await readBodyWithLimit(request, deps.maxBodyBytes ?? MAX_BODY_BYTES);
  if (!body.ok) return refuse(body.status, body.reason, log);

  const verified = await verifyWebhookSignature({
    rawBody: body.text,
    header: request.headers.get(SIGNATURE_HEADER),
    secret: deps.secret,
    now: (deps.now ?? Date.now)(),
  });
  if (!verified.ok) return refuse(verified.status, verified.reason, log);

  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    return refuse(400, 'the body is not JSON', log);
  }
  const parsed = parseChange(payload);
  if (!parsed.ok) return refuse(400, parsed.reason, log);

  // Only a verified delivery is remembered, so unsigned requests cannot block real keys.
  const key = request.headers.get('idempotency-key')?.slice(0, MAX_IDEMPOTENCY_KEY);
  const repeatedKey = key ? deps.seen.checkAndRecord(`key:${key}`) : false;
  const repeatedSignature = deps.seen.checkAndRecord(`sig:${verified.signature}`);
  if (repeatedKey || repeatedSignature) {
    return json(200, { revalidated: false, duplicate: true, tags: [] });
  }

  const decision = tagsForChange(parsed.change);
  if (!decision.revalidate) return json(200, { revalidated: false, ignored: decision.reason, tags: [] });
  for (const tag of decision.tags) deps.revalidate(tag);
  return json(200, { revalidated: true, tags: decision.tags });
}

function refuse(status: number, message: string, log: (message: string) => void): Response {
  log(`[revalidate] refused (${status}): ${message}`);
  return json(status, { revalidated: false, message });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
