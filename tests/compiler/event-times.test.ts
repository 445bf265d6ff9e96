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
});
