import { parseChange, type ResolvedChange } from './change.ts';
import type { SeenSet } from './idempotency.ts';
import { MAX_BODY_BYTES, readBodyWithLimit } from './read-body.ts';
import { SIGNATURE_HEADER } from './sign.ts';
import { type SlugLookup, withReferencedSlugs } from './referenced-slugs.ts';
import { tagsForChange } from './tags-for-change.ts';
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
  /**
   * Runs the follow-up (edge purge, WebSub ping) once the response is sent: the route
   * passes next/server's `after`, because Next records the expired tags only after the
   * handler returns, and an edge purged before that would fetch the old page again.
   * Without it the follow-up is awaited before answering (tests).
   */
  later?: (task: () => Promise<void>) => void;
  /** Purges the tags at every edge (absent when none is configured); false when one failed (it logs which). */
  purgeEdges?: (tags: string[]) => Promise<boolean>;
  /** Waits before each further purge attempt, in ms (default PURGE_RETRY_MS). */
  purgeRetryMs?: readonly number[];
  /** Tells the WebSub hub about the feeds the change touches (absent without a hub). */
  notifyHub?: (change: ResolvedChange) => Promise<void>;
  /**
   * Looks up the slugs of referenced documents the payload names only by id (the whole
   * document, Sanity's default); the route passes lib/content's getSlugsByReference.
   * Without it those references name no feed.
   */
  referencedSlugs?: SlugLookup;
};

const MAX_IDEMPOTENCY_KEY = 200;

/*
 * The purge runs after Sanity has had its 200, and Sanity retries only deliveries that failed,
 * so a purge that an edge missed is tried again here before the page is left to its s-maxage.
 */
export const PURGE_RETRY_MS = [500, 2_000] as const;

async function purgeWithRetries(purge: (tags: string[]) => Promise<boolean>, tags: string[], waits: readonly number[]) {
  if (await purge(tags)) return true;
  for (const wait of waits) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (await purge(tags)) return true;
  }
  return false;
}

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
  // The one reading of the payload: tags, purge and WebSub all follow this change.
  const parsed = parseChange(payload);
  if (!parsed.ok) return refuse(400, parsed.reason, log);

  // Only a verified delivery is remembered, so unsigned requests cannot block real keys.
  const key = request.headers.get('idempotency-key')?.slice(0, MAX_IDEMPOTENCY_KEY);
  const seenKeys = [...(key ? [`key:${key}`] : []), `sig:${verified.signature}`];
  if (seenKeys.some((seenKey) => deps.seen.has(seenKey))) {
    return json(200, { revalidated: false, duplicate: true, tags: [] });
  }
  const remember = () => seenKeys.forEach((seenKey) => deps.seen.checkAndRecord(seenKey));

  const decision = tagsForChange(parsed.change);
  if (!decision.revalidate) {
    remember();
    return json(200, { revalidated: false, ignored: decision.reason, tags: [] });
  }
  for (const tag of decision.tags) deps.revalidate(tag);

  const { purgeEdges, notifyHub } = deps;
  // With no edge to purge the delivery is done: remember it before answering.
  if (!purgeEdges) remember();
  const followUp = async () => {
    if (purgeEdges) {
      // Remembered only once the origin and every edge have dropped the old copies, so a
      // repeated delivery (a redelivery from Sanity's webhook log, --notify again) purges again.
      if (await purgeWithRetries(purgeEdges, decision.tags, deps.purgeRetryMs ?? PURGE_RETRY_MS)) remember();
      else
        log(
          `[revalidate] an edge missed the purge of ${decision.tags.join(', ')} after ${1 + (deps.purgeRetryMs ?? PURGE_RETRY_MS).length} attempts; it serves the old copy until its s-maxage, or until this delivery is repeated`,
        );
    }
    // Looked up after the answer, so a slow content read never delays the publish.
    if (notifyHub) await notifyHub(await withReferencedSlugs(parsed.change, deps.referencedSlugs, log));
  };
  if (purgeEdges || notifyHub) {
    if (deps.later) deps.later(followUp);
    else await followUp();
  }
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
