/*
 * A "use cache" entry's value is a stream; the handlers keep its bytes. Shared by the
 * in-memory (memory-use-cache-handler.ts) and Redis (use-cache-handler.ts) handlers.
 */

/** The stream's bytes in one buffer of exactly their size, owning its memory (never a slice of Node's pool). */
export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A stream that hands back the kept bytes. */
export function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}
