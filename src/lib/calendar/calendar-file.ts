/**
 * A calendar file as the reader downloads it: entries numbered from this browser's ledger,
 * written as iCalendar text, and the ledger moved on. Loaded on demand (it carries the zone rules).
 */
import type { CalendarEntry } from './calendar-entries';
import { writeCalendar } from './ics';
import { readLedger, writeLedger } from './sequence-ledger';
import { assignSequences } from './sequences';

/** The MIME type of iCalendar files (RFC 5545 8.1). */
export const CALENDAR_MIME_TYPE = 'text/calendar;charset=utf-8';

/** The text of a calendar file holding `entries`, made at `now`. */
export function makeCalendarFile(entries: readonly CalendarEntry[], now: Date): string {
  const { sequences, ledger } = assignSequences(entries, readLedger());
  writeLedger(ledger);
  return writeCalendar(
    entries.map((entry, index) => ({ entry, sequence: sequences[index] ?? 0 })),
    now,
  );
}
