/*
 * JSON for cache values that leave the process. Next's page entries hold
 * Buffers (`rscData`, route bodies) and Maps (`segmentData`), which plain
 * JSON turns into `{type:'Buffer',data:[…]}` and `{}`: read back, client-side
 * navigation then fails with "segmentData.get is not a function". Both are
 * tagged on the way out and rebuilt on the way in.
 */

const BYTES = '__nmnBytes';
const MAP = '__nmnMap';

export function toCacheJson(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, current: unknown) {
    // `this[key]` is the value before Buffer#toJSON ran.
    const raw = this[key];
    if (raw instanceof Uint8Array) return { [BYTES]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    if (raw instanceof Map) return { [MAP]: [...raw.entries()] };
    return current;
  });
}

export function fromCacheJson<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      if (typeof record[BYTES] === 'string' && Object.keys(record).length === 1) return Buffer.from(record[BYTES], 'base64');
      if (Array.isArray(record[MAP]) && Object.keys(record).length === 1) return new Map(record[MAP] as [unknown, unknown][]);
    }
    return value;
  }) as T;
}
