import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { serveAsset } from './assets.ts';
import { LOCAL_USER_ID, platformAnswer } from './cloud.ts';
import { actionsRoute, docRoute, mutateRoute, queryRoute, type DataContext } from './data-routes.ts';
import { historyRoute } from './history-routes.ts';
import { corsHeaders, readJson, readJsonValue, sendJson } from './http.ts';
import type { ListenerHub } from './listener.ts';
import { paramsFromSearch } from './query.ts';
import type { Store } from './store.ts';
import { uploadRoute } from './upload-route.ts';
import { LakeError } from './types.ts';

export type LakeServerOptions = {
  store: Store;
  hub: ListenerHub;
  projectId: string;
  dataset: string;
  /** Where image URLs point (the bare host, as Sanity's image URL builder makes them). */
  publicUrl: string;
  /** Open: every caller is the local editor (loopback only). Else a caller needs `Bearer <token>` for all but published reads. */
  open: boolean;
  token?: string;
  log: (line: string) => void;
};

const VERSIONED = /^\/v(\d{4}-\d{2}-\d{2}|1|X)(\/.*)$/;
const NOT_FOUND = { error: 'Not Found', statusCode: 404 };

/** The lake's HTTP face: Sanity's routes on `<project>.localhost:PORT` and `localhost:PORT` alike. */
export function createLakeServer(options: LakeServerOptions): Server & { unknownRoutes: string[] } {
  const { store, hub, log } = options;
  const unknownRoutes: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req);
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://lake.invalid');
    const method = req.method ?? 'GET';
    const asset = /^\/(images|files)\/[^/]+\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (asset && method === 'GET') {
      if (asset[2] !== options.dataset) return sendJson(res, 404, NOT_FOUND);
      const answer = await serveAsset(store.files.folder, asset[1] as 'images' | 'files', asset[3]!, url.searchParams);
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    if (url.pathname === '/__lake/status') {
      return sendJson(res, 200, { unknownRoutes, listeners: hub.size(), documents: store.documents().length, transactions: store.translog().length });
    }
    const versioned = VERSIONED.exec(url.pathname);
    const apiVersion = versioned?.[1] ?? '1';
    const path = versioned?.[2] ?? url.pathname;
    const editor = options.open || (options.token !== undefined && req.headers.authorization === `Bearer ${options.token}`);
    const ctx: DataContext = { store, projectId: options.projectId, dataset: options.dataset, author: LOCAL_USER_ID, canReadDrafts: editor };

    const data = /^\/(data|assets)\/([a-z]+)\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (data) {
      const [, area, kind, dataset, rest = ''] = data;
      if (dataset !== options.dataset) return sendJson(res, 404, { error: 'Dataset not found', statusCode: 404 });
      const write = method !== 'GET' && !(kind === 'query' && method === 'POST');
      if ((write || kind === 'listen' || kind === 'history') && !editor) throw new LakeError(401, 'This needs the lake token', 'unauthorizedError');
      if (area === 'assets' && method === 'POST' && (kind === 'images' || kind === 'files')) {
        return sendJson(res, 200, await uploadRoute(ctx, req, kind, url.searchParams, options.publicUrl));
      }
      switch (kind) {
        case 'query':
          return sendJson(res, 200, await queryRoute(ctx, apiVersion, url.searchParams, method === 'POST' ? await readJson(req) : undefined));
        case 'doc':
          return sendJson(res, 200, docRoute(ctx, decodeURIComponent(rest).split(',').filter(Boolean)));
        case 'mutate':
          return sendJson(res, 200, await mutateRoute(ctx, url.searchParams, await readJson(req)));
        case 'actions':
          return sendJson(res, 200, actionsRoute(ctx, await readJson(req)));
        case 'listen':
          hub.open(res, url.searchParams.get('query') ?? '*', paramsFromSearch(url.searchParams), url.searchParams);
          return;
        case 'live':
          // The Presentation tool's live events: a welcome, then silence (the lake has no live CDN).
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
          res.write(`event: welcome\ndata: {}\n\n`);
          return;
        case 'history':
          return historyRoute(res, store, rest, url.searchParams);
        case 'references':
          return sendJson(res, 200, { totalCount: 0, references: [] });
        case 'ping':
          return sendJson(res, 200, { ok: true });
      }
    }
    if (path === '/users/me' && !editor) throw new LakeError(401, 'Not logged in to the local Content Lake', 'unauthorizedError');
    const platform = platformAnswer(
      method,
      path,
      method === 'PUT' || method === 'POST' ? await readJsonValue(req) : undefined,
      options.projectId,
      options.dataset,
    );
    if (platform) return sendJson(res, platform.status, platform.body);
    unknownRoutes.push(`${method} ${url.pathname}`);
    log(`[lake] unknown route: ${method} ${url.pathname}${url.search}`);
    sendJson(res, 404, NOT_FOUND);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof LakeError) return sendJson(res, error.statusCode, error.body());
      log(`[lake] ${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, { error: { description: 'The local Content Lake failed on this request; its log says why', type: 'internalError' }, statusCode: 500 });
    });
  });
  // The Studio's presence socket (bifur) is optional: refused, the Studio shows no presence and carries on.
  server.on('upgrade', (_req, socket) => socket.destroy());
  return Object.assign(server, { unknownRoutes });
}
