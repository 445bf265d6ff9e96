/** Posts written to exercise the compiler's documented front matter and formats (tests/fixtures/posts). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compile, post, talksOf } from './compile-helpers';

async function fixture(name: string) {
  return post(`fixtures/${name}`, await readFile(`tests/fixtures/posts/${name}`));
}

describe('front matter written for Sidecar', () => {
  it('sessions: replaces the talks read from the text, with speakers, times, abstract and slides', async () => {
    const { bundle, diagnostics } = compile([await fixture('structured-sessions.md')]);
    expect(diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    const [event] = bundle.events;
    expect(event).toMatchObject({
      date: '2023-03-18',
      start: '14:00',
      end: '17:30',
      city: '成都',
      venue: '成都高新区天府软件园 C 区',
      format: 'hybrid',
      postDate: '2023-03-01',
    });
    expect(event?.links).toContainEqual(
      expect.objectContaining({
        kind: 'video',
        url: 'https://www.bilibili.com/video/BV1xx411c7mD',
      }),
    );
    const talks = talksOf(bundle, event!);
    expect(talks.map((talk) => talk.title)).toEqual([
      '多集群服务网格的流量治理',
      'Observability with OpenTelemetry',
    ]);
    expect(talks[0]).toMatchObject({
      start: '14:00',
      end: '14:40',
      abstract: '讲述多集群场景下的服务网格实践。',
      slidesUrl: 'https://example.org/slides/mesh.pdf',
      date: '2023-03-18',
    });
    expect(talks[0]?.speakers[0]).toMatchObject({ name: '宋净超', org: 'Tetrate', role: '布道师' });
    expect(talks[1]?.speakers.map((speaker) => speaker.name)).toEqual(['Li Lei', '韩梅梅']);
    expect(bundle.speakers.find((speaker) => speaker.name === '宋净超')?.aliases).toEqual([
      'Jimmy Song',
    ]);
  });

  it('Wowchemy event front matter gives the event name, days, zone, address and links as they are', async () => {
    const { bundle } = compile([await fixture('wowchemy-event.md')]);
    expect(bundle.events[0]).toMatchObject({
      title: 'Linkerd Day Europe',
      date: '2022-05-16',
      endDate: '2022-05-17',
      start: '13:00',
      end: '17:00',
      timezone: 'Europe/Paris',
      city: 'Paris',
    });
    expect(bundle.events[0]?.venue).toContain('1 Place de la Porte de Versailles');
    expect(bundle.events[0]?.links.map((link) => link.kind).sort()).toEqual([
      'other',
      'slides',
      'video',
    ]);
  });

  it('TOML front matter and a bold line opening with its time give the talk and its start', async () => {
    const { bundle } = compile([await fixture('toml-meetup.md')]);
    const event = bundle.events[0]!;
    expect(event).toMatchObject({
      title: 'Service Mesh Meetup #2 北京站',
      date: '2018-07-29',
      city: '北京',
      venue: '小米科技园',
      timezone: 'Asia/Shanghai',
      tags: ['meetup'],
    });
    expect(talksOf(bundle, event)).toEqual([
      expect.objectContaining({
        title: 'Service Mesh 在小米的落地',
        start: '14:00',
        speakers: [expect.objectContaining({ name: '张三', org: '小米' })],
      }),
    ]);
  });

  it('JSON front matter and a table with a speaker column', async () => {
    const { bundle } = compile([await fixture('json-front-matter.md')]);
    const event = bundle.events[0]!;
    expect(event).toMatchObject({
      title: 'Webinar: GitOps with Flux',
      date: '2021-09-01',
      format: 'online',
    });
    expect(talksOf(bundle, event)).toEqual([
      expect.objectContaining({
        title: 'GitOps with Flux',
        start: '10:00',
        end: '10:45',
        speakers: [expect.objectContaining({ name: 'Kingdon Barrett', org: 'Weaveworks' })],
      }),
    ]);
  });
});
