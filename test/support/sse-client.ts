/** One event as a client of GET /scheduler/events receives it. */
export interface ReceivedEvent {
  id: string | null;
  type: string;
  data: Record<string, unknown>;
}

export interface SseClient {
  /** The HTTP status the stream answered with. */
  readonly status: number;
  readonly received: readonly ReceivedEvent[];
  /** The first event (received already or still to come) that matches, after those taken by earlier calls. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

/** Reads a Server-Sent Events stream over fetch, the way the dashboard does (headers such as X-API-Key included). */
export async function openEvents(baseUrl: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/scheduler/events`, { headers, signal: abort.signal });
  const received: ReceivedEvent[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  if (response.ok && response.body) void pump(response.body, received, () => waiters.forEach((wake) => wake()));
  else abort.abort();
  return {
    status: response.status,
    received,
    async next(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = received.findIndex((event, i) => i >= taken && match(event));
        if (index >= 0) {
          taken = index + 1;
          return received[index]!;
        }
        if (Date.now() > deadline) throw new Error(`no matching event in ${timeoutMs} ms; received: ${received.map((event) => event.type).join(', ')}`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 100);
        });
      }
    },
    close: () => abort.abort(),
  };
}

async function pump(body: ReadableStream<Uint8Array>, received: ReceivedEvent[], wake: () => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.split('\n').filter((line) => line.startsWith(`${name}: `)).map((line) => line.slice(name.length + 2));
        const data = field('data').join('\n');
        received.push({ id: field('id')[0] ?? null, type: field('event')[0] ?? 'message', data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
      }
      wake();
    }
  } catch {
    // closed by the test, or by the app shutting down
  }
}
