import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mimeTypeOf, parseAssetFileName, type AssetKind } from './asset-names.ts';
import { isIdentity, planImage, transformImage, type OutputFormat } from './image-transform.ts';

/*
 * `GET /images/<pid>/<ds>/<name>` and `/files/<pid>/<ds>/<name>`, as the CDN answers them. Only a name
 * matching Sanity's strict pattern reaches the disk (no dot but the extension's, no slash), and the
 * realpath check refuses a symlink out of the folder. A name's content never changes (it is its
 * sha1), so every answer is immutable, and the last few resized variants are kept in memory: the
 * Studio asks for the same thumbnails over and over.
 */

export type AssetResponse = { status: number; headers: Record<string, string>; body: Buffer | string };

const SHARP_FORMAT: Record<string, OutputFormat> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' };
const CONTENT_TYPES: Record<OutputFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };
/** An SVG or an uploaded file opened on the lake's origin must not run anything there. */
const SAFE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" };

const CACHE_BYTES = 32 * 1024 * 1024;
const variants = new Map<string, { body: Buffer; format: OutputFormat }>();
let cachedBytes = 0;

function remember(key: string, value: { body: Buffer; format: OutputFormat }): void {
  if (value.body.byteLength > CACHE_BYTES / 4) return;
  variants.set(key, value);
  cachedBytes += value.body.byteLength;
  // A Map iterates in insertion order, and a hit is re-inserted: the first entry is the least recently used.
  for (const [oldKey, old] of variants) {
    if (cachedBytes <= CACHE_BYTES) break;
    variants.delete(oldKey);
    cachedBytes -= old.body.byteLength;
  }
}

function notFound(): AssetResponse {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: 'Not found' };
}

function ok(body: Buffer, contentType: string, extra: Record<string, string> = {}): AssetResponse {
  return {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*',
      ...SAFE_HEADERS,
      ...extra,
    },
    body,
  };
}

/** `?dl=` (the builder's forceDownload) makes the answer an attachment, named as asked or as the file. */
function download(query: URLSearchParams, name: string): Record<string, string> {
  if (!query.has('dl')) return {};
  const filename = (query.get('dl') || name).replace(/[/\\]/g, '_');
  return { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` };
}

async function readInside(folder: string, name: string): Promise<Buffer | null> {
  try {
    const real = await realpath(join(folder, name));
    if (dirname(real) !== (await realpath(folder))) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

/**
 * The answer for one asset name under `<folder>/<kind>/`. Images take the image URL builder's
 * parameters; `accept` (the request's Accept header) lets `auto=format` choose WebP.
 */
export async function serveAsset(folder: string, kind: AssetKind, name: string, query: URLSearchParams, accept = ''): Promise<AssetResponse> {
  const parsed = parseAssetFileName(kind, name);
  if (!parsed) return notFound();
  const source = await readInside(join(folder, kind), name);
  if (!source) return notFound();
  const original = SHARP_FORMAT[parsed.extension];
  if (kind === 'files' || !original) return ok(source, mimeTypeOf(parsed.extension), download(query, name));

  const plan = planImage(query, { width: parsed.width!, height: parsed.height! }, accept);
  const headers = { ...download(query, name), ...(plan.variesByAccept ? { Vary: 'Accept' } : {}) };
  if (isIdentity(plan)) return ok(source, CONTENT_TYPES[original], headers);
  const key = `${name}?${JSON.stringify(plan)}`;
  const cached = variants.get(key);
  if (cached) {
    variants.delete(key);
    variants.set(key, cached);
    return ok(cached.body, CONTENT_TYPES[cached.format], headers);
  }
  try {
    const variant = await transformImage(source, plan, original);
    remember(key, variant);
    return ok(variant.body, CONTENT_TYPES[variant.format], headers);
  } catch (error) {
    // A file sharp cannot read is still the editor's image: send it as it is rather than lose it.
    console.error(`lake: could not transform ${name} (${(error as Error).message}); sending the original`);
    return ok(source, CONTENT_TYPES[original], headers);
  }
}
