import { describe, expect, it } from 'vitest';
import { firstEvents, groupEvents } from '../../src/lib/client/group-events';
import type { EventSummary } from '../../src/lib/views';

function summary(id: string, date: string | null, extra: Partial<EventSummary> = {}): EventSummary {
  return {
    id,
    title: id,
    lang: 'zh',
    date,
    endDate: null,
    start: null,
    end: null,
    timezone: 'Asia/Shanghai',
    city: null,
    format: null,
    talkCount: 0,
    ...extra,
  };
}

const ids = (events: EventSummary[]) => events.map((event) => event.id);

describe('groupEvents', () => {
  const events = [
    summary('hangzhou-2018', '2018-06-30'),
    summary('next-month', '2026-08-01'),
    summary('beijing-2021-july', '2021-07-10'),
    summary('deck-without-date', null),
    summary('tomorrow', '2026-07-02'),
    summary('beijing-2021-april', '2021-04-24'),
  ];

  it('lists upcoming events first, soonest first', () => {
    expect(ids(groupEvents(events, '2026-07-01').upcoming)).toEqual(['tomorrow', 'next-month']);
  });

  it('groups past events by year, newest year and newest event first', () => {
    const { past } = groupEvents(events, '2026-07-01');
    expect(past.map((group) => group.year)).toEqual(['2021', '2018']);
    expect(ids(past[0]!.events)).toEqual(['beijing-2021-july', 'beijing-2021-april']);
    expect(ids(past[1]!.events)).toEqual(['hangzhou-2018']);
  });

  it('keeps an event happening today among the upcoming ones', () => {
    const { upcoming, past } = groupEvents(events, '2021-07-10');
    expect(ids(upcoming)).toContain('beijing-2021-july');
    expect(past.flatMap((group) => ids(group.events))).not.toContain('beijing-2021-july');
  });

  it('keeps a multi-day event upcoming until its last day has passed', () => {
    const conference = summary('kubecon', '2026-06-30', { endDate: '2026-07-02' });
    expect(ids(groupEvents([conference], '2026-07-02').upcoming)).toEqual(['kubecon']);
    expect(ids(groupEvents([conference], '2026-07-03').upcoming)).toEqual([]);
  });

  it('puts events without a date in their own group instead of guessing', () => {
    const groups = groupEvents(events, '2026-07-01');
    expect(ids(groups.undated)).toEqual(['deck-without-date']);
  });

  it('moves every event to the past once the reader’s date is later', () => {
    const groups = groupEvents(events, '2030-01-01');
    expect(groups.upcoming).toEqual([]);
    expect(groups.past.map((group) => group.year)).toEqual(['2026', '2021', '2018']);
  });
});

describe('the events shown before the reader asks for more', () => {
  it('keeps the newest past events, then undated ones, up to the limit, and counts the rest', () => {
    const groups = groupEvents(
      [
        summary('2023-a', '2023-05-01'),
        summary('2023-b', '2023-03-01'),
        summary('2022-a', '2022-09-01'),
        summary('2021-a', '2021-01-01'),
        summary('undated', null),
      ],
      '2024-01-01',
    );
    const shown = firstEvents(groups, 3);
    expect(shown.past.map((group) => [group.year, ids(group.events)])).toEqual([
      ['2023', ['2023-a', '2023-b']],
      ['2022', ['2022-a']],
    ]);
    expect(shown.undated).toEqual([]);
    expect(shown.hidden).toBe(2);
    expect(firstEvents(groups, 10).hidden).toBe(0);
  });
});
