/** @module Reads a Server-Sent Events stream in tests, the way a browser's EventSource would. */
import assert from 'node:assert/strict';

export interface OpenStream {
  /** Everything received so far. */
  text(): string;
  /** Waits until the received text matches. */
  until(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended(timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  return {
    text: () => received,
    async until(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(received)) {
        if (Date.now() > deadline)
          throw new Error(`no ${String(pattern)} in the stream within ${timeoutMs} ms:\n${received}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${String(pattern)}:\n${received}`);
        received += decoder.decode(value, { stream: true });
      }
    },
    async ended(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`the stream is still open after ${timeoutMs} ms`);
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}
