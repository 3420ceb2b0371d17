import { isPublishedId } from '../lib/content/perspective.ts';
import { applyActions } from './actions.ts';
import { applyMutation, type MutationResult } from './mutations.ts';
import { assertNothingRefersTo } from './references.ts';
import { defaultPerspective, documentsInPerspective } from './perspective.ts';
import { paramsFromSearch, runQuery } from './query.ts';
import type { Store } from './store.ts';
import { LakeError, type LakeDocument } from './types.ts';

/*
 * `/data/query`, `/data/doc`, `/data/mutate` and `/data/actions`: reads through perspectives,
 * writes as one transaction each. A caller without the editor's rights (only possible when the
 * lake listens beyond loopback without the token) reads published documents only.
 */

export type DataContext = { store: Store; projectId: string; dataset: string; author: string; canReadDrafts: boolean };

const views = new WeakMap<Store, { version: unknown; byPerspective: Map<string, LakeDocument[]> }>();

/** Each perspective's document list, rebuilt only after a commit. */
function documentsFor(store: Store, perspective: string): LakeDocument[] {
  const version = store.translog().at(-1)?.id ?? null;
  let cache = views.get(store);
  if (!cache || cache.version !== version) {
    cache = { version, byPerspective: new Map() };
    views.set(store, cache);
  }
  let docs = cache.byPerspective.get(perspective);
  if (!docs) {
    docs = documentsInPerspective(store.documents(), perspective);
    cache.byPerspective.set(perspective, docs);
  }
  return docs;
}

export async function queryRoute(ctx: DataContext, apiVersion: string, search: URLSearchParams, body: Record<string, unknown> | undefined) {
  const query = typeof body?.query === 'string' ? body.query : search.get('query');
  if (!query) throw new LakeError(400, 'The request needs a "query"', 'queryParseError');
  const params = body?.params && typeof body.params === 'object' ? (body.params as Record<string, unknown>) : paramsFromSearch(search);
  const asked = (typeof body?.perspective === 'string' ? body.perspective : search.get('perspective')) ?? defaultPerspective(apiVersion);
  const perspective = ctx.canReadDrafts ? asked : 'published';
  const started = performance.now();
  const result = await runQuery(query, params, documentsFor(ctx.store, perspective), ctx.author, ctx.projectId, ctx.dataset);
  const answer: Record<string, unknown> = { result, ms: Math.round(performance.now() - started) };
  if (search.get('returnQuery') !== 'false') answer.query = query;
  return answer;
}

export function docRoute(ctx: DataContext, ids: string[]) {
  const documents: LakeDocument[] = [];
  const omitted: { id: string; reason: string }[] = [];
  for (const id of ids) {
    const doc = ctx.store.get(id);
    if (doc && (ctx.canReadDrafts || isPublishedId(id))) documents.push(doc);
    else omitted.push({ id, reason: doc ? 'permission' : 'existence' });
  }
  return { documents, omitted };
}

/**
 * A delete or patch by query (`{delete: {query, params}}`, as the Presentation tool clears its
 * expired preview secrets) becomes one mutation per document the query finds now, run raw.
 */
async function expandQueryMutations(ctx: DataContext, mutations: unknown[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const mutation of mutations) {
    const [kind, body] = Object.entries((mutation ?? {}) as Record<string, unknown>)[0] ?? [];
    const target = body as { query?: unknown; params?: unknown } | undefined;
    if ((kind !== 'delete' && kind !== 'patch') || typeof target?.query !== 'string') {
      out.push(mutation);
      continue;
    }
    const params = (target.params ?? {}) as Record<string, unknown>;
    const found = await runQuery(target.query, params, documentsFor(ctx.store, 'raw'), ctx.author, ctx.projectId, ctx.dataset);
    const ids = (Array.isArray(found) ? found : [found]).flatMap((hit) =>
      typeof (hit as LakeDocument | null)?._id === 'string' ? [(hit as LakeDocument)._id] : [],
    );
    const { query: _query, params: _params, ...operations } = target;
    void _query;
    void _params;
    for (const id of ids) out.push(kind === 'delete' ? { delete: { id } } : { patch: { ...operations, id } });
  }
  return out;
}

export async function mutateRoute(ctx: DataContext, search: URLSearchParams, body: Record<string, unknown>) {
  if (!Array.isArray(body.mutations)) throw new LakeError(400, 'The request needs a "mutations" array');
  const mutations = await expandQueryMutations(ctx, body.mutations);
  const results: MutationResult[] = [];
  const tx = ctx.store.commit({ transactionId: stringOr(body.transactionId), author: ctx.author }, (staging) => {
    for (const mutation of mutations) results.push(applyMutation(staging, mutation));
    // Referential integrity is the dataset's, not the Studio's: a client.delete() is held to it too.
    assertNothingRefersTo(
      staging,
      results.filter((result) => result.operation === 'delete').map((result) => result.id),
    );
  });
  const returnDocuments = search.get('returnDocuments') === 'true';
  return {
    transactionId: tx.id,
    results: results.map((result) => ({
      id: result.id,
      operation: result.operation,
      ...(returnDocuments && result.document ? { document: ctx.store.get(result.id) } : {}),
    })),
    ...(returnDocuments ? { documents: results.flatMap((result) => (result.document ? [ctx.store.get(result.id)] : [])) } : {}),
  };
}

export function actionsRoute(ctx: DataContext, body: Record<string, unknown>) {
  if (body.dryRun === true) throw new LakeError(400, 'dryRun is not supported by the local Content Lake');
  const tx = ctx.store.commit({ transactionId: stringOr(body.transactionId), author: ctx.author }, (staging) => applyActions(staging, body.actions));
  return { transactionId: tx.id };
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
