import type { ServerResponse } from 'node:http';
import { evaluate, parse } from 'groq-js';
import { effectsOf } from './mendoza.ts';
import { LakeError, type Change, type LakeDocument, type Transaction } from './types.ts';

/*
 * The listener (`/data/listen`): Server-Sent Events as the Content Lake sends them. `welcome`
 * first on every connection; then, per transaction, one `mutation` event for each document that
 * matches the listener's filter before or after (appear / update / disappear), echoing the
 * client's transactionId, chaining previousRev -> resultRev, with mendoza effects. The Studio
 * waits for the echo of its own transaction before it calls a document consistent, and so before
 * Publish, Unpublish, Delete or Discard can run.
 */

type ListenOptions = {
  includeResult: boolean;
  includePreviousRevision: boolean;
  includeMutations: boolean;
  includeAllVersions: boolean;
};

type Listener = {
  matches: (doc: LakeDocument) => Promise<boolean>;
  options: ListenOptions;
  res: ServerResponse;
};

const flag = (search: URLSearchParams, name: string, fallback: boolean) => {
  const value = search.get(name);
  return value === null ? fallback : value === 'true' || value === '1';
};

export type ListenerHub = {
  open(res: ServerResponse, query: string, params: Record<string, unknown>, search: URLSearchParams): void;
  publish(tx: Transaction): Promise<void>;
  size(): number;
  close(): void;
};

export function createListenerHub(log: (line: string) => void, heartbeatMs = 25_000): ListenerHub {
  const listeners = new Set<Listener>();
  let counter = 0;
  // Events go out in transaction order even though matching is asynchronous.
  let queue: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(() => {
    for (const listener of listeners) listener.res.write(':\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  function matcher(query: string, params: Record<string, unknown>) {
    let tree;
    try {
      tree = parse(query, { params });
    } catch (error) {
      throw new LakeError(400, `The listener query cannot be parsed: ${(error as Error).message}`, 'queryParseError');
    }
    return async (doc: LakeDocument) => {
      const value = await (await evaluate(tree, { dataset: [doc], params })).get();
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    };
  }

  async function deliver(tx: Transaction): Promise<void> {
    const effects = new Map<string, ReturnType<typeof effectsOf>>();
    const effectsFor = (change: Change) => {
      if (!effects.has(change.id)) effects.set(change.id, effectsOf(change.before, change.after));
      return effects.get(change.id)!;
    };
    for (const listener of listeners) {
      const events: Record<string, unknown>[] = [];
      for (const change of tx.changes) {
        if (!listener.options.includeAllVersions && change.id.startsWith('versions.')) continue;
        const before = change.before ? await listener.matches(change.before) : false;
        const after = change.after ? await listener.matches(change.after) : false;
        if (!before && !after) continue;
        events.push(eventFor(tx, change, before ? (after ? 'update' : 'disappear') : 'appear', listener.options, effectsFor));
      }
      events.forEach((event, index) => {
        const data = { ...event, transactionTotalEvents: events.length, transactionCurrentEvent: index };
        listener.res.write(`event: mutation\nid: ${String(event.eventId)}\ndata: ${JSON.stringify(data)}\n\n`);
      });
    }
  }

  return {
    open(res, query, params, search) {
      const listener: Listener = {
        matches: matcher(query, params),
        res,
        options: {
          includeResult: flag(search, 'includeResult', true),
          includePreviousRevision: flag(search, 'includePreviousRevision', false),
          includeMutations: flag(search, 'includeMutations', true),
          includeAllVersions: flag(search, 'includeAllVersions', false),
        },
      };
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      res.write(`event: welcome\ndata: ${JSON.stringify({ listenerName: `lake-${++counter}` })}\n\n`);
      listeners.add(listener);
      res.on('close', () => listeners.delete(listener));
    },
    publish(tx) {
      queue = queue.then(() => deliver(tx)).catch((error: unknown) => log(`[lake] listener delivery failed: ${(error as Error).stack ?? String(error)}`));
      return queue;
    },
    size: () => listeners.size,
    close() {
      clearInterval(heartbeat);
      for (const listener of listeners) listener.res.end();
      listeners.clear();
    },
  };
}

function eventFor(
  tx: Transaction,
  change: Change,
  transition: 'appear' | 'update' | 'disappear',
  options: ListenOptions,
  effectsFor: (change: Change) => ReturnType<typeof effectsOf>,
): Record<string, unknown> {
  const event: Record<string, unknown> = {
    eventId: `${tx.id}#${change.id}`,
    documentId: change.id,
    transactionId: tx.id,
    transition,
    identity: tx.author,
    resultRev: tx.id,
    timestamp: tx.timestamp,
    visibility: 'query',
  };
  if (change.before?._rev) event.previousRev = change.before._rev;
  if (options.includeMutations) event.mutations = change.after ? [{ createOrReplace: change.after }] : [{ delete: { id: change.id } }];
  // Always: the Studio's preview store throws on a mutation event without effects.
  event.effects = effectsFor(change);
  if (options.includeResult && change.after) event.result = change.after;
  if (options.includePreviousRevision && change.before) event.previous = change.before;
  return event;
}
