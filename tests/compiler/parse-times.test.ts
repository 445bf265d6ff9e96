/**
 * Dates and times as organizers write them in posts. Everything stays wall time at the venue:
 * a post that says 14:00 in Beijing must show 14:00, never a UTC conversion of it.
 */
import { describe, it, expect } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import {
  findDates,
  findTimeRange,
  findTimezone,
  isReversed,
  parseFrontMatterDate,
  parseTimezone,
  timezoneOfOffset,
} from '../../src/compiler/parse-times';

describe('findTimeRange: clock times as posts write them', () => {
  it('reads the Istio meetup line 13:30-17:30 (CST) as a start and an end', () => {
    expect(findTimeRange('13:30-17:30 (CST)')).toEqual({ start: '13:30', end: '17:30' });
  });

  it('puts 下午1:00 in the afternoon', () => {
    expect(findTimeRange('下午1:00')).toEqual({ start: '13:00', end: null });
  });

  it('puts 晚 7 点 in the evening, with a space either side of the hour', () => {
    expect(findTimeRange('晚 7 点')).toEqual({ start: '19:00', end: null });
  });

  it('reads 晚上7点半 as half past seven in the evening', () => {
    expect(findTimeRange('晚上7点半')).toEqual({ start: '19:30', end: null });
  });

  it('keeps 上午 9:30 in the morning, as the Mulan livestream was announced', () => {
    expect(findTimeRange('直播时间：2022 年 4 月 1 日 上午 9:30')).toEqual({
      start: '09:30',
      end: null,
    });
  });

  it('reads a full-width colon: 19：00', () => {
    expect(findTimeRange('19：00')).toEqual({ start: '19:00', end: null });
  });

  it('applies a trailing am to both ends of 11:00 ~ 12:30 am, and takes 12:30 as just after noon', () => {
    expect(findTimeRange('11:00 ~ 12:30 am')).toEqual({ start: '11:00', end: '12:30' });
  });

  it('reads a range whose start carries its own am: 9:00am - 12:30pm', () => {
    expect(findTimeRange('- 9:00am - 12:30pm Pacific time')).toEqual({
      start: '09:00',
      end: '12:30',
    });
  });

  it('carries an afternoon marker from the start to the end: 下午 2:00-4:30', () => {
    expect(findTimeRange('下午 2:00-4:30')).toEqual({ start: '14:00', end: '16:30' });
  });

  it.each([
    ['a hyphen', '14:00-15:00'],
    ['a tilde with spaces', '14:00 ~ 15:00'],
    ['a full-width hyphen', '14:00－15:00'],
    ['an em dash', '14:00—15:00'],
    ['至', '14:00至15:00'],
  ])('reads a range joined by %s', (_separator, text) => {
    expect(findTimeRange(text)).toEqual({ start: '14:00', end: '15:00' });
  });

  it('reads the date line of the SOFAStack anniversary post: the weekday in brackets is no time', () => {
    expect(findTimeRange('活动时间：2021 年 04 月 24 日（周六）14:00-17:00')).toEqual({
      start: '14:00',
      end: '17:00',
    });
  });

  it('reads 在1:30正式开始 from the Hangzhou recap as half past one in the afternoon', () => {
    const sentence = '因为天气原因很多人来迟了，我们推迟了半个小时在1:30正式开始。';
    expect(findTimeRange(sentence)).toEqual({ start: '13:30', end: null });
  });

  it('reads unmarked small hours of a range as afternoon at both ends: 1:30-5:00', () => {
    expect(findTimeRange('1:30-5:00')).toEqual({ start: '13:30', end: '17:00' });
  });

  it('leaves a morning range alone: 09:30-12:00', () => {
    expect(findTimeRange('09:30-12:00')).toEqual({ start: '09:30', end: '12:00' });
  });

  it('keeps a range that runs backwards as written (14:50-13:10), for a later step to report', () => {
    expect(findTimeRange('14:50-13:10')).toEqual({ start: '14:50', end: '13:10' });
  });

  it('takes two times not joined by a separator as a start only', () => {
    expect(findTimeRange('14:00 签到，14:30 开场')).toEqual({ start: '14:00', end: null });
  });

  it('finds no time in text without one', () => {
    expect(findTimeRange('活动地点：北京海淀中关村创业大街')).toBeNull();
  });
});

describe('findTimeRange: the forms livestreams and English posts use', () => {
  it('carries 下午 over both ends of 下午 1:30-5:00', () => {
    expect(findTimeRange('下午 1:30-5:00')).toEqual({ start: '13:30', end: '17:00' });
  });

  it('reads an evening livestream written in hours: 晚 8 点 - 9 点', () => {
    expect(findTimeRange('时间：2020 年 7 月 22 日（周三）晚 8 点 - 9 点')).toEqual({
      start: '20:00',
      end: '21:00',
    });
  });

  it('does not add twelve hours to an hour already past noon: 周四晚 19 点', () => {
    expect(findTimeRange('活动时间：02 月 24 日，周四晚 19 点')).toEqual({
      start: '19:00',
      end: null,
    });
  });

  it('reads 下午 13 点 as one in the afternoon', () => {
    expect(findTimeRange('3 月 24 日周日下午 13 点')).toEqual({ start: '13:00', end: null });
  });

  it('reads minutes written with 分: 晚上 7 点 15 分', () => {
    expect(findTimeRange('晚上 7 点 15 分')).toEqual({ start: '19:15', end: null });
  });

  it('reads a range written 2:00pm - 3:30pm PT, each end with its own pm', () => {
    expect(findTimeRange('2:00pm - 3:30pm PT')).toEqual({ start: '14:00', end: '15:30' });
  });

  it('reads English hours with no minutes: 9 am, 9 a.m., 3PM', () => {
    expect(findTimeRange('Thursday, July 29 at 9 am PT!')).toEqual({ start: '09:00', end: null });
    expect(findTimeRange('28 at 9 a.m. PT live.')).toEqual({ start: '09:00', end: null });
    expect(findTimeRange('starts 3PM sharp')).toEqual({ start: '15:00', end: null });
  });

  it('reads a range whose ends each carry a zone and an approximate tilde', () => {
    expect(findTimeRange('from ~9:00 am PT to ~3:00 pm PT each day')).toEqual({
      start: '09:00',
      end: '15:00',
    });
  });

  it('reads 10 am PST to 11 am as an hour-long morning slot', () => {
    expect(findTimeRange('Tuesday, October 5th @ 10 am PST to 11 am')).toEqual({
      start: '10:00',
      end: '11:00',
    });
  });

  it.each([
    ['a full-width tilde', '14:00～15:00'],
    ['an en dash', '14:00–15:00'],
    ['到', '14:00到15:00'],
    ['to', '14:00 to 15:00'],
  ])('reads a range joined by %s', (_separator, text) => {
    expect(findTimeRange(text)).toEqual({ start: '14:00', end: '15:00' });
  });

  it('reads a range whose start names its zone in words: ~7:00 am Pacific Time to ~3:00 pm PT', () => {
    expect(findTimeRange('The event will run from ~7:00 am Pacific Time to ~3:00 pm PT')).toEqual({
      start: '07:00',
      end: '15:00',
    });
  });

  it('reports a backwards slot through isReversed rather than swapping its ends', () => {
    const range = findTimeRange('14:50-13:10 圆桌讨论');
    expect(range).toEqual({ start: '14:50', end: '13:10' });
    expect(isReversed(range!)).toBe(true);
    expect(isReversed(findTimeRange('13:10-14:50')!)).toBe(false);
    expect(isReversed({ start: '19:00', end: null })).toBe(false);
  });
});

describe('findDates: days written in prose', () => {
  it('reads 2021 年 04 月 24 日 with spaces around every unit', () => {
    expect(findDates('活动时间：2021 年 04 月 24 日（周六）14:00-17:00', null)).toEqual([
      { date: '2021-04-24', index: 5, yearWritten: true, weekday: 6, weekdayAgrees: true },
    ]);
  });

  it('takes the year of 6月30日 from the post date, and says the year was not written', () => {
    expect(findDates('6月30日，杭州，蚂蚁Z空间', '2018-07-03T12:22:47+08:00')).toEqual([
      { date: '2018-06-30', index: 0, yearWritten: false },
    ]);
  });

  it('puts a January meetup announced in a December post in the next year', () => {
    expect(findDates('1月8日 下午', '2021-12-20')[0]?.date).toBe('2022-01-08');
  });

  it('puts a December meetup recapped in a January post in the previous year', () => {
    expect(findDates('12月28日的活动', '2022-01-05')[0]?.date).toBe('2021-12-28');
  });

  it('drops a day without a year when the post has no date to take it from', () => {
    expect(findDates('6月30日', null)).toEqual([]);
  });

  it('accepts 号 for 日: 7月1号', () => {
    expect(findDates('截止7月1号', '2018-07-03')[0]?.date).toBe('2018-07-01');
  });

  it('reads July 10, 2021 from the Istio meetup line, after its time', () => {
    const text = '**Time and day:** 13:30-17:30 (CST), July 10, 2021';
    expect(findDates(text, null)).toEqual([
      { date: '2021-07-10', index: text.indexOf('July'), yearWritten: true },
    ]);
  });

  it('reads the day-first English form 10 July 2021', () => {
    expect(findDates('10 July 2021', null)).toEqual([
      { date: '2021-07-10', index: 0, yearWritten: true },
    ]);
  });

  it('reads an English day without a year using the post date: November 6th', () => {
    expect(findDates('on November 6th!', '2023-09-01')[0]).toMatchObject({
      date: '2023-11-06',
      yearWritten: false,
    });
  });

  it('lists several days in the order the text gives them', () => {
    const dates = findDates('2018年6月30日，杭州；下一站 7月1号', '2018-07-03');
    expect(dates.map((found) => found.date)).toEqual(['2018-06-30', '2018-07-01']);
  });

  it('ignores a day that is not in the calendar: 2月30日', () => {
    expect(findDates('2月30日', '2021-01-01')).toEqual([]);
  });
});

describe('findDates: more ways a day is written', () => {
  it('reads 3月23日（周六） and takes its year from the reference date', () => {
    expect(findDates('3月23日（周六）下午', '2019-03-11T12:10:00+08:00')).toEqual([
      { date: '2019-03-23', index: 0, yearWritten: false, weekday: 6, weekdayAgrees: true },
    ]);
  });

  it('reads slashed dates: 2019/03/24', () => {
    expect(findDates('报名截止 2019/03/24', null)[0]?.date).toBe('2019-03-24');
  });

  it('reads March 24, 2019 and the abbreviation Mar. 24', () => {
    expect(findDates('March 24, 2019', null)[0]?.date).toBe('2019-03-24');
    expect(findDates('on Mar. 24', '2019-03-01')[0]?.date).toBe('2019-03-24');
  });

  it('reads a two-day meetup 10月23日-24日 as a first and a last day', () => {
    expect(findDates('2021年10月23日-24日，上海', null)).toEqual([
      { date: '2021-10-23', endDate: '2021-10-24', index: 0, yearWritten: true },
    ]);
  });

  it('reads 10月23-24日 and 10月31日至11月2日 as ranges', () => {
    expect(findDates('10月23-24日', '2021-09-01')[0]).toMatchObject({
      date: '2021-10-23',
      endDate: '2021-10-24',
    });
    expect(findDates('10月31日至11月2日', '2021-09-01')[0]).toMatchObject({
      date: '2021-10-31',
      endDate: '2021-11-02',
    });
  });

  it('reads the weekdays of a range in brackets: 10月23日（周六）- 24日（周日）', () => {
    expect(findDates('10月23日（周六）- 24日（周日）', '2021-09-01')[0]).toMatchObject({
      date: '2021-10-23',
      endDate: '2021-10-24',
    });
  });

  it('reads Mar 24-26 with the year from the reference date', () => {
    expect(findDates('KubeCon, Mar 24-26', '2019-01-15')[0]).toMatchObject({
      date: '2019-03-24',
      endDate: '2019-03-26',
      yearWritten: false,
    });
  });

  it('takes the year written after a range: March 31 - April 2, 2020', () => {
    expect(findDates('March 31 - April 2, 2020', null)[0]).toMatchObject({
      date: '2020-03-31',
      endDate: '2020-04-02',
      yearWritten: true,
    });
  });

  it('reads a day-first range: 24-26 March 2019', () => {
    expect(findDates('24-26 March 2019', null)[0]).toMatchObject({
      date: '2019-03-24',
      endDate: '2019-03-26',
    });
  });

  it('runs a December range into January of the next year', () => {
    expect(findDates('Dec 30 - Jan 2', '2021-12-01')[0]).toMatchObject({
      date: '2021-12-30',
      endDate: '2022-01-02',
    });
  });

  it('does not read July 20 out of 10 July 2021', () => {
    expect(findDates('10 July 2021', '2021-06-01').map((found) => found.date)).toEqual([
      '2021-07-10',
    ]);
  });

  it('does not take a month name out of a longer word: Marketing 2', () => {
    expect(findDates('Marketing 2 Sales', '2021-01-01')).toEqual([]);
  });

  it('reads an English range written December 10th through the 13th', () => {
    expect(findDates('from December 10th through the 13th.', '2020')).toEqual([
      { date: '2020-12-10', endDate: '2020-12-13', index: 5, yearWritten: false },
    ]);
  });

  it('takes a year given alone (a title’s, a folder’s) as the year, not as a date to be near', () => {
    expect(findDates('starting on February 22', '2021')[0]?.date).toBe('2021-02-22');
    expect(findDates('on January 5', '2021')[0]?.date).toBe('2021-01-05');
  });

  it('does not read a day out of a URL: /blog/2019/11/26/…', () => {
    expect(
      findDates('参考 https://kubernetes.io/blog/2019/11/26/develop-a-controller 一文', null),
    ).toEqual([]);
    expect(findDates('见 2019/11/26 的博客', null)[0]?.date).toBe('2019-11-26');
  });

  it('says when the weekday beside a day is not the one it falls on', () => {
    const [copied] = findDates('6 月 12 日周四晚 7 点', '2019-06-01');
    expect(copied).toMatchObject({ date: '2019-06-12', weekday: 4, weekdayAgrees: false });
    const [right] = findDates('6 月 27 日（星期四）', '2019-06-01');
    expect(right).toMatchObject({ date: '2019-06-27', weekday: 4, weekdayAgrees: true });
  });

  it('does not read a time after a day as the end of a range: 10月23日 - 14:00', () => {
    expect(findDates('10月23日 - 14:00', '2021-09-01')).toEqual([
      { date: '2021-10-23', index: 0, yearWritten: false },
    ]);
  });
});

describe('parseFrontMatterDate: the date key of a post', () => {
  it('keeps the wall time and offset of a YAML string with +08:00', () => {
    expect(parseFrontMatterDate('2021-04-12T15:00:00+08:00')).toEqual({
      date: '2021-04-12',
      time: '15:00',
      offset: '+08:00',
    });
  });

  it('reads an offset written without a colon: +0800', () => {
    expect(parseFrontMatterDate('2021-04-12T15:00:00+0800')?.offset).toBe('+08:00');
  });

  it('reads a date without a time as a day with no time and no offset', () => {
    expect(parseFrontMatterDate('2021-07-06')).toEqual({
      date: '2021-07-06',
      time: null,
      offset: null,
    });
  });

  it('keeps the written wall time of a TOML offset date-time rather than converting it to UTC', () => {
    const { date } = parseToml('date = 2018-09-21T10:00:00+08:00');
    expect(parseFrontMatterDate(date)).toEqual({
      date: '2018-09-21',
      time: '10:00',
      offset: '+08:00',
    });
  });

  it('reads a TOML local date as a day with no time', () => {
    const { date } = parseToml('date = 2018-09-21');
    expect(parseFrontMatterDate(date)).toEqual({ date: '2018-09-21', time: null, offset: null });
  });

  it('reads a TOML local date-time as a time with no offset', () => {
    const { date } = parseToml('date = 2018-09-21T19:30:00');
    expect(parseFrontMatterDate(date)).toEqual({
      date: '2018-09-21',
      time: '19:30',
      offset: null,
    });
  });

  it.each(['2021-13-45', '2021-02-30', '2021-04-12T25:00:00'])(
    'rejects %s, which is not a real day or time',
    (value) => {
      expect(parseFrontMatterDate(value)).toBeNull();
    },
  );

  it('rejects values that are not dates at all', () => {
    expect(parseFrontMatterDate(20210706)).toBeNull();
    expect(parseFrontMatterDate('next Saturday')).toBeNull();
    expect(parseFrontMatterDate(null)).toBeNull();
  });
});

describe('findTimezone: the zone a post names', () => {
  it.each([
    ['(CST)', '13:30-17:30 (CST)'],
    ['GMT+8', '20:00 GMT+8'],
    ['GMT+08:00', '20:00 GMT+08:00'],
    ['北京时间', '北京时间 19:00'],
  ])('reads %s as Beijing time', (_zone, text) => {
    expect(findTimezone(text)).toBe('Asia/Shanghai');
  });

  it('reads Pacific and Eastern abbreviations as the American zones', () => {
    expect(findTimezone('10am PST')).toBe('America/Los_Angeles');
    expect(findTimezone('1pm EDT')).toBe('America/New_York');
  });

  it('does not take CST out of the middle of a word', () => {
    expect(findTimezone('The CSTORE demo')).toBeNull();
  });

  it('finds no zone in a time that names none', () => {
    expect(findTimezone('14:00-17:00')).toBeNull();
  });
});

describe('findTimezone: more zones, and where an abbreviation counts', () => {
  it.each([
    ['UTC+8', '19:00 UTC+8', 'Asia/Shanghai'],
    ['+08:00 after a time', '2021-04-24 14:00 +08:00', 'Asia/Shanghai'],
    ['PT', 'on Thursday, July 29 at 9 am PT!', 'America/Los_Angeles'],
    ['PDT', '10:00 PDT', 'America/Los_Angeles'],
    ['CEST', '19:00 CEST', 'Europe/Berlin'],
    ['CET', '18:00 CET', 'Europe/Berlin'],
    ['ET', '1pm ET', 'America/New_York'],
    ['UTC-7', '16:00 UTC-7', 'Etc/GMT+7'],
  ])('reads %s', (_zone, text, zone) => {
    expect(findTimezone(text)).toBe(zone);
  });

  it('takes the zone written first: 12:00 UTC, 14:00 CEST', () => {
    expect(findTimezone('2023-06-07 12:00 UTC, 14:00 CEST Flux Project Meeting')).toBe('Etc/UTC');
  });

  it('reads CST as China Standard Time in a Chinese post and next to a Chinese place', () => {
    expect(findTimezone('13:30-17:30 (CST)', { lang: 'zh' })).toBe('Asia/Shanghai');
    expect(findTimezone('Istio Meetup China, 13:30-17:30 (CST)', { lang: 'en' })).toBe(
      'Asia/Shanghai',
    );
  });

  it('reads CST as US Central Time in an English post that names no Chinese place', () => {
    expect(findTimezone('Office hours at 10:00 (CST) in Austin', { lang: 'en' })).toBe(
      'America/Chicago',
    );
  });

  it('ignores an abbreviation in running text away from any time', () => {
    const dump = `${'Certificate details follow. '.repeat(3)}Not Before: Feb 7 2024 UTC is when it starts`;
    expect(findTimezone(dump.replace('Feb 7 2024 ', 'the first '))).toBeNull();
  });

  it('accepts an abbreviation in brackets or in a short table header', () => {
    expect(findTimezone('Time (CST)')).toBe('Asia/Shanghai');
    expect(findTimezone(`${'The agenda is below. '.repeat(3)}All times (PT).`)).toBe(
      'America/Los_Angeles',
    );
  });
});

describe('timezoneOfOffset and parseTimezone: zones stated outright', () => {
  it('maps +08:00 to Beijing and other whole hours to fixed-offset zones', () => {
    expect(timezoneOfOffset('+08:00')).toBe('Asia/Shanghai');
    expect(timezoneOfOffset('-07:00')).toBe('Etc/GMT+7');
    expect(timezoneOfOffset('+05:45')).toBeNull();
    expect(timezoneOfOffset(null)).toBeNull();
  });

  it.each([
    ['an IANA name', 'Europe/Amsterdam', 'Europe/Amsterdam'],
    ['an offset', '+08:00', 'Asia/Shanghai'],
    ['GMT+8', 'GMT+8', 'Asia/Shanghai'],
    ['an abbreviation', 'PT', 'America/Los_Angeles'],
    ['a Chinese city', '杭州', 'Asia/Shanghai'],
    ['an English city', 'Amsterdam', 'Europe/Amsterdam'],
    ['an Indian city', 'Delhi', 'Asia/Kolkata'],
  ])('reads %s', (_kind, value, zone) => {
    expect(parseTimezone(value)).toBe(zone);
  });

  it('names Coordinated Universal Time by its canonical zone, Etc/UTC', () => {
    expect(parseTimezone('UTC')).toBe('Etc/UTC');
    expect(timezoneOfOffset('+00:00')).toBe('Etc/UTC');
    expect(findTimezone('June 30 12:00 UTC, 8:00AM ET')).toBe('Etc/UTC');
  });

  it('refuses what is not a zone, so the caller can say so', () => {
    expect(parseTimezone('Asia/Beijing')).toBeNull();
    expect(parseTimezone('morning')).toBeNull();
    expect(parseTimezone('')).toBeNull();
  });
});
