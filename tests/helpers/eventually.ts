/*
 * The one way a test waits for something a running site, an edge or a fixture does "soon": try
 * the assertion until it passes, and fail at a deadline with what was expected and the last
 * failure seen. Tests never sleep a guessed time instead. Framework-free (any thrown error counts
 * as "not yet"), so vitest and Playwright suites share it.
 */

export type EventuallyOptions = {
  /** What is awaited, for the failure message ("the corrected headline at the edge"). */
  what: string;
  /** Milliseconds before giving up (default 15 s). */
  timeout?: number;
  /** Milliseconds between attempts (default 100). */
  interval?: number;
};

/** Calls `attempt` until it returns without throwing; returns its result. */
export async function eventually<T>(attempt: () => T | Promise<T>, { what, timeout = 15_000, interval = 100 }: EventuallyOptions): Promise<T> {
  const started = Date.now();
  let attempts = 0;
  let last: unknown;
  for (;;) {
    attempts += 1;
    try {
      return await attempt();
    } catch (error) {
      last = error;
    }
    if (Date.now() - started + interval > timeout) break;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  const reason = last instanceof Error ? last.message : String(last);
  throw new Error(`${what}: not within ${timeout} ms (${attempts} attempts); last failure: ${reason}`, { cause: last });
}
