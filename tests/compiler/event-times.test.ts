/**
 * What the compiler makes of the days, times and zones an event post states, end to end: the
 * readings of parse-times as they reach the event.
 */
import { describe, expect, it } from 'vitest';
import { compile, post } from './compile-helpers';

describe('an event post’s days, times and zone', () => {
  it('gives a two-day meetup written 10月23日-24日 its last day', () => {
    const { bundle } = compile([
      post(
        '2021/two-days.md',
        '---\ntitle: 云原生技术开放日\ndate: 2021-10-01\n---\n\n- 活动时间：10月23日-24日 9:30-17:00\n- 活动地点：上海\n',
      ),
    ]);
    expect(bundle.events[0]).toMatchObject({
      date: '2021-10-23',
      endDate: '2021-10-24',
      start: '09:30',
      end: '17:00',
    });
  });

  it('reads a front-matter timezone written as an offset or a city', () => {
    const { bundle, diagnostics } = compile([
      post(
        'a.md',
        '---\ntitle: A\ndate: 2023-01-01\neventDate: 2023-01-10\ntimezone: "+08:00"\n---\n\nBody.\n',
      ),
      post(
        'b.md',
        '---\ntitle: B\ndate: 2023-01-01\neventDate: 2023-01-10\ntimezone: Amsterdam\n---\n\nBody.\n',
      ),
    ]);
    expect(bundle.events.map((event) => event.timezone)).toEqual([
      'Asia/Shanghai',
      'Europe/Amsterdam',
    ]);
    expect(diagnostics.filter((item) => item.code === 'invalid-timezone')).toEqual([]);
  });

  it('reports a front-matter timezone that is no zone at the line of the key, and ignores it', () => {
    const { bundle, diagnostics } = compile([
      post(
        'c.md',
        '---\ntitle: C\ndate: 2023-01-01\neventDate: 2023-01-10\ntimezone: Asia/Beijing\n---\n\n活动时间：14:00-17:00 (CST)\n',
      ),
    ]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'invalid-timezone',
        file: 'c.md',
        line: 5,
      }),
    );
    expect(bundle.events[0]?.timezone).toBe('Asia/Shanghai');
  });

  it('reports a slot that ends before it starts at its line, and keeps its start', () => {
    const body = [
      '---',
      'title: D',
      'date: 2023-01-01',
      'eventDate: 2023-01-10',
      '---',
      '',
      '| 时间 | 议题 | 讲师 |',
      '| --- | --- | --- |',
      '| 13:10-13:50 | 服务网格入门 | 宋净超 |',
      '| 14:50-13:10 | 可观测性实践 | 赵化冰 |',
      '',
    ].join('\n');
    const { bundle, diagnostics } = compile([post('d.md', body)]);
    const reversed = diagnostics.find((item) => item.code === 'time-range-reversed');
    expect(reversed).toMatchObject({ file: 'd.md', line: 10 });
    const talk = bundle.talks.find((candidate) => candidate.title === '可观测性实践');
    expect(talk).toMatchObject({ start: '14:50', end: null });
  });

  it('takes the event day from a line deep in an announcement, with the time written after it', () => {
    const body = [
      '---',
      'title: Bug Triage Party',
      'date: 2021-06-28 08:30:00+00:00',
      '---',
      '',
      '## What it is',
      '',
      'A new way to help out: we reproduce reported issues together.',
      '',
      'Show up at the appointed time. The first party is',
      '',
      '- June 30 12:00 UTC, 8:00AM ET.',
      '- Meet in the chat channel.',
      '',
    ].join('\n');
    const { bundle } = compile([post('triage.md', body)]);
    expect(bundle.events[0]).toMatchObject({
      date: '2021-06-30',
      start: '12:00',
      timezone: 'Etc/UTC',
    });
  });

  it('does not date an event by a deadline or by a newsletter’s upcoming events', () => {
    const body = [
      '---',
      'title: Announcing Mesh Day',
      'date: 2023-01-20T00:00:00+00:00',
      '---',
      '',
      'Mesh Day will be held in Amsterdam this April.',
      '',
      'Interested in speaking? Read on.',
      '',
      'We have a lot planned and would love your help.',
      '',
      'Tell your friends about it.',
      '',
      'The CFP closes on February 12, so time is short.',
      '',
      '## Upcoming events',
      '',
      '- January 26 9am PT: project meeting',
      '',
    ].join('\n');
    const { bundle } = compile([post('mesh-day.md', body)]);
    expect(bundle.events[0]?.date).toBeNull();
  });

  it('reads a day without a year in the year its folder names when the page has no date', () => {
    const body = [
      '---',
      'title: Contributor Party',
      '---',
      '',
      'The party will take place from December 10th through the 13th, online.',
      '',
    ].join('\n');
    const { bundle } = compile([post('events/2020/party/index.md', body)]);
    expect(bundle.events[0]).toMatchObject({ date: '2020-12-10', endDate: '2020-12-13' });
  });

  it('reads a day in the year the title names, and reports a post dated a year too early', () => {
    const body = [
      '---',
      'title: "MeshCon 2021: Schedule Is Live!"',
      'publishdate: 2020-02-12',
      '---',
      '',
      'MeshCon 2021 is a week-long virtual conference starting on February 22.',
      '',
    ].join('\n');
    const { bundle, diagnostics } = compile([post('meshcon.md', body)]);
    expect(bundle.events[0]?.date).toBe('2021-02-22');
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'post-date-mismatch', file: 'meshcon.md', line: 3 }),
    );
  });

  it('takes the day whose weekday agrees when the labelled day was copied from an earlier issue', () => {
    const body = [
      '---',
      'title: 第 6 期直播',
      'date: 2019-06-12T12:00:00+08:00',
      '---',
      '',
      '- 活动时间：6 月 12 日周四晚 7 点',
      '- 活动形式：线上直播',
      '',
      '## 介绍',
      '',
      '6 月 27 日周四晚 7 点，将邀请讲师为大家分享监控系统的原理。',
      '',
    ].join('\n');
    const { bundle, diagnostics } = compile([post('live-6.md', body)]);
    expect(bundle.events[0]).toMatchObject({ date: '2019-06-27', start: '19:00' });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'weekday-mismatch', file: 'live-6.md', line: 6 }),
    );
  });

  it('does not give an undated event the zone of another meeting the post mentions', () => {
    const body = [
      '---',
      'title: April Community Meeting',
      'date: 2021-05-14T00:00:00Z',
      '---',
      '',
      'Here is the recording of our April community meeting.',
      '',
      'Join the next community meeting on Thursday, May 27 at 9 am PT.',
      '',
    ].join('\n');
    const { bundle } = compile([post('meeting.md', body)]);
    expect(bundle.events[0]).toMatchObject({ date: null, timezone: null });
  });

  it('puts a Chinese livestream on China time, but not a talk given at an unplaced conference', () => {
    const livestream = post(
      'live.md',
      '---\ntitle: 第 2 期直播回顾\ndate: 2019-04-01T10:00:00+08:00\n---\n\n本期线上直播分享了服务注册的原理。\n',
    );
    const abroad = post(
      'abroad.md',
      '---\ntitle: 开箱即用的运行时\ndate: 2020-01-16T20:00:00+08:00\n---\n\n图为两位讲师在大会现场演示。本文介绍运行时的设计。\n',
    );
    const { bundle } = compile([livestream, abroad]);
    const zoneOf = (source: string) =>
      bundle.events.find((event) => event.source === source)?.timezone;
    expect(zoneOf('live.md')).toBe('Asia/Shanghai');
    expect(zoneOf('abroad.md')).toBeNull();
  });
});

describe('an event post’s format', () => {
  const formatOf = (text: string, path = 'a.md') =>
    compile([post(path, text)]).bundle.events[0]?.format;

  it('reads a webinar as online even when its agenda has a live demo (现场演示)', () => {
    expect(
      formatOf(
        '---\ntitle: "Mesh Webinar #2"\ndate: 2020-07-14\n---\n\n- 议程：现场演示流量控制\n',
      ),
    ).toBe('online');
  });

  it('reads an event whose 地址 is a livestream link as online', () => {
    expect(
      formatOf(
        '---\ntitle: 第二期分享\ndate: 2020-07-14\n---\n\n- 时间：7 月 22 日晚 8 点\n- 地址：https://live.example.com/2195\n',
      ),
    ).toBe('online');
  });

  it('reads a meetup in a room that people could also watch live as hybrid', () => {
    expect(
      formatOf(
        '---\ntitle: 杭州站回顾\ndate: 2018-07-02\n---\n\n140 人现场参与了本次活动，在线观看直播的人数达到 2000 多人。\n',
      ),
    ).toBe('hybrid');
    expect(
      formatOf(
        '---\ntitle: Mesh at ConfX\ndate: 2022-10-19\n---\n\nMeet us at our booth in-person, or see you in the online sessions!\n',
      ),
    ).toBe('hybrid');
  });

  it('keeps a meetup whose recap only links its replay offline', () => {
    expect(
      formatOf(
        '---\ntitle: 上海站回顾\ndate: 2018-11-26\n---\n\n本次活动在上海举办，感谢大家到场。\n\n## 视频回放与资料下载\n\n地址：https://tech.example.com/activities/2/review\n',
      ),
    ).toBe('offline');
  });
});
