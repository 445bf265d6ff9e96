/**
 * The home page's order: upcoming events first (soonest first), then past events grouped by year
 * (newest first), then events whose date nobody wrote down. "Upcoming" is judged by the reader's
 * calendar date, so an event stays upcoming through its last day.
 */
import type { EventSummary } from '$lib/views';

/** One year of past events. */
export interface YearGroup {
  year: string;
  events: EventSummary[];
}

/** The home page's sections. */
export interface EventGroups {
  upcoming: EventSummary[];
  past: YearGroup[];
  undated: EventSummary[];
}

/** Orders by date, then start time, then title, so equal days still list in a stable order. */
function compareChronologically(a: EventSummary, b: EventSummary): number {
  return (
    (a.date ?? '').localeCompare(b.date ?? '') ||
    (a.start ?? '').localeCompare(b.start ?? '') ||
    a.title.localeCompare(b.title)
  );
}

/** Splits `events` around `today` ('YYYY-MM-DD', the reader's date). Never mutates `events`. */
export function groupEvents(events: readonly EventSummary[], today: string): EventGroups {
  const upcoming: EventSummary[] = [];
  const past: EventSummary[] = [];
  const undated: EventSummary[] = [];
  for (const event of events) {
    if (!event.date) undated.push(event);
    else if ((event.endDate ?? event.date) >= today) upcoming.push(event);
    else past.push(event);
  }
  upcoming.sort(compareChronologically);
  past.sort((a, b) => compareChronologically(b, a));
  undated.sort((a, b) => a.title.localeCompare(b.title));

  const years: YearGroup[] = [];
  for (const event of past) {
    const year = (event.date ?? '').slice(0, 4);
    const last = years.at(-1);
    if (last?.year === year) last.events.push(event);
    else years.push({ year, events: [event] });
  }
  return { upcoming, past: years, undated };
}

/** The first `limit` events of the groups, in order, and how many were left out. */
export function firstEvents(
  groups: EventGroups,
  limit: number,
): { past: YearGroup[]; undated: EventSummary[]; hidden: number } {
  let budget = limit;
  const past: YearGroup[] = [];
  for (const group of groups.past) {
    if (budget <= 0) break;
    past.push({ year: group.year, events: group.events.slice(0, budget) });
    budget -= group.events.length;
  }
  const undated = groups.undated.slice(0, Math.max(0, budget));
  const total =
    groups.past.reduce((sum, group) => sum + group.events.length, 0) + groups.undated.length;
  const shown = past.reduce((sum, group) => sum + group.events.length, 0) + undated.length;
  return { past, undated, hidden: total - shown };
}
