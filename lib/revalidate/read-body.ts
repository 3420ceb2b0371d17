/** A webhook body is one document or a small projection; a real article is well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; status: 400 | 413; reason: string };

/**
 * Reads a request body as UTF-8 text, refusing it as soon as it passes
 * `limit` bytes: a declared Content-Length over the limit is refused before
 * reading, and a chunked body is counted while it streams, so an oversized
 * body is never buffered whole.
 */
export async function readBodyWithLimit(request: Request, limit: number = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!/^\d+$/.test(declared)) return { ok: false, status: 400, reason: 'invalid content-length' };
    if (Number(declared) > limit) return { ok: false, status: 413, reason: `body over ${limit} bytes` };
  }
  if (!request.body) return { ok: true, text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413, reason: `body over ${limit} bytes` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, reason: 'body is not UTF-8' };
  }
}
