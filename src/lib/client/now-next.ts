/**
 * What is on now at an event and what comes next: the home page's lead on an event's day. Pure
 * functions of the content and an instant, so every edge of a day is tested without a clock.
 *
 * "Today" is the event's today: its date in the event's zone, whatever zone the device is set to.
 * A reader in Berlin following a Beijing meetup at 01:00 their time sees the Beijing afternoon.
 */
import type { Talk } from '$lib/schema';
import { wallClockAt, wallTimeInstant } from './format-time';

/** How long a talk is taken to last when nothing says when it ends (no end, nothing after it). */
export const ASSUMED_TALK_MINUTES = 30;

const MINUTE_MS = 60_000;

/** Where a talk stands at an instant. */
export type TalkPhase = 'done' | 'now' | 'upcoming';

/** A timed talk of the day, placed on the timeline. */
export interface AgendaStep {
  talk: Talk;
  phase: TalkPhase;
  /** Instants (ms since the epoch) it starts and ends. */
  startsAt: number;
  endsAt: number;
}

/** Where the day as a whole stands: before its first talk, in one, in a break, or over. */
export type DayStage = 'before' | 'during' | 'between' | 'after' | 'untimed';

/** What the event needs for this: its dates, times and zone. */
export interface DatedEvent {
  date: string | null;
  endDate: string | null;
  end: string | null;
  timezone: string | null;
}

/** One event's day, as it stands at an instant. */
export interface EventDay {
  /** 'YYYY-MM-DD', the event's date today in its own zone. */
  day: string;
  /** The zone the times are on: the event's, or the device's when the event names none. */
  timezone: string;
  stage: DayStage;
  /** Today's timed talks in the order they start (the progress line). */
  steps: AgendaStep[];
  /** Today's talks the agenda gives no time for, in agenda order. */
  untimed: Talk[];
  /** The talks on now: usually one, more where tracks run in parallel. */
  now: AgendaStep[];
  /** The talks starting next (all those sharing the earliest upcoming start). */
  next: AgendaStep[];
  /** Whole minutes until `next` starts, rounded up so a talk about to start never says 0. */
  minutesToNext: number | null;
}

/** The zone an event's wall times are on; the device's when the post names none. */
function zoneOf(event: DatedEvent, deviceZone: string): string {
  return event.timezone ?? deviceZone;
}

/** The event's own date at `now`, or null when that is not one of its days. */
export function eventDayAt(event: DatedEvent, now: number, deviceZone: string): string | null {
  if (!event.date) return null;
  const today = wallClockAt(now, zoneOf(event, deviceZone))?.date;
  if (!today) return null;
  const last = event.endDate && event.endDate > event.date ? event.endDate : event.date;
  return today >= event.date && today <= last ? today : null;
}

/** The events happening today (each in its own zone), in the order given. */
export function eventsOnTheirDay<E extends DatedEvent>(
  events: readonly E[],
  now: number,
  deviceZone: string,
): E[] {
  return events.filter((event) => eventDayAt(event, now, deviceZone) !== null);
}

/**
 * When each talk ends: its stated end; else when the next talk starts; else when the event
 * ends; else `ASSUMED_TALK_MINUTES` after it starts. An end at or before the start is ignored.
 */
function placeTalks(
  timed: { talk: Talk; startsAt: number; statedEnd: number | null }[],
  eventEnd: number | null,
): { talk: Talk; startsAt: number; endsAt: number }[] {
  return timed.map((item, position) => {
    const later = timed.slice(position + 1).find((other) => other.startsAt > item.startsAt);
    const candidates = [item.statedEnd, later?.startsAt ?? null, eventEnd];
    const endsAt = candidates.find((end): end is number => end !== null && end > item.startsAt);
    return {
      talk: item.talk,
      startsAt: item.startsAt,
      endsAt: endsAt ?? item.startsAt + ASSUMED_TALK_MINUTES * MINUTE_MS,
    };
  });
}

function phaseAt(step: { startsAt: number; endsAt: number }, now: number): TalkPhase {
  if (now >= step.endsAt) return 'done';
  return now >= step.startsAt ? 'now' : 'upcoming';
}

function stageOf(steps: readonly AgendaStep[]): DayStage {
  if (steps.length === 0) return 'untimed';
  if (steps.some((step) => step.phase === 'now')) return 'during';
  if (steps.every((step) => step.phase === 'done')) return 'after';
  if (steps.every((step) => step.phase === 'upcoming')) return 'before';
  return 'between';
}

/**
 * The event's day at `now`: which talks are done, on, and next. Null when `now` is not one of
 * the event's days in its zone. `talks` is the event's agenda (any order); a talk without a date
 * is on the event's first day, as the compiler dates it.
 */
export function eventDay(
  event: DatedEvent,
  talks: readonly Talk[],
  now: number,
  deviceZone: string,
): EventDay | null {
  const day = eventDayAt(event, now, deviceZone);
  if (!day) return null;
  const timezone = zoneOf(event, deviceZone);
  const todays = talks.filter((talk) => (talk.date ?? event.date) === day);

  const timed: { talk: Talk; startsAt: number; statedEnd: number | null }[] = [];
  const untimed: Talk[] = [];
  for (const talk of todays) {
    const startsAt = talk.start ? wallTimeInstant(timezone, day, talk.start) : null;
    if (startsAt === null) {
      untimed.push(talk);
      continue;
    }
    const statedEnd = talk.end ? wallTimeInstant(timezone, day, talk.end) : null;
    timed.push({ talk, startsAt, statedEnd });
  }
  timed.sort((a, b) => a.startsAt - b.startsAt);
  const lastDay = event.endDate ?? event.date;
  const eventEnd = event.end && day === lastDay ? wallTimeInstant(timezone, day, event.end) : null;

  const steps = placeTalks(timed, eventEnd).map((step): AgendaStep => ({
    ...step,
    phase: phaseAt(step, now),
  }));
  const upcoming = steps.filter((step) => step.phase === 'upcoming');
  const nextStart = upcoming[0]?.startsAt;
  const next = upcoming.filter((step) => step.startsAt === nextStart);
  return {
    day,
    timezone,
    stage: stageOf(steps),
    steps,
    untimed,
    now: steps.filter((step) => step.phase === 'now'),
    next,
    minutesToNext: nextStart === undefined ? null : Math.ceil((nextStart - now) / MINUTE_MS),
  };
}

/** The delay from `now` to the start of the next minute: what a clock showing minutes waits. */
export function msToNextMinute(now: number): number {
  return MINUTE_MS - (now % MINUTE_MS);
}
