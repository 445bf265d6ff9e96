/**
 * The page's one door to the data worker: starts it on first use, pairs replies with requests,
 * and turns every failure into a rejected promise the caller can handle (never an uncaught error).
 */
import type {
  ContentStatus,
  RequestKind,
  RequestMessage,
  RequestParams,
  RequestResult,
  WorkerMessage,
} from '$lib/worker/protocol';

type Pending = { resolve(result: unknown): void; reject(error: Error): void };

let worker: Worker | null = null;
let nextSeq = 1;
const pending = new Map<number, Pending>();
const statusListeners = new Set<(status: ContentStatus) => void>();

function failAll(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(new URL('../worker/data-worker.ts', import.meta.url), {
    type: 'module',
    name: 'sidecar-data',
  });
  started.addEventListener('message', (message: MessageEvent<WorkerMessage>) => {
    const data = message.data;
    if (data.type === 'status') {
      for (const listener of statusListeners) listener(data.status);
      return;
    }
    const request = pending.get(data.seq);
    if (!request) return;
    pending.delete(data.seq);
    if (data.ok) request.resolve(data.result);
    else request.reject(new Error(data.error));
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(new Error(`The data worker failed: ${event.message || 'it could not start'}`));
    worker = null;
  });
  return started;
}

/** Asks the data worker; rejects when the worker fails or answers with an error. */
export function request<K extends RequestKind>(
  kind: K,
  params: RequestParams<K>,
): Promise<RequestResult<K>> {
  worker ??= startWorker();
  const seq = nextSeq++;
  const message = { seq, kind, params } as RequestMessage;
  return new Promise((resolve, reject) => {
    pending.set(seq, { resolve: resolve as (result: unknown) => void, reject });
    worker?.postMessage(message);
  });
}

/** Calls `listener` whenever the worker reports a new content status; returns an unsubscribe. */
export function onStatus(listener: (status: ContentStatus) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}
