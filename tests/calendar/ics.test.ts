import { describe, expect, it } from 'vitest';
import {
  calendarEntries,
  type CalendarEvent,
  type CalendarItem,
  type CalendarTalk,
  type EntryLabels,
} from '../../src/lib/calendar/calendar-entries';
import { escapeText, foldLine, writeCalendar } from '../../src/lib/calendar/ics';
import { assignSequences, type SequenceLedger } from '../../src/lib/calendar/sequences';
import { readCalendar } from './read-calendar';

const SITE = { baseUrl: 'https://meetup.example/sidecar/' };
const LABELS: EntryLabels = {
  speakers: 'Speakers',
  event: 'Event',
  timeNotAnnounced: 'Time not announced; the event runs',
  listSeparator: ', ',
};
const STAMP = new Date('2025-03-01T08:09:10Z');

const BEIJING: CalendarEvent = {
  id: '2021-istio-meetup-china-beijing',
  title: 'Istio Meetup China',
  lang: 'en',
  date: '2021-07-10',
  endDate: null,
  start: '13:30',
  end: '17:30',
  timezone: 'Asia/Shanghai',
  city: 'Beijing',
  venue: 'CAICT, No. 52 Huayuan North Road',
};

function talk(overrides: Partial<CalendarTalk> = {}): CalendarTalk {
  return {
    id: `${BEIJING.id}--use-ebpf-f558`,
    title: 'Use eBPF to accelerate Istio/Envoy networking',
    speakers: [{ id: 'zhong-luyao', name: 'Zhong Luyao', org: 'Intel', role: null }],
    date: '2021-07-10',
    start: '15:45',
    end: '16:15',
    ...overrides,
  };
}

/** Writes `items` as a calendar file with every entry at SEQUENCE 0 and reads it back. */
function roundTrip(items: CalendarItem[]) {
  const entries = calendarEntries(items, SITE, LABELS);
  const ics = writeCalendar(
    entries.map((entry) => ({ entry, sequence: 0 })),
    STAMP,
  );
  return { ics, ...readCalendar(ics) };
}

function onlyEvent(items: CalendarItem[]) {
  const { events } = roundTrip(items);
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** One download with the ledger as it is, as the calendar button makes it. */
function download(items: CalendarItem[], ledger: SequenceLedger) {
  const entries = calendarEntries(items, SITE, LABELS);
  const numbered = assignSequences(entries, ledger);
  const ics = writeCalendar(
    entries.map((entry, index) => ({ entry, sequence: numbered.sequences[index]! })),
    STAMP,
  );
  return { events: readCalendar(ics).events, ledger: numbered.ledger };
}

describe('a talk as an iCalendar file', () => {
  it('is timed on the venue’s clock in the event’s zone, with its VTIMEZONE', () => {
    const { timezones, events } = roundTrip([{ kind: 'talk', talk: talk(), event: BEIJING }]);
    expect(timezones).toEqual(['Asia/Shanghai']);
    expect(events[0]!.start).toEqual({
      instant: '2021-07-10T07:45:00.000Z',
      tzid: 'Asia/Shanghai',
      isDate: false,
    });
    expect(events[0]!.end).toEqual({
      instant: '2021-07-10T08:15:00.000Z',
      tzid: 'Asia/Shanghai',
      isDate: false,
    });
  });

  it('follows daylight saving time in zones that have it', () => {
    const newYork = { ...BEIJING, timezone: 'America/New_York', date: '2024-07-15' };
    const summer = onlyEvent([
      {
        kind: 'talk',
        talk: talk({ date: '2024-07-15', start: '10:00', end: null }),
        event: newYork,
      },
    ]);
    expect(summer.start).toMatchObject({ instant: '2024-07-15T14:00:00.000Z' });
    const winter = onlyEvent([
      {
        kind: 'talk',
        talk: talk({ date: '2024-01-15', start: '10:00', end: null }),
        event: newYork,
      },
    ]);
    expect(winter.start).toMatchObject({ instant: '2024-01-15T15:00:00.000Z' });
  });

  it('rings a display alarm 10 minutes before the start', () => {
    const event = onlyEvent([{ kind: 'talk', talk: talk(), event: BEIJING }]);
    expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT10M' }]);
  });

  it('carries the title in the post’s language, the speakers, the place, the page and DTSTAMP', () => {
    const event = onlyEvent([{ kind: 'talk', talk: talk(), event: BEIJING }]);
    expect(event.summary).toBe('Use eBPF to accelerate Istio/Envoy networking');
    expect(event.summaryLanguage).toBe('en');
    expect(event.description).toContain('Speakers: Zhong Luyao (Intel)');
    expect(event.description).toContain('Event: Istio Meetup China');
    expect(event.location).toBe('Beijing · CAICT, No. 52 Huayuan North Road');
    expect(event.url).toBe(
      'https://meetup.example/sidecar/talks/2021-istio-meetup-china-beijing--use-ebpf-f558',
    );
    expect(event.dtstamp).toBe('2025-03-01T08:09:10.000Z');
  });

  it('has a UID made of the talk’s id and the site’s host', () => {
    const event = onlyEvent([{ kind: 'talk', talk: talk(), event: BEIJING }]);
    expect(event.uid).toBe('talk-2021-istio-meetup-china-beijing--use-ebpf-f558@meetup.example');
  });

  it('puts a talk with a date but no time on its day, without an alarm, saying why', () => {
    const event = onlyEvent([
      { kind: 'talk', talk: talk({ start: null, end: null }), event: BEIJING },
    ]);
    expect(event.start).toEqual({ instant: '2021-07-10', tzid: null, isDate: true });
    expect(event.end).toEqual({ instant: '2021-07-11', tzid: null, isDate: true });
    expect(event.alarms).toEqual([]);
    expect(event.description).toContain(
      'Time not announced; the event runs 13:30–17:30 Asia/Shanghai',
    );
  });

  it('leaves out a talk whose event has no date', () => {
    const undated = { ...BEIJING, date: null, start: null, end: null };
    const { events } = roundTrip([
      { kind: 'talk', talk: talk({ date: null, start: null, end: null }), event: undated },
      { kind: 'talk', talk: talk({ id: 'dated' }), event: BEIJING },
    ]);
    expect(events.map((event) => event.uid)).toEqual(['talk-dated@meetup.example']);
  });

  it('writes a time without a known zone as floating time, not as UTC', () => {
    const { ics, timezones } = roundTrip([
      { kind: 'talk', talk: talk(), event: { ...BEIJING, timezone: null } },
    ]);
    expect(timezones).toEqual([]);
    expect(ics).toContain('\r\nDTSTART:20210710T154500\r\n');
  });
});

describe('an event as an iCalendar file', () => {
  it('spans the event’s hours', () => {
    const event = onlyEvent([{ kind: 'event', event: BEIJING }]);
    expect(event.uid).toBe('event-2021-istio-meetup-china-beijing@meetup.example');
    expect(event.start.instant).toBe('2021-07-10T05:30:00.000Z');
    expect(event.end?.instant).toBe('2021-07-10T09:30:00.000Z');
  });

  it('covers every day of a multi-day event without hours, the last one included', () => {
    const conference = { ...BEIJING, endDate: '2021-07-12', start: null, end: null };
    const event = onlyEvent([{ kind: 'event', event: conference }]);
    expect(event.start).toEqual({ instant: '2021-07-10', tzid: null, isDate: true });
    expect(event.end).toEqual({ instant: '2021-07-13', tzid: null, isDate: true });
  });
});

describe('calendar files across bundle updates', () => {
  const first = talk();
  const second = talk({ id: `${BEIJING.id}--welcome-65d7`, title: 'Welcome', start: '13:50' });

  it('keep every UID when the agenda is reordered and edited', () => {
    const before = download(
      [
        { kind: 'talk', talk: first, event: BEIJING },
        { kind: 'talk', talk: second, event: BEIJING },
      ],
      {},
    );
    const after = download(
      [
        { kind: 'talk', talk: { ...second, end: '14:05' }, event: BEIJING },
        { kind: 'talk', talk: { ...first, start: '16:00', end: '16:30' }, event: BEIJING },
      ],
      before.ledger,
    );
    expect(after.events.map((event) => event.uid).sort()).toEqual(
      before.events.map((event) => event.uid).sort(),
    );
  });

  it('raise SEQUENCE for a talk that changed and keep it for one that did not', () => {
    const items = (moved: CalendarTalk): CalendarItem[] => [
      { kind: 'talk', talk: moved, event: BEIJING },
      { kind: 'talk', talk: second, event: BEIJING },
    ];
    const v1 = download(items(first), {});
    expect(v1.events.map((event) => event.sequence)).toEqual([0, 0]);

    const v2 = download(items({ ...first, start: '16:00', end: '16:30' }), v1.ledger);
    expect(v2.events.map((event) => event.sequence)).toEqual([1, 0]);

    const again = download(items({ ...first, start: '16:00', end: '16:30' }), v2.ledger);
    expect(again.events.map((event) => event.sequence)).toEqual([1, 0]);

    const renamed = download(
      items({ ...first, start: '16:00', end: '16:30', title: 'eBPF and Istio' }),
      again.ledger,
    );
    expect(renamed.events.map((event) => event.sequence)).toEqual([2, 0]);
  });

  it('count a change of speakers as a change', () => {
    const v1 = download([{ kind: 'talk', talk: first, event: BEIJING }], {});
    const v2 = download(
      [{ kind: 'talk', talk: { ...first, speakers: [] }, event: BEIJING }],
      v1.ledger,
    );
    expect(v2.events[0]!.sequence).toBe(1);
  });
});

describe('iCalendar text', () => {
  it('escapes commas, semicolons, backslashes and line breaks, and reads back the same', () => {
    const title = 'Mesh, sidecars; and C:\\ paths\nin two lines';
    const event = onlyEvent([{ kind: 'talk', talk: talk({ title }), event: BEIJING }]);
    expect(event.summary).toBe(title);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('ends every line with CRLF', () => {
    const { ics } = roundTrip([{ kind: 'talk', talk: talk(), event: BEIJING }]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds long Chinese titles at 75 octets without splitting a UTF-8 character', () => {
    const title =
      '在大规模集群中落地 dapr 或 Layotto 这种多运行时架构是什么样的体验：从服务网格到应用运行时的演进与思考🚀';
    const zh = {
      ...BEIJING,
      lang: 'zh',
      venue: '北京海淀中关村创业大街72号拓荒族众创空间（三层路演厅）',
    };
    const { ics, events } = roundTrip([{ kind: 'talk', talk: talk({ title }), event: zh }]);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const lines = ics.split('\r\n').slice(0, -1);
    const octets = new TextEncoder();
    for (const line of lines) {
      const bytes = octets.encode(line);
      expect(bytes.length, line).toBeLessThanOrEqual(75);
      expect(() => strict.decode(bytes), line).not.toThrow();
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(events[0]!.summary).toBe(title);
    expect(events[0]!.summaryLanguage).toBe('zh');
  });

  it('folds by code points, so a four-byte emoji stays whole', () => {
    const folded = foldLine(`SUMMARY:${'a'.repeat(66)}🚀🚀`);
    const [head, tail] = folded.split('\r\n');
    expect(new TextEncoder().encode(head).length).toBe(74);
    expect(tail).toBe(' 🚀🚀');
  });

  it('defines each zone once however many talks use it', () => {
    const { ics } = roundTrip([
      { kind: 'talk', talk: talk(), event: BEIJING },
      { kind: 'talk', talk: talk({ id: 'other' }), event: BEIJING },
    ]);
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });
});
