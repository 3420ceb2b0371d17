import { randomUUID } from 'node:crypto';
import { evaluate, parse, type DereferenceFunction } from 'groq-js';
import { isPublishedId } from '../lib/content/perspective.ts';
import { SIGNATURE_HEADER, signWebhookBody } from '../lib/revalidate/sign.ts';
import { WEBHOOK_PROJECTION } from '../lib/revalidate/webhook-projection.ts';
import type { Change, LakeDocument, Transaction } from './types.ts';

/*
 * The publish webhook, sent as Sanity's GROQ-powered document webhook set up as docs/editors.md
 * says (filter, projection, create/update/delete, drafts and versions off): one signed POST per
 * matching document change, to every site the lake was told about. The site cannot tell it from
 * Sanity's, so a publish in the local Studio refreshes pages, feeds, edges and WebSub as in production.
 */

/** The filter of docs/editors.md (tests/unit/lake-webhook.test.ts checks the two agree). */
export const WEBHOOK_FILTER = `_type in ["article","liveUpdate","tag","source","author","siteSettings"] && !(_id in path("drafts.**"))`;

/** Waits before each further attempt; the sixth failure drops the delivery (about 80 s in all). */
export const DEFAULT_RETRY_DELAYS_MS = [250, 1_000, 4_000, 15_000, 60_000];
const ATTEMPT_TIMEOUT_MS = 10_000;
/** A site down for long must not grow the queue without bound; the oldest waiting delivery goes first. */
const MAX_QUEUED_PER_URL = 1_000;

export type WebhookSenderOptions = {
  urls: string[];
  /** Signs every delivery; without one they go unsigned, as Sanity's do (and the site refuses them). */
  secret: string | undefined;
  log: (line: string) => void;
  fetch?: typeof fetch;
  retryDelaysMs?: number[];
  /** What the `sanity-project-id` / `sanity-dataset` headers and `sanity::projectId()` say. */
  projectId?: string;
  dataset?: string;
};

export type WebhookSender = {
  /** Queues the deliveries for one committed transaction; never throws. */
  send(tx: Transaction, datasetAfter: LakeDocument[], datasetBefore: LakeDocument[]): void;
  /** Resolves once every queued delivery has arrived, been refused or been dropped. */
  idle(): Promise<void>;
};

type Operation = 'create' | 'update' | 'delete';
type Delivery = { body: Promise<string | undefined>; headers: Record<string, string>; what: string };

const filterTree = parse(WEBHOOK_FILTER, { mode: 'delta' });
const projectionTree = parse(WEBHOOK_PROJECTION, { mode: 'delta' });

function operationOf(change: Change): Operation | undefined {
  if (change.before && change.after) return 'update';
  if (change.after) return 'create';
  return change.before ? 'delete' : undefined;
}

/** References resolve through an id index built on first use, not a scan of the dataset per reference. */
function dereferenceIn(dataset: LakeDocument[]): DereferenceFunction {
  let byId: Map<string, LakeDocument> | undefined;
  return async ({ _ref }) => {
    byId ??= new Map(dataset.map((doc) => [doc._id, doc]));
    return byId.get(_ref);
  };
}

/**
 * The body Sanity would send for one change, or undefined when the filter matches neither side.
 * A delete is projected from the document as it was, over the dataset as it was, so its tags'
 * slugs still resolve when they went in the same transaction.
 */
async function payloadFor(
  change: Change,
  operation: Operation,
  tx: Transaction,
  datasetAfter: LakeDocument[],
  datasetBefore: LakeDocument[],
  sanity: { projectId: string; dataset: string },
) {
  const context = { before: change.before, after: change.after, timestamp: new Date(tx.timestamp), identity: tx.author, sanity };
  const matches = async (doc: LakeDocument | null) => doc !== null && (await (await evaluate(filterTree, { ...context, root: doc })).get()) === true;
  if (!(await matches(change.after)) && !(await matches(change.before))) return undefined;
  const dataset = operation === 'delete' ? datasetBefore : datasetAfter;
  const root = operation === 'delete' ? change.before : change.after;
  const value = await (await evaluate(projectionTree, { ...context, root, dataset, dereference: dereferenceIn(dataset) })).get();
  return JSON.stringify(value);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { urls, secret, log } = options;
  const post = options.fetch ?? fetch;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sanity = { projectId: options.projectId ?? 'no-project', dataset: options.dataset ?? 'production' };
  const queues = new Map(urls.map((url) => [url, [] as Delivery[]]));
  const running = new Set<string>();
  let pending = 0;
  let waiters: (() => void)[] = [];

  const settled = () => {
    pending -= 1;
    if (pending > 0) return;
    const resolve = waiters;
    waiters = [];
    for (const wake of resolve) wake();
  };

  /** One attempt: 'done', 'refused' (a 4xx the site will answer again) or 'retry' with the reason. */
  async function attempt(url: string, delivery: Delivery, body: string): Promise<{ outcome: 'done' | 'refused' | 'retry'; reason: string }> {
    try {
      // Signed again at each attempt, as Sanity does, so a late retry is not refused as a replay.
      const signature: Record<string, string> = secret ? { [SIGNATURE_HEADER]: await signWebhookBody(body, secret) } : {};
      const response = await post(url, {
        method: 'POST',
        body,
        headers: { ...delivery.headers, ...signature },
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const answer = (await response.text().catch(() => '')).slice(0, 200);
      if (response.ok) return { outcome: 'done', reason: '' };
      const retryable = response.status >= 500 || response.status === 429;
      return { outcome: retryable ? 'retry' : 'refused', reason: `${response.status} ${answer}`.trim() };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { outcome: 'retry', reason: cause ?? (error as Error).message };
    }
  }

  async function deliver(url: string, delivery: Delivery) {
    const body = await delivery.body;
    if (body === undefined) return;
    for (let tries = 0; ; tries += 1) {
      const { outcome, reason } = await attempt(url, delivery, body);
      if (outcome === 'done') return;
      if (outcome === 'refused') return log(`[lake] webhook ${delivery.what} refused by ${url}: ${reason}`);
      const wait = delays[tries];
      if (wait === undefined) return log(`[lake] webhook ${delivery.what} to ${url} dropped after ${tries + 1} attempts: ${reason}`);
      await sleep(wait);
    }
  }

  async function drain(url: string, queue: Delivery[]) {
    running.add(url);
    for (let next = queue.shift(); next; next = queue.shift()) {
      await deliver(url, next).catch((error: unknown) => log(`[lake] webhook ${next?.what} to ${url} failed: ${(error as Error).message}`));
      settled();
    }
    running.delete(url);
  }

  function enqueue(url: string, queue: Delivery[], delivery: Delivery) {
    if (queue.length >= MAX_QUEUED_PER_URL) {
      const dropped = queue.shift();
      log(`[lake] webhook ${dropped?.what} to ${url} dropped: more than ${MAX_QUEUED_PER_URL} deliveries are waiting`);
      settled();
    }
    pending += 1;
    queue.push(delivery);
    if (!running.has(url)) void drain(url, queue);
  }

  function send(tx: Transaction, datasetAfter: LakeDocument[], datasetBefore: LakeDocument[]) {
    if (queues.size === 0) return;
    try {
      for (const change of tx.changes) {
        const operation = operationOf(change);
        // Drafts and versions never leave the lake, whatever the filter says (webhook drafts: off).
        if (!operation || !isPublishedId(change.id)) continue;
        const what = `${operation} ${change.id} (transaction ${tx.id})`;
        const body = payloadFor(change, operation, tx, datasetAfter, datasetBefore, sanity).catch((error: unknown) => {
          log(`[lake] webhook ${what} not sent: the projection failed: ${(error as Error).message}`);
          return undefined;
        });
        const headers = {
          'content-type': 'application/json',
          'sanity-operation': operation,
          'sanity-document-id': change.id,
          'sanity-transaction-id': tx.id,
          'sanity-transaction-time': tx.timestamp,
          'sanity-dataset': sanity.dataset,
          'sanity-project-id': sanity.projectId,
        };
        for (const [url, queue] of queues) enqueue(url, queue, { body, what, headers: { ...headers, 'idempotency-key': `msg-${randomUUID()}` } });
      }
    } catch (error) {
      log(`[lake] webhook for transaction ${tx.id} not sent: ${(error as Error).message}`);
    }
  }

  return {
    send,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
