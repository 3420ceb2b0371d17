/*
 * A listener on the lake as a document list in the Studio holds one: Server-Sent Events on
 * `/data/listen` for a GROQ filter, `welcome` first, then `mutation` events carrying the
 * transactionId of the commit that caused them. Records when each transaction's first event
 * arrived, so a commit's latency to its listeners can be read off by the id it was sent with.
 */

export type BenchListener = {
  /** performance.now() when the first event of `transactionId` arrived; rejects after `timeoutMs`. */
  arrival(transactionId: string, timeoutMs?: number): Promise<number>;
  close(): void;
};

export async function openListener(lakeUrl: string, apiVersion: string, dataset: string, filter: string): Promise<BenchListener> {
  const search = new URLSearchParams({
    query: filter,
    includeResult: 'false',
    includeMutations: 'false',
    effectFormat: 'mendoza',
    visibility: 'query',
    tag: 'bench.listen',
  });
  const abort = new AbortController();
  const response = await fetch(`${lakeUrl}/v${apiVersion}/data/listen/${dataset}?${search}`, {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`the listener answered ${response.status}`);
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  let welcomed: () => void;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));

  function onEvent(block: string): void {
    const at = performance.now();
    const event = /^event: (.*)$/m.exec(block)?.[1];
    if (event === 'welcome') return welcomed();
    if (event !== 'mutation') return;
    const data = /^data: (.*)$/m.exec(block)?.[1];
    const id = data ? (JSON.parse(data) as { transactionId?: string }).transactionId : undefined;
    if (!id || arrived.has(id)) return;
    arrived.set(id, at);
    waiting.get(id)?.(at);
  }

  const reader = response.body.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          onEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // closed by close()
    }
  })();
  await welcome;

  return {
    arrival(transactionId, timeoutMs = 30_000) {
      const at = arrived.get(transactionId);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listener event for transaction ${transactionId} within ${timeoutMs / 1000} s`)), timeoutMs);
        waiting.set(transactionId, (time) => {
          clearTimeout(timer);
          resolve(time);
        });
      });
    },
    close: () => abort.abort(),
  };
}
