/**
 * Deterministic `_key`s for generated content (import, sample build): the same
 * (seed, part) always gives the same key, so rebuilding the sample dataset is
 * byte-identical. Pure JS (no node:crypto) because pages import this folder too.
 */
export function deterministicKey(seed: string, part: string | number = ''): string {
  const input = `${seed}\u0000${part}`;
  return (hash32(input, 0x9e3779b9) + hash32(input, 0x85ebca6b)).slice(0, 12);
}

/** A longer deterministic hash, e.g. for `_rev` values derived from content. */
export function contentHash(text: string, length = 22): string {
  let out = '';
  for (let round = 0; out.length < length; round++) out += hash32(text, 0x27d4eb2f + round * 0x165667b1);
  return out.slice(0, length);
}

/** 32-bit hash (murmur3-style mixing), as 8 hex digits. */
function hash32(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}
