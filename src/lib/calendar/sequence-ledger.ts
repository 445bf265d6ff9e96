/**
 * Where this browser keeps its SEQUENCE ledger (see `sequences.ts`): one `localStorage` key, owned
 * by this module alone. It is small (a UID and two numbers per entry ever downloaded) and read
 * synchronously, inside the click that makes a file. Without storage (private mode, blocked
 * cookies) the ledger lives for the page's lifetime, which still keeps numbers steady in a visit.
 */
import { isSequenceLedger, type SequenceLedger } from './sequences';

const STORAGE_KEY = 'sidecar.calendar-sequences';

let inMemory: SequenceLedger = {};

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The ledger as last saved; an unreadable or foreign value counts as empty. */
export function readLedger(): SequenceLedger {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return inMemory;
  try {
    const value: unknown = JSON.parse(text);
    return isSequenceLedger(value) ? value : inMemory;
  } catch {
    return inMemory;
  }
}

/** Keeps `ledger` for the next file; a full or unavailable storage keeps it in memory. */
export function writeLedger(ledger: SequenceLedger): void {
  inMemory = ledger;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(ledger));
  } catch {
    // Quota exceeded or storage disabled: the in-memory copy serves this visit.
  }
}
