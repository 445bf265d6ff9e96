/**
 * The content status the data worker reports, as one shared rune: the layout reads it to say, in
 * one line, when content lives only in memory, is older than this build, or is not there at all.
 */
import type { ContentStatus, StorageNotice } from '$lib/worker/protocol';
import { query } from './query';
import { onStatus } from './worker-bridge';

/** What the one-line notice should say, or null when there is nothing to tell. */
export type StatusNoticeKey = StorageNotice | 'memory' | 'offline' | 'invalid-bundle';

/** The line to show for `status`, if any; a specific notice wins over the generic 'memory' one. */
export function noticeFor(status: ContentStatus): StatusNoticeKey | null {
  if (status.kind === 'unavailable') return status.reason;
  if (status.kind !== 'ready') return null;
  if (status.notice) return status.notice;
  return status.storage === 'memory' ? 'memory' : null;
}

class ContentStatusStore {
  /** The latest status; 'loading' until the worker first answers. */
  current = $state<ContentStatus>({ kind: 'loading' });
  #started = false;

  /** Subscribes to the worker's pushes and asks for the status now; idempotent. Browser only. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    onStatus((status) => {
      this.current = status;
    });
    query('status', {}).then(
      // The worker answers in order, so this reply is newer than any push that came before it.
      (status) => {
        this.current = status;
      },
      () => {
        // The worker could not start: pages report that themselves; nothing to add here.
      },
    );
  }
}

/** The app's one content status. */
export const contentStatus = new ContentStatusStore();
