import { describe, expect, it } from 'vitest';
import { agendaByDay, type AgendaDay } from '../../src/lib/client/my-agenda';
import type { Talk } from '../../src/lib/schema';
import type { EventSummary, TalkInEvent } from '../../src/lib/views';

function event(id: string, date: string | null, timezone: string | null): EventSummary {
  return {
    id,
    title: id,
    lang: 'en',
    date,
    endDate: null,
    start: null,
    end: null,
    timezone,
    city: null,
    format: null,
    talkCount: 0,
  };
}

const beijing = event('beijing', '2021-07-10', 'Asia/Shanghai');
const berlin = event('berlin', '2021-07-10', 'Europe/Berlin');

function entry(
  id: string,
  start: string | null,
  end: string | null,
  on: EventSummary = beijing,
  date: string | null = null,
): TalkInEvent {
  const talk: Talk = {
    id,
    eventId: on.id,
    title: `Talk ${id}`,
    speakers: [],
    date,
    start,
    end,
    abstract: null,
    slidesUrl: null,
    videoUrl: null,
  };
  return { talk, event: on };
}

const shape = (days: AgendaDay[]) =>
  days.map((day) => ({
    date: day.date,
    talks: day.entries.map(({ item, conflicts }) =>
      conflicts.length > 0
        ? `${item.talk.id}×${conflicts.map((clash) => clash.id).join('+')}`
        : item.talk.id,
    ),
  }));

describe('agendaByDay', () => {
  it('groups talks by their date, in the order given', () => {
    const days = agendaByDay(
      [
        entry('opening', '09:00', '09:30', beijing, '2021-07-09'),
        entry('envoy', '15:00', '15:30'),
        entry('cni', '16:45', '17:15'),
        entry('undated', null, null, event('deck', null, null)),
      ],
      'UTC',
    );
    expect(shape(days)).toEqual([
      { date: '2021-07-09', talks: ['opening'] },
      { date: '2021-07-10', talks: ['envoy', 'cni'] },
      { date: null, talks: ['undated'] },
    ]);
  });

  it('marks both talks of an overlapping pair, each naming the other', () => {
    const days = agendaByDay(
      [
        entry('upgrade', '14:30', '15:00'),
        entry('envoy', '14:45', '15:15'),
        entry('ebpf', '15:45', '16:15'),
      ],
      'UTC',
    );
    expect(shape(days)[0]?.talks).toEqual(['upgrade×envoy', 'envoy×upgrade', 'ebpf']);
    expect(days[0]?.entries[0]?.conflicts).toEqual([
      { id: 'envoy', title: 'Talk envoy', lang: 'en' },
    ]);
  });

  it('does not count back-to-back talks as a clash', () => {
    const days = agendaByDay(
      [entry('first', '14:00', '14:30'), entry('second', '14:30', '15:00')],
      'UTC',
    );
    expect(shape(days)[0]?.talks).toEqual(['first', 'second']);
  });

  it('lists every talk a talk overlaps', () => {
    const days = agendaByDay(
      [entry('long', '14:00', '16:00'), entry('a', '14:00', '14:30'), entry('b', '15:00', '15:30')],
      'UTC',
    );
    expect(shape(days)[0]?.talks).toEqual(['long×a+b', 'a×long', 'b×long']);
  });

  it('takes a talk without an end as a moment: it clashes only with what is on when it starts', () => {
    const days = agendaByDay(
      [
        entry('open', '14:10', null),
        entry('on', '14:00', '14:30'),
        entry('later', '14:30', '15:00'),
      ],
      'UTC',
    );
    expect(shape(days)[0]?.talks).toEqual(['open×on', 'on×open', 'later']);
  });

  it('never marks talks without a time', () => {
    const days = agendaByDay([entry('a', null, null), entry('b', null, null)], 'UTC');
    expect(shape(days)[0]?.talks).toEqual(['a', 'b']);
  });

  it('compares talks of events in different zones on real instants', () => {
    // 08:15 in Berlin (CEST, +02:00) is 14:15 in Beijing (CST, +08:00).
    const days = agendaByDay(
      [entry('beijing', '14:00', '14:30'), entry('berlin', '08:15', '08:45', berlin)],
      'UTC',
    );
    expect(shape(days)[0]?.talks).toEqual(['beijing×berlin', 'berlin×beijing']);
    // The same wall times on one clock would not overlap.
    const apart = agendaByDay(
      [entry('beijing', '14:00', '14:30'), entry('berlin', '14:30', '15:00', berlin)],
      'UTC',
    );
    expect(shape(apart)[0]?.talks).toEqual(['beijing', 'berlin']);
  });
});
