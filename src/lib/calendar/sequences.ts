/**
 * SEQUENCE numbers for calendar entries: a calendar that already holds an entry with the same UID
 * replaces it only with a copy whose SEQUENCE is higher (RFC 5545 3.8.7.4), so a talk moved to
 * another hour must come out with a higher number, and a talk that did not change with the same.
 *
 * No number computed from the talk alone can do that: a hash of its time, title and speakers says
 * *whether* it changed, not in which order its versions came. So the number is kept where the file
 * is made: a ledger of UID → (fingerprint, sequence) that rises by one whenever the fingerprint
 * differs from the one last written. Each browser keeps its own ledger (`sequence-ledger.ts`);
 * the bundle holds no history of past versions to compute it from at build time.
 */
import type { CalendarEntry } from './calendar-entries';

/** The last version of each entry this browser wrote into a calendar file. */
export type SequenceLedger = Record<string, { fingerprint: string; sequence: number }>;

/**
 * FNV-1a, 32 bits, over UTF-16 code units: a short, synchronous fingerprint. Written here because
 * `crypto.subtle` is asynchronous (and missing outside secure contexts) and a collision only costs
 * one calendar update that does not happen.
 */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * What a calendar shows of an entry: its title, time, zone, speakers and place. The description's
 * wording is left out, so reading the page in another language does not count as a change.
 */
export function fingerprint(entry: CalendarEntry): string {
  return fnv1a(
    JSON.stringify([entry.summary, entry.language, entry.time, entry.speakers, entry.location]),
  );
}

/**
 * The SEQUENCE of each entry, and the ledger to keep: unchanged entries keep their number,
 * changed ones get the next, new ones start at 0. Entries not asked about stay in the ledger.
 */
export function assignSequences(
  entries: readonly CalendarEntry[],
  ledger: Readonly<SequenceLedger>,
): { sequences: number[]; ledger: SequenceLedger } {
  const next: SequenceLedger = { ...ledger };
  const sequences = entries.map((entry) => {
    const print = fingerprint(entry);
    const known = next[entry.uid];
    const sequence = !known ? 0 : known.fingerprint === print ? known.sequence : known.sequence + 1;
    next[entry.uid] = { fingerprint: print, sequence };
    return sequence;
  });
  return { sequences, ledger: next };
}

/** True for a ledger read back from storage (data from outside enters as `unknown`). */
export function isSequenceLedger(value: unknown): value is SequenceLedger {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (record: unknown) =>
      typeof record === 'object' &&
      record !== null &&
      typeof (record as { fingerprint?: unknown }).fingerprint === 'string' &&
      Number.isInteger((record as { sequence?: unknown }).sequence),
  );
}
