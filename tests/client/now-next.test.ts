import { describe, expect, it } from 'vitest';
import {
  ASSUMED_TALK_MINUTES,
  eventDay,
  eventsOnTheirDay,
  msToNextMinute,
  type DatedEvent,
  type EventDay,
} from '../../src/lib/client/now-next';
import type { Talk } from '../../src/lib/schema';

function talk(
  id: string,
  start: string | null,
  end: string | null,
  date: string | null = null,
): Talk {
  return {
    id,
    eventId: 'event',
    title: `Talk ${id}`,
    speakers: [],
    date,
    start,
    end,
    abstract: null,
    slidesUrl: null,
    videoUrl: null,
  };
}

/** Seed 003's shape: Beijing (CST, +08:00), 10 July 2021, 13:30–17:30, a coffee break at 15:30. */
const beijing: DatedEvent = {
  date: '2021-07-10',
  endDate: null,
  end: '17:30',
  timezone: 'Asia/Shanghai',
};
const agenda = [
  talk('welcome', '13:50', '14:00'),
  talk('standard', '14:00', '14:30'),
  talk('envoy', '15:00', '15:30'),
  talk('ebpf', '15:45', '16:15'),
  talk('cni', '16:45', '17:15'),
];

/** An instant given as Beijing wall time on a day of July 2021. */
const beijingTime = (day: number, time: string) =>
  Date.parse(`2021-07-${String(day).padStart(2, '0')}T${time}:00+08:00`);

/** Devices set to a zone far from the venue: the event's day must not follow them. */
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

function at(instant: number, event = beijing, talks = agenda, device = BERLIN): EventDay {
  const day = eventDay(event, talks, instant, device);
  if (!day) throw new Error('expected the instant to be on the event’s day');
  return day;
}

const ids = (steps: { talk: Talk }[]) => steps.map((step) => step.talk.id);
const phases = (day: EventDay) => day.steps.map((step) => `${step.talk.id}:${step.phase}`);

describe('eventDay on a one-day event', () => {
  it('before the first talk: nothing on, the first talk next, counted down in minutes', () => {
    const day = at(beijingTime(10, '13:00'));
    expect(day.stage).toBe('before');
    expect(day.now).toEqual([]);
    expect(ids(day.next)).toEqual(['welcome']);
    expect(day.minutesToNext).toBe(50);
    expect(day.steps.every((step) => step.phase === 'upcoming')).toBe(true);
  });

  it('during a talk: that talk is on, the following one next, earlier ones done', () => {
    const day = at(beijingTime(10, '14:10'));
    expect(day.stage).toBe('during');
    expect(ids(day.now)).toEqual(['standard']);
    expect(ids(day.next)).toEqual(['envoy']);
    expect(day.minutesToNext).toBe(50);
    expect(phases(day)).toEqual([
      'welcome:done',
      'standard:now',
      'envoy:upcoming',
      'ebpf:upcoming',
      'cni:upcoming',
    ]);
  });

  it('between talks (the coffee break): nothing on, the next talk in so many minutes', () => {
    const day = at(beijingTime(10, '15:35'));
    expect(day.stage).toBe('between');
    expect(day.now).toEqual([]);
    expect(ids(day.next)).toEqual(['ebpf']);
    expect(day.minutesToNext).toBe(10);
  });

  it('a talk ends when its end time comes: at 14:30 the 14:00 talk is done', () => {
    const day = at(beijingTime(10, '14:30'));
    expect(phases(day).slice(0, 2)).toEqual(['welcome:done', 'standard:done']);
    expect(day.stage).toBe('between');
  });

  it('during the last talk: it is on and nothing is next', () => {
    const day = at(beijingTime(10, '17:00'));
    expect(day.stage).toBe('during');
    expect(ids(day.now)).toEqual(['cni']);
    expect(day.next).toEqual([]);
    expect(day.minutesToNext).toBeNull();
  });

  it('after the end, later the same day: every talk is done', () => {
    const day = at(beijingTime(10, '21:00'));
    expect(day.stage).toBe('after');
    expect(day.steps.every((step) => step.phase === 'done')).toBe(true);
    expect(day.now).toEqual([]);
    expect(day.next).toEqual([]);
  });

  it('is not today the day before or the day after', () => {
    expect(eventDay(beijing, agenda, beijingTime(9, '23:59'), BERLIN)).toBeNull();
    expect(eventDay(beijing, agenda, beijingTime(11, '00:00'), BERLIN)).toBeNull();
  });

  it('rounds the countdown up, so a talk 30 seconds away is “in 1 min”, never 0', () => {
    expect(at(beijingTime(10, '13:48') + 30_000).minutesToNext).toBe(2);
    expect(at(beijingTime(10, '13:49') + 30_000).minutesToNext).toBe(1);
  });

  it('orders the timeline by time whatever order the agenda lists talks in', () => {
    const day = at(beijingTime(10, '13:00'), beijing, [...agenda].reverse());
    expect(ids(day.steps)).toEqual(['welcome', 'standard', 'envoy', 'ebpf', 'cni']);
  });
});

describe('eventDay in another zone than the device', () => {
  it('is the event’s day by Beijing’s calendar while it is still the day before in New York', () => {
    // 01:30 on 10 July in Beijing is 13:30 on 9 July in New York.
    const day = eventDay(beijing, agenda, beijingTime(10, '01:30'), NEW_YORK);
    expect(day?.day).toBe('2021-07-10');
    expect(day?.stage).toBe('before');
    expect(day?.minutesToNext).toBe(12 * 60 + 20);
  });

  it('is over once Beijing’s day ends, though 10 July goes on in New York', () => {
    expect(eventDay(beijing, agenda, beijingTime(11, '00:30'), NEW_YORK)).toBeNull();
  });

  it('keeps a zone with daylight saving time right: 10:00 in Berlin in July is 08:00 UTC', () => {
    const berlin = { date: '2024-07-15', endDate: null, end: null, timezone: BERLIN };
    const day = eventDay(
      berlin,
      [talk('keynote', '10:00', '10:45')],
      Date.parse('2024-07-15T08:05:00Z'),
      'Asia/Shanghai',
    );
    expect(day?.stage).toBe('during');
  });

  it('uses the device’s zone for an event whose post names none', () => {
    const unzoned = { ...beijing, timezone: null };
    const day = eventDay(unzoned, agenda, Date.parse('2021-07-10T14:10:00+02:00'), BERLIN);
    expect(day?.timezone).toBe(BERLIN);
    expect(ids(day?.now ?? [])).toEqual(['standard']);
  });
});

describe('eventDay on an event spanning several days', () => {
  const conference: DatedEvent = {
    date: '2024-08-21',
    endDate: '2024-08-23',
    end: '18:00',
    timezone: 'Asia/Hong_Kong',
  };
  const talks = [
    talk('day1-keynote', '09:00', '09:45', '2024-08-21'),
    talk('day2-keynote', '09:00', '09:45', '2024-08-22'),
    talk('day2-mesh', '10:00', '10:30', '2024-08-22'),
    talk('day3-closing', '17:00', null, '2024-08-23'),
    talk('undated', '11:00', '11:30'),
  ];
  const hongKong = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

  it('shows only the day’s own talks on the middle day', () => {
    const day = at(hongKong('2024-08-22', '09:50'), conference, talks);
    expect(day.day).toBe('2024-08-22');
    expect(ids(day.steps)).toEqual(['day2-keynote', 'day2-mesh']);
    expect(day.stage).toBe('between');
    expect(ids(day.next)).toEqual(['day2-mesh']);
  });

  it('puts an undated talk on the first day, as the compiler dates it', () => {
    const day = at(hongKong('2024-08-21', '08:00'), conference, talks);
    expect(ids(day.steps)).toEqual(['day1-keynote', 'undated']);
  });

  it('ends the last day’s open-ended talk when the event ends', () => {
    expect(at(hongKong('2024-08-23', '17:59'), conference, talks).stage).toBe('during');
    expect(at(hongKong('2024-08-23', '18:00'), conference, talks).stage).toBe('after');
  });

  it('is not today after the last day', () => {
    expect(eventDay(conference, talks, hongKong('2024-08-24', '10:00'), BERLIN)).toBeNull();
  });
});

describe('eventDay with talks without times', () => {
  it('lists them apart and makes no timeline when no talk has a time', () => {
    const untimed = [talk('a', null, null), talk('b', null, null)];
    const day = at(beijingTime(10, '15:00'), beijing, untimed);
    expect(day.stage).toBe('untimed');
    expect(day.steps).toEqual([]);
    expect(day.untimed.map((item) => item.id)).toEqual(['a', 'b']);
    expect(day.next).toEqual([]);
  });

  it('keeps timed talks on the timeline and the others beside it', () => {
    const mixed = [talk('timed', '14:00', '14:30'), talk('untimed', null, null)];
    const day = at(beijingTime(10, '14:05'), beijing, mixed);
    expect(ids(day.now)).toEqual(['timed']);
    expect(day.untimed.map((item) => item.id)).toEqual(['untimed']);
  });

  it('ends a talk without an end time when the next one starts', () => {
    const open = [talk('first', '14:00', null), talk('second', '14:40', null)];
    expect(ids(at(beijingTime(10, '14:39'), beijing, open).now)).toEqual(['first']);
    expect(ids(at(beijingTime(10, '14:40'), beijing, open).now)).toEqual(['second']);
  });

  it(`gives a last talk with no end and no event end ${ASSUMED_TALK_MINUTES} minutes`, () => {
    const open = { ...beijing, end: null };
    const only = [talk('only', '14:00', null)];
    expect(at(beijingTime(10, '14:29'), open, only).stage).toBe('during');
    expect(at(beijingTime(10, '14:30'), open, only).stage).toBe('after');
  });

  it('shows parallel talks as on now together, and next together', () => {
    const tracks = [
      talk('a1', '14:00', '14:30'),
      talk('b1', '14:00', '14:30'),
      talk('a2', '14:30', '15:00'),
      talk('b2', '14:30', '15:00'),
    ];
    const day = at(beijingTime(10, '14:15'), beijing, tracks);
    expect(ids(day.now)).toEqual(['a1', 'b1']);
    expect(ids(day.next)).toEqual(['a2', 'b2']);
  });
});

describe('eventsOnTheirDay', () => {
  it('keeps the events whose day it is in their own zones', () => {
    const events = [
      { id: 'beijing', ...beijing },
      { id: 'undated', date: null, endDate: null, end: null, timezone: null },
      { id: 'next-day', ...beijing, date: '2021-07-11' },
    ];
    const today = eventsOnTheirDay(events, beijingTime(10, '09:00'), NEW_YORK);
    expect(today.map((event) => event.id)).toEqual(['beijing']);
  });
});

describe('msToNextMinute', () => {
  it('waits until the next minute begins, so the display turns with the clock', () => {
    expect(msToNextMinute(Date.parse('2021-07-10T06:00:45.250Z'))).toBe(14_750);
    expect(msToNextMinute(Date.parse('2021-07-10T06:00:00.000Z'))).toBe(60_000);
  });
});
