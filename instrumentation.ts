import { serverEnv } from './lib/env.ts';

/**
 * Next.js calls register() once as a server starts: a bad environment (a
 * short secret, a malformed URL) stops `next start` with the variable's name,
 * instead of surfacing on the first request that reads it.
 */
export function register(): void {
  serverEnv();
}
