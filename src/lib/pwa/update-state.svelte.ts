/**
 * Where the app stands with its own updates, shared by the layout's update banner and the About
 * page's "check for updates" button. Only `sw-bridge` writes it; components only read `current`.
 */

/** One state at a time, so the UI never shows "checking" and "up to date" together. */
export type UpdateState =
  /** No service worker here (an old browser, a non-secure origin, or the dev server). */
  | { kind: 'unsupported' }
  /** Registered, or registering; nothing known yet about newer versions. */
  | { kind: 'idle' }
  /** `checkForUpdates()` asked the server for a newer service worker and awaits the answer. */
  | { kind: 'checking' }
  /** The last check found nothing newer than what runs now. */
  | { kind: 'up-to-date' }
  /** A new version is installed and waits: offer "A new version is available — Reload". */
  | { kind: 'waiting' }
  /** The check could not reach the server: the app keeps working from its cache. */
  | { kind: 'offline' }
  /** Registration or the check failed for another reason; `message` is for logs, not users. */
  | { kind: 'error'; message: string };

/** A rune-backed holder of the current `UpdateState`. */
class UpdateStateStore {
  /** The state now; reactive in components and `$derived` expressions. */
  current = $state<UpdateState>({ kind: 'idle' });

  /** Replaces the state; called by `sw-bridge` only. */
  set(next: UpdateState): void {
    this.current = next;
  }
}

/** The app's one update state. */
export const updateState = new UpdateStateStore();
