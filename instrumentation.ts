/**
 * Next.js calls register() once as a server starts: a bad environment (a
 * short secret, a malformed URL) stops `next start` with the variable's name,
 * instead of surfacing on the first request that reads it. Node only: the
 * environment is the Node server's, and lib/env.ts uses node:path.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { serverEnv } = await import('./lib/env.ts');
  serverEnv();
}
