/**
 * "My agenda": the starred talks grouped by day and checked for clashes. A day is the talk's
 * date on its event's clock (the day printed on the programme); a clash is judged on real
 * instants, so talks of events in different zones are compared correctly.
 */
import type { TalkInEvent } from '$lib/views';
import { wallTimeInstant } from './format-time';

/** A starred talk another starred talk overlaps. */
export interface Clash {
  id: string;
  title: string;
  /** BCP 47 language of the talk's post, which its title is written in. */
  lang: string;
}

/** A starred talk and the starred talks it overlaps. */
export interface AgendaEntry {
  item: TalkInEvent;
  conflicts: Clash[];
}

/** One day of the agenda, in the order the talks happen. */
export interface AgendaDay {
  /** 'YYYY-MM-DD' on the events' clocks, or null for talks nobody dated. */
  date: string | null;
  entries: AgendaEntry[];
}

/** The day a talk happens on: its own date, else its event's. */
export function agendaDate(item: TalkInEvent): string | null {
  return item.talk.date ?? item.event.date;
}

/** When a talk starts and ends, as instants; null without a date and a start time. */
function interval(item: TalkInEvent, deviceZone: string): { from: number; to: number } | null {
  const date = agendaDate(item);
  if (!date || !item.talk.start) return null;
  const zone = item.event.timezone ?? deviceZone;
  const from = wallTimeInstant(zone, date, item.talk.start);
  if (from === null) return null;
  const end = item.talk.end ? wallTimeInstant(zone, date, item.talk.end) : null;
  return { from, to: end !== null && end > from ? end : from };
}

/**
 * Whether two talks are on at the same time. A talk without an end is taken as a moment: it
 * clashes with a talk that is on when it starts, or starts with it. Guessing a length would
 * mark clashes the programme does not show.
 */
function overlaps(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from === b.from || (a.from < b.to && b.from < a.to);
}

/**
 * Groups `talks` (in the order they happen, as the view gives them) by day and marks every pair
 * that overlaps, on both talks. `deviceZone` times events whose post names no zone.
 */
export function agendaByDay(talks: readonly TalkInEvent[], deviceZone: string): AgendaDay[] {
  const intervals = talks.map((item) => interval(item, deviceZone));
  const days: AgendaDay[] = [];
  talks.forEach((item, position) => {
    const own = intervals[position];
    const conflicts: Clash[] = [];
    if (own) {
      talks.forEach((other, otherPosition) => {
        const theirs = intervals[otherPosition];
        if (otherPosition !== position && theirs && overlaps(own, theirs)) {
          conflicts.push({ id: other.talk.id, title: other.talk.title, lang: other.event.lang });
        }
      });
    }
    const date = agendaDate(item);
    const last = days.at(-1);
    const entry = { item, conflicts };
    if (last && last.date === date) last.entries.push(entry);
    else days.push({ date, entries: [entry] });
  });
  return days;
}
