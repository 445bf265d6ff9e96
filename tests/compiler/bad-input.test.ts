/**
 * Bad input: each case gives a clear diagnostic naming the file (and line where there is one),
 * nothing throws, and the good post compiled beside it comes through whole.
 */
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/compiler/read-content';
import { compile, glossary, post } from './compile-helpers';

const GOOD = post(
  'good/index.md',
  '---\ntitle: "Cloud Native Meetup 杭州站"\ndate: 2023-05-20\n---\n\n- 活动时间：2023 年 05 月 20 日 14:00-17:00\n\n**王五（阿里云）：Kubernetes 调度实践**\n',
);

/** Compiles `bad` beside a good post and checks the good one is untouched by it. */
function compileBeside(bad: SourceFile) {
  const result = compile([GOOD, bad]);
  const good = result.bundle.events.find((event) => event.source === 'good/index.md');
  expect(good).toMatchObject({
    title: 'Cloud Native Meetup 杭州站',
    date: '2023-05-20',
    start: '14:00',
  });
  expect(result.bundle.talks.filter((talk) => talk.eventId === good?.id)).toHaveLength(1);
  const about = result.diagnostics.filter((item) => item.file === bad.path);
  return { ...result, about };
}

describe('bad input', () => {
  it('broken YAML is an error at the line and column of the mistake', () => {
    const { about, bundle } = compileBeside(
      post('broken-yaml.md', '---\ntitle: "Meetup\ndate: [2021-01-01\n---\n\nbody\n'),
    );
    const error = about.find((item) => item.code === 'yaml-syntax');
    expect(error).toMatchObject({ severity: 'error', file: 'broken-yaml.md' });
    expect(error?.line).toBeGreaterThanOrEqual(2);
    expect(error?.column).not.toBeNull();
    // The post still yields an event, named from what could be read, so nothing vanishes silently.
    expect(bundle.events).toHaveLength(2);
  });

  it('an empty file is an error, and no event', () => {
    const { about, bundle } = compileBeside(post('empty.md', ''));
    expect(about).toEqual([
      expect.objectContaining({ severity: 'error', code: 'empty-post', line: 1 }),
    ]);
    expect(bundle.events).toHaveLength(1);
  });

  it('a binary file named .md is an error, and no event', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const { about, bundle } = compileBeside(post('photo.md', png));
    expect(about).toEqual([
      expect.objectContaining({ severity: 'error', code: 'binary-file', file: 'photo.md' }),
    ]);
    expect(about[0]?.message).toMatch(/binary/);
    expect(bundle.events).toHaveLength(1);
  });

  it('a 5 MB post is refused with an error saying how big it is', () => {
    const huge = `---\ntitle: dump\n---\n\n${'服务网格 Service Mesh 的落地实践。\n'.repeat(160_000)}`;
    expect(new TextEncoder().encode(huge).length).toBeGreaterThan(5_000_000);
    const { about } = compileBeside(post('huge.md', huge));
    expect(about).toEqual([expect.objectContaining({ severity: 'error', code: 'post-too-large' })]);
    expect(about[0]?.message).toMatch(/\d+\.\d MB/);
  });

  it('<script> and onerror= in raw HTML are removed from the page and reported at their lines', () => {
    const { about, bundle } = compileBeside(
      post(
        'xss.md',
        '---\ntitle: XSS\ndate: 2023-01-01\n---\n\nHello<br/>world\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n',
      ),
    );
    const html = bundle.events.find((event) => event.source === 'xss.md')?.html ?? '';
    expect(html).not.toMatch(/<script|onerror|javascript:|alert/i);
    expect(html).toContain('Hello<br />world');
    expect(html).toContain('<img src="x.png" />');
    expect(
      about.filter((item) => item.code === 'unsafe-html-removed').map((item) => item.line),
    ).toEqual([8, 10, 12]);
  });

  it('a post with no front matter still compiles, with a warning to add some', () => {
    const { about, bundle } = compileBeside(
      post('bare.md', '# Service Mesh 沙龙\n\n2023 年 6 月 3 日，上海。\n'),
    );
    expect(about).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'no-front-matter', line: 1 }),
    );
    expect(bundle.events.find((event) => event.source === 'bare.md')).toMatchObject({
      title: 'Service Mesh 沙龙',
      date: '2023-06-03',
      city: '上海',
    });
  });

  it('two posts claiming the same id: an error naming both, and both events kept under distinct ids', () => {
    const first = post('2023/meetup.md', '---\ntitle: A\ndate: 2023-01-01\n---\n');
    const second = post('2023/meetup/index.md', '---\ntitle: B\ndate: 2023-02-01\n---\n');
    const { bundle, diagnostics } = compile([GOOD, first, second]);
    const clash = diagnostics.find((item) => item.code === 'duplicate-id');
    expect(clash).toMatchObject({ severity: 'error', file: '2023/meetup/index.md' });
    expect(clash?.message).toContain('2023/meetup.md');
    const ids = bundle.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain('2023-meetup');
  });

  it('a date such as 2021-13-45 is an error at the line of the key', () => {
    const { about, bundle } = compileBeside(
      post('bad-date.md', '---\ntitle: Meetup\ndate: 2021-13-45\n---\n\nbody\n'),
    );
    expect(about).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'invalid-date', line: 3 }),
    );
    expect(about.find((item) => item.code === 'invalid-date')?.message).toContain('2021-13-45');
    expect(bundle.events.find((event) => event.source === 'bad-date.md')?.date).toBeNull();
  });

  it('an end time before the start time is a warning at its line, and the end is dropped', () => {
    const { about, bundle } = compileBeside(
      post(
        'reversed.md',
        '---\ntitle: Meetup\ndate: 2023-01-01\n---\n\n| 时间 | 议题 | 讲师 |\n| --- | --- | --- |\n| 14:50-13:10 | 服务网格实践 | 李四（腾讯云） |\n',
      ),
    );
    expect(about).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'time-range-reversed', line: 8 }),
    );
    const talk = bundle.talks.find((candidate) => candidate.title === '服务网格实践');
    expect(talk).toMatchObject({ start: '14:50', end: null });
  });

  it('an event-level range that runs backwards is reported too', () => {
    const { about, bundle } = compileBeside(
      post(
        'event-reversed.md',
        '---\ntitle: Meetup\n---\n\n- 活动时间：2023 年 05 月 20 日 17:00-14:00\n',
      ),
    );
    expect(about).toContainEqual(expect.objectContaining({ code: 'time-range-reversed', line: 5 }));
    expect(bundle.events.find((event) => event.source === 'event-reversed.md')).toMatchObject({
      start: '17:00',
      end: null,
    });
  });

  it('a TOML syntax error names the file line', () => {
    const { about } = compileBeside(post('broken.toml.md', '+++\ntitle = "x"\ndate = \n+++\n'));
    expect(about).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'toml-syntax', line: 3 }),
    );
  });

  it('a glossary that does not parse is an error at its file and line, and the posts still compile', () => {
    const { bundle, diagnostics } = compile([GOOD], {
      glossary: glossary('- [服务网格, service mesh]\n- [调度, scheduling\n- [边车, sidecar]\n'),
    });
    const error = diagnostics.find((item) => item.file === 'glossary.yaml');
    expect(error).toMatchObject({ severity: 'error', code: 'glossary-syntax' });
    expect(error?.line).toBeGreaterThanOrEqual(2);
    expect(error?.message).toMatch(/glossary does not parse/);
    expect(bundle.events).toHaveLength(1);
    expect(bundle.talks).toHaveLength(1);
    expect(bundle.search.glossary).toEqual([]);
  });
});

describe('a post without a day or an agenda', () => {
  const warningsOf = (text: string) =>
    compile([post('meetup.md', text)]).diagnostics.filter(
      (item) => item.code === 'no-date' || item.code === 'no-talks',
    );

  it('is told how to write them in Chinese when it is written in Chinese', () => {
    const messages = warningsOf(
      '---\ntitle: 服务网格沙龙\n---\n\n欢迎大家报名参加本次服务网格技术沙龙。\n',
    ).map((item) => item.message);
    expect(messages).toEqual([
      expect.stringContaining('《题目》'),
      expect.stringContaining('活动时间：YYYY 年 MM 月 DD 日'),
    ]);
  });

  it('is told in terms an English post can follow, and the hints it gives do work', () => {
    const messages = warningsOf(
      '---\ntitle: Service Mesh Meetup\n---\n\nJoin us for an evening of talks about service meshes.\n',
    ).map((item) => item.message);
    expect(messages).toEqual([
      expect.stringContaining('"- 14:00 Title by Name (Company)"'),
      expect.stringContaining('"Date: September 26, 2023"'),
    ]);
    const { bundle, diagnostics } = compile([
      post(
        'meetup.md',
        '---\ntitle: Service Mesh Meetup\n---\n\nDate: September 26, 2023\n\n- 14:00 Ambient mesh in practice by Jimmy Song (Tetrate)\n',
      ),
    ]);
    expect(diagnostics).toEqual([]);
    expect(bundle.events[0]?.date).toBe('2023-09-26');
    expect(bundle.talks.map((talk) => [talk.title, talk.start])).toEqual([
      ['Ambient mesh in practice', '14:00'],
    ]);
    expect(bundle.speakers.map((speaker) => speaker.name)).toEqual(['Jimmy Song']);
  });
});
