import { describe, expect, it } from 'vitest';
import {
  dateTimeAttribute,
  formatDate,
  formatDateRange,
  formatInstant,
  formatTimeRange,
  localDate,
  slotInZone,
  zoneLabel,
} from '../../src/lib/client/format-time';

describe('zoneLabel', () => {
  it('labels China Standard Time as CST, not GMT+8', () => {
    expect(zoneLabel('Asia/Shanghai', '2021-07-10', '13:30')).toBe('CST');
  });

  it('labels Tokyo as JST', () => {
    expect(zoneLabel('Asia/Tokyo', '2024-03-20')).toBe('JST');
  });

  it('follows daylight saving time by the event’s date', () => {
    expect(zoneLabel('America/Los_Angeles', '2024-01-15', '10:00')).toBe('PST');
    expect(zoneLabel('America/Los_Angeles', '2024-07-15', '10:00')).toBe('PDT');
  });

  it('uses the zone’s own abbreviation in Europe', () => {
    expect(zoneLabel('Europe/Berlin', '2024-07-15', '10:00')).toBe('CEST');
    expect(zoneLabel('Europe/Berlin', '2024-01-15', '10:00')).toBe('CET');
  });

  it('falls back to the offset where no abbreviation exists', () => {
    expect(zoneLabel('Asia/Kathmandu', '2024-01-15')).toBe('GMT+5:45');
  });

  it('shows an unknown zone as written instead of throwing', () => {
    expect(zoneLabel('Mars/Olympus_Mons', '2024-01-15')).toBe('Mars/Olympus_Mons');
  });
});

describe('formatTimeRange', () => {
  const slot = { date: '2021-07-10', timezone: 'Asia/Shanghai' };

  it('shows venue wall time with the zone, never the reader’s time', () => {
    expect(formatTimeRange({ ...slot, start: '13:30', end: '17:30' })).toBe('13:30–17:30 CST');
  });

  it('shows a start without an end', () => {
    expect(formatTimeRange({ ...slot, start: '13:30', end: null })).toBe('13:30 CST');
  });

  it('shows nothing without a start time', () => {
    expect(formatTimeRange({ ...slot, start: null, end: '17:30' })).toBeNull();
  });

  it('does not invent a zone', () => {
    expect(formatTimeRange({ date: null, timezone: null, start: '19:00', end: null })).toBe(
      '19:00',
    );
  });
});

describe('dateTimeAttribute', () => {
  it('gives the venue’s offset for a zoned time', () => {
    expect(dateTimeAttribute('2021-07-10', '13:30', 'Asia/Shanghai')).toBe(
      '2021-07-10T13:30+08:00',
    );
    expect(dateTimeAttribute('2024-07-15', '09:00', 'America/Los_Angeles')).toBe(
      '2024-07-15T09:00-07:00',
    );
  });

  it('agrees with the engine’s zone data for zones it knows without asking it', () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Hong_Kong']) {
      const offset = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        timeZoneName: 'longOffset',
      })
        .formatToParts(Date.UTC(2024, 0, 15))
        .find((part) => part.type === 'timeZoneName')
        ?.value.replace('GMT', '');
      expect(dateTimeAttribute('2024-01-15', '10:00', zone)).toBe(`2024-01-15T10:00${offset}`);
    }
  });

  it('falls back to a date, a time, or a local date-time', () => {
    expect(dateTimeAttribute('2021-07-10', null, 'Asia/Shanghai')).toBe('2021-07-10');
    expect(dateTimeAttribute(null, '13:30', 'Asia/Shanghai')).toBe('13:30');
    expect(dateTimeAttribute('2021-07-10', '13:30', null)).toBe('2021-07-10T13:30');
  });
});

describe('formatDate', () => {
  it('writes the day in English and in Chinese, with the weekday', () => {
    expect(formatDate('2021-07-10', 'en')).toBe('Sat, 10 Jul 2021');
    expect(formatDate('2021-07-10', 'zh')).toBe('2021年7月10日周六');
  });

  it('does not shift the day whatever the reader’s zone', () => {
    expect(formatDate('2018-06-30', 'en')).toBe('Sat, 30 Jun 2018');
  });

  it('joins the first and last day of a multi-day event', () => {
    expect(formatDateRange('2024-03-19', '2024-03-21', 'en')).toBe(
      'Tue, 19 Mar 2024 – Thu, 21 Mar 2024',
    );
    expect(formatDateRange('2024-03-19', null, 'en')).toBe('Tue, 19 Mar 2024');
    expect(formatDateRange('2024-03-19', '2024-03-21', 'zh')).toBe(
      '2024年3月19日周二 至 2024年3月21日周四',
    );
  });
});

describe('formatInstant', () => {
  it('writes a build stamp on the reader’s clock, in their language', () => {
    const stamp = '2025-01-02T03:04:05.123Z';
    const instant = Date.parse(stamp);
    expect(formatInstant(stamp, 'en')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(instant),
    );
    expect(formatInstant(stamp, 'zh')).toMatch(/^2025年1月2日/);
  });

  it('returns anything that is not a time as written', () => {
    expect(formatInstant('yesterday', 'en')).toBe('yesterday');
  });
});

describe('localDate', () => {
  it('is the reader’s calendar date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('slotInZone', () => {
  const beijing = { date: '2021-07-10', start: '14:00', end: '14:30', timezone: 'Asia/Shanghai' };

  it('moves a Beijing afternoon to a Berlin morning, labelled with Berlin’s zone', () => {
    const berlin = slotInZone(beijing, 'Europe/Berlin');
    expect(berlin).toEqual({
      date: '2021-07-10',
      start: '08:00',
      end: '08:30',
      timezone: 'Europe/Berlin',
      dayShift: 0,
    });
    expect(formatTimeRange(berlin ?? beijing)).toBe('08:00–08:30 CEST');
  });

  it('says when the other clock is on another day', () => {
    const early = { ...beijing, start: '01:00', end: '01:30' };
    expect(slotInZone(early, 'America/New_York')).toMatchObject({
      date: '2021-07-09',
      start: '13:00',
      dayShift: -1,
    });
    expect(slotInZone({ ...beijing, start: '23:30', end: null }, 'Asia/Tokyo')).toMatchObject({
      date: '2021-07-11',
      start: '00:30',
      end: null,
      dayShift: 1,
    });
  });

  it('prints the same text for a zone on the same clock', () => {
    const same = slotInZone(beijing, 'Asia/Chongqing');
    expect(same && formatTimeRange(same)).toBe(formatTimeRange(beijing));
  });

  it('cannot move a slot without a start, a date or a zone', () => {
    expect(slotInZone({ ...beijing, start: null }, 'Europe/Berlin')).toBeNull();
    expect(slotInZone({ ...beijing, date: null }, 'Europe/Berlin')).toBeNull();
    expect(slotInZone({ ...beijing, timezone: null }, 'Europe/Berlin')).toBeNull();
    expect(slotInZone(beijing, 'Mars/Olympus_Mons')).toBeNull();
  });
});
