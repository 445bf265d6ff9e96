/**
 * The current instant for views that show minutes ("in 12 min"). One timer, set for the start of
 * the next minute each time it fires, so the display turns with the clock and nothing polls.
 * Phones freeze timers in background tabs, so the clock also catches up when the page is shown.
 */
import { msToNextMinute } from './now-next';

export class MinuteClock {
  /** Milliseconds since the epoch, updated at the start of every minute. */
  now = $state(Date.now());
  #timer: ReturnType<typeof setTimeout> | undefined;

  #tick = (): void => {
    clearTimeout(this.#timer);
    this.now = Date.now();
    this.#timer = setTimeout(this.#tick, msToNextMinute(this.now));
  };

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#tick();
  };

  /** Starts ticking (browser only); returns the function that stops it. */
  start(): () => void {
    this.#tick();
    document.addEventListener('visibilitychange', this.#onVisibility);
    return () => {
      clearTimeout(this.#timer);
      document.removeEventListener('visibilitychange', this.#onVisibility);
    };
  }
}
