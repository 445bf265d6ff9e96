/**
 * The page's one door to the service worker: registers it through workbox-window, tracks whether
 * a newer version waits, and activates that version only when the user asks. Nothing else in the
 * app touches `navigator.serviceWorker` or workbox-window.
 */
import { Workbox } from 'workbox-window';
import { browser, dev } from '$app/environment';
import { base } from '$app/paths';
import { updateState } from './update-state.svelte';

export { updateState };

let workbox: Workbox | null = null;
let registration: ServiceWorkerRegistration | null = null;

/** Where SvelteKit emits `src/service-worker.ts`; its scope is the whole app. */
const SERVICE_WORKER_URL = `${base}/service-worker.js`;
const SCOPE = `${base}/`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The state `worker` reaches once it stops installing: `installed` means it waits. */
function afterInstalling(worker: ServiceWorker): Promise<ServiceWorkerState> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state === 'installing') return;
      worker.removeEventListener('statechange', check);
      resolve(worker.state);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * Registers the service worker once per page load (call it from the root layout's `onMount`).
 * Never throws: failures end up in `updateState`.
 */
export function registerServiceWorker(): void {
  if (!browser || workbox) return;
  // The dev server rebuilds modules on every edit; a service worker there would serve stale code.
  if (dev || !('serviceWorker' in navigator)) {
    updateState.set({ kind: 'unsupported' });
    return;
  }
  workbox = new Workbox(SERVICE_WORKER_URL, { scope: SCOPE });
  // Fires for a version found while this page runs and for one already waiting at load time.
  workbox.addEventListener('waiting', () => updateState.set({ kind: 'waiting' }));
  workbox
    .register()
    .then((registered) => {
      registration = registered ?? null;
    })
    .catch((error: unknown) => updateState.set({ kind: 'error', message: messageOf(error) }));
}

/**
 * Asks the server whether a newer version exists (the About page's button). Resolves once the
 * answer is in `updateState`: `waiting`, `up-to-date`, `offline` or `error`; never rejects.
 */
export async function checkForUpdates(): Promise<void> {
  if (!workbox) {
    updateState.set({ kind: 'unsupported' });
    return;
  }
  if (updateState.current.kind === 'waiting') return;
  updateState.set({ kind: 'checking' });
  try {
    registration ??= (await navigator.serviceWorker.getRegistration(SCOPE)) ?? null;
    await workbox.update();
  } catch (error) {
    updateState.set(
      navigator.onLine ? { kind: 'error', message: messageOf(error) } : { kind: 'offline' },
    );
    return;
  }
  const found = registration?.installing ?? registration?.waiting ?? null;
  const outcome = found ? await afterInstalling(found) : 'redundant';
  // The 'waiting' listener may already have said so; otherwise the check's outcome does.
  if (updateState.current.kind === 'checking') {
    updateState.set(outcome === 'installed' ? { kind: 'waiting' } : { kind: 'up-to-date' });
  }
}

/**
 * Activates the waiting version and reloads the page once it controls it. Call it only from the
 * user's "Reload" button: user data lives in IndexedDB and survives; unsaved UI state does not.
 */
export function applyUpdate(): void {
  if (!workbox || updateState.current.kind !== 'waiting') return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
