import type { IncomingMessage, ServerResponse } from 'node:http';
import { LakeError } from './types.ts';

/** Request bodies are bounded: a mutation or query is small; an upload has its own, larger bound. */
export const JSON_BODY_LIMIT = 4 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new LakeError(413, `The request body is over ${limit} bytes`, 'payloadTooLargeError'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new LakeError(413, `The request body is over ${limit} bytes`, 'payloadTooLargeError'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, JSON_BODY_LIMIT);
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new LakeError(400, `The request body is not a JSON object: ${(error as Error).message}`);
  }
}

/**
 * Credentialed CORS for any origin: the Studio sends cookies or a token with every call and a
 * custom header, so every path needs a preflight answer. Safe because the open mode only ever
 * listens on loopback; off loopback every write needs a token (server.ts).
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? 'Authorization,Content-Type,X-Sanity-App'),
    'Access-Control-Expose-Headers': 'X-Sanity-Shard,Retry-After,Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Any JSON value (the Studio's key-value settings are sent as an array). */
export async function readJsonValue(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, JSON_BODY_LIMIT);
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch (error) {
    throw new LakeError(400, `The request body is not JSON: ${(error as Error).message}`);
  }
}
