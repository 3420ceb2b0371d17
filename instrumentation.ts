/**
 * Next.js calls register() once as a server starts, before it serves a request: a bad
 * environment (a short secret, a malformed URL, a port of 0) stops `next start` here, exit code
 * 1, with the variable's name. Throwing is not enough: Next logs an error from register() and
 * keeps listening, so a process manager would see the server up while every request fails.
 * (`next start` binds its port before it loads the app, so the port is open for a moment;
 * `npm start` checks the same in scripts/start.ts before anything listens.)
 * Node only: the environment is the Node server's, and lib/env.ts uses node:path.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { environmentProblem } = await import('./lib/env.ts');
  const problem = environmentProblem(process.env);
  if (problem === undefined) return;
  console.error(`${problem}\nThe server stops here: set the variable right and start it again.`);
  process.exit(1);
}
