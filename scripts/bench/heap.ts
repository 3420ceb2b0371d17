/*
 * A full garbage collection in a running `next start`, through the V8 inspector it was
 * started with (`NODE_OPTIONS=--inspect=127.0.0.1:<port>`). Resident memory read right
 * after it is what the process keeps; read without it, the figure also holds garbage V8
 * has not yet collected and heap room it keeps after a burst of renders.
 */

export const inspectOption = (port: number) => `--inspect=127.0.0.1:${port}`;

type Target = { webSocketDebuggerUrl: string };

export async function collectGarbage(inspectPort: number): Promise<void> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Target[];
  if (!target) throw new Error(`no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`could not reach the inspector on port ${inspectPort}`)), { once: true });
  });
  try {
    // Twice: the first pass may only free what finalizers then release.
    for (const id of [1, 2]) {
      await new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if ((JSON.parse(String(event.data)) as { id?: number }).id !== id) return;
          socket.removeEventListener('message', onMessage);
          resolve();
        };
        socket.addEventListener('message', onMessage);
        socket.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }));
      });
    }
  } finally {
    socket.close();
  }
}
