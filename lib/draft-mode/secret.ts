import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a preview secret in constant time. Both sides are hashed first so
 * neither the content nor the length of the configured secret leaks. No
 * secret configured refuses everything.
 */
export function previewSecretMatches(given: string | null | undefined, expected: string | null | undefined): boolean {
  if (typeof expected !== 'string' || expected === '') return false;
  if (typeof given !== 'string' || given === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
