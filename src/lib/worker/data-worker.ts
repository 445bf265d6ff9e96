/// <reference lib="webworker" />
/**
 * The data worker's entry point: wires `DataService` to the page's messages. Started by
 * `$lib/client/worker-bridge`, the only module that talks to it.
 */
// The compiled bundle, emitted by Vite as a hashed asset: a new build's content gets a new URL.
import bundleUrl from '../../../.sidecar/bundle.json?url';
import { describeError } from '$lib/storage/database';
import { DataService } from './data-service';
import type { RequestMessage, WorkerMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

const service = new DataService({
  bundleUrl: new URL(bundleUrl, scope.location.href).href,
  fetch: (url) => fetch(url),
  estimateStorage: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
  onStatus: (status) => post({ type: 'status', status }),
  // Worth a developer's attention, but expected (offline, private mode): a warning, not an error.
  onProblem: (message) => console.warn(`Sidecar: ${message}`),
});

scope.addEventListener('message', (message: MessageEvent<RequestMessage>) => {
  const { seq, kind, params } = message.data;
  service.handle(kind, params).then(
    (result) => post({ type: 'reply', seq, ok: true, result }),
    (error: unknown) => post({ type: 'reply', seq, ok: false, error: describeError(error) }),
  );
});
