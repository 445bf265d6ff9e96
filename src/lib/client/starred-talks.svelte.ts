/**
 * The reader's starred talks, shared by every star button on the page. Stars are per browser, so
 * they are never prerendered: `load()` asks the data worker once, after the page is interactive.
 * A click shows its effect at once and is then confirmed, or undone, by the worker's reply.
 */
import { SvelteSet } from 'svelte/reactivity';
import { query } from './query';

/** Whether the stars are known yet; buttons stay usable either way. */
export type StarsState = { kind: 'unknown' } | { kind: 'loaded' } | { kind: 'failed' };

class StarredTalks {
  /** Ids of the starred talks, as last confirmed or optimistically changed. */
  readonly ids = new SvelteSet<string>();
  state = $state<StarsState>({ kind: 'unknown' });
  /** Set when the last change could not be saved; cleared by the next successful one. */
  saveFailed = $state(false);
  #loading: Promise<void> | null = null;
  /** Counts changes, so only the reply to the latest one is taken as the truth. */
  #latestChange = 0;

  /** Reads the stars from the worker once; later calls share the first. Never rejects. */
  load(): Promise<void> {
    this.#loading ??= query('stars', {}).then(
      (ids) => {
        if (this.#latestChange === 0) this.#replace(ids);
        this.state = { kind: 'loaded' };
      },
      () => {
        this.state = { kind: 'failed' };
      },
    );
    return this.#loading;
  }

  has(talkId: string): boolean {
    return this.ids.has(talkId);
  }

  /** Stars or unstars a talk: shown at once, then replaced by what the worker stored. */
  async set(talkId: string, starred: boolean): Promise<void> {
    const change = ++this.#latestChange;
    const before = this.ids.has(talkId);
    if (starred) this.ids.add(talkId);
    else this.ids.delete(talkId);
    try {
      const stored = await query('setStar', { talkId, starred });
      if (change !== this.#latestChange) return;
      this.#replace(stored);
      this.saveFailed = false;
    } catch {
      if (change !== this.#latestChange) return;
      if (before) this.ids.add(talkId);
      else this.ids.delete(talkId);
      this.saveFailed = true;
    }
  }

  #replace(ids: readonly string[]): void {
    this.ids.clear();
    for (const id of ids) this.ids.add(id);
  }
}

/** The reader's one set of starred talks. */
export const starredTalks = new StarredTalks();
