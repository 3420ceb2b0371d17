import type { IncomingMessage } from 'node:http';
import { MAX_UPLOAD_BYTES, storeUpload } from './assets.ts';
import type { DataContext } from './data-routes.ts';
import { readBody } from './http.ts';

/**
 * `POST /assets/images/<ds>` (and files): the bytes are stored under their sha1 beside the
 * dataset and the asset document is created once; uploading the same picture again answers the
 * document that exists, as Sanity does.
 */
export async function uploadRoute(ctx: DataContext, req: IncomingMessage, kind: 'images' | 'files', search: URLSearchParams, publicUrl: string) {
  const bytes = await readBody(req, MAX_UPLOAD_BYTES);
  const base = `${publicUrl}/${kind}/${ctx.projectId}/${ctx.dataset}`;
  const asset = await storeUpload({
    folder: ctx.store.files.folder,
    kind,
    bytes,
    filename: search.get('filename') ?? undefined,
    contentType: req.headers['content-type'],
    imageUrlBase: `${publicUrl}/images/${ctx.projectId}/${ctx.dataset}`,
    fileUrlBase: base.replace('/images/', '/files/'),
    now: new Date().toISOString(),
  });
  const existing = ctx.store.get(asset._id);
  if (existing) return { document: existing };
  ctx.store.commit({ author: ctx.author }, (staging) => {
    if (!staging.get(asset._id)) staging.put(asset);
  });
  return { document: ctx.store.get(asset._id) };
}
