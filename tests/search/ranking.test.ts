import { describe, expect, it } from 'vitest';
import { ContentIndex } from '../../src/lib/search/content-index';
import { makeBundle } from './make-bundle';

const TODAY = '2026-11-23';

describe('ranking', () => {
  const bundle = makeBundle(
    [
      { id: 'past', title: 'Meetup 2019', date: '2019-05-01' },
      { id: 'next', title: 'Meetup 2027', date: '2027-03-01' },
    ],
    [
      { id: 'abstract', title: 'Sidecars', event: 'past', abstract: 'Notes on envoy by the team' },
      {
        id: 'company',
        title: 'Gateways',
        event: 'past',
        speakers: [{ name: 'Li Na', org: 'Envoy Inc' }],
      },
      { id: 'words', title: 'Proxy: the envoy way', event: 'past' },
      { id: 'phrase', title: 'Envoy proxy in production', event: 'past' },
      { id: 'name', title: 'Keynote', event: 'past', speakers: [{ name: 'Envoy Proxy' }] },
    ],
  );
  const index = ContentIndex.build(bundle);

  it('puts an exact speaker name, then the title phrase, title words, company, abstract', () => {
    expect(index.search('envoy proxy', { today: TODAY }).talks).toEqual([
      'name',
      'phrase',
      'words',
    ]);
    expect(index.search('envoy', { today: TODAY }).talks).toEqual([
      'phrase',
      'words',
      'name',
      'company',
      'abstract',
    ]);
  });

  it('puts an upcoming talk above an equally relevant past one', () => {
    const twoEvents = makeBundle(
      [
        { id: 'old', title: 'Meetup A', date: '2019-05-01' },
        { id: 'older', title: 'Meetup B', date: '2018-05-01' },
        { id: 'soon', title: 'Meetup C', date: '2027-03-01' },
      ],
      [
        { id: 'old-talk', title: 'Istio ambient', event: 'old' },
        { id: 'soon-talk', title: 'Istio ambient', event: 'soon' },
        { id: 'older-talk', title: 'Istio ambient', event: 'older' },
      ],
    );
    const found = ContentIndex.build(twoEvents).search('istio ambient', { today: TODAY });
    expect(found.talks).toEqual(['soon-talk', 'old-talk', 'older-talk']);
  });
});

describe('cross-language terms', () => {
  const bundle = makeBundle(
    [{ id: 'e', title: 'Meetup', date: '2020-01-01' }],
    [
      { id: 'zh', title: '服务网格的落地实践', event: 'e' },
      { id: 'en', title: 'Service Mesh in production', event: 'e' },
      { id: 'other', title: '可观测性', event: 'e' },
    ],
    {
      search: {
        glossary: [
          ['服务网格', 'service mesh'],
          ['可观测性', 'observability'],
        ],
      },
    },
  );
  const index = ContentIndex.build(bundle);

  it('finds talks in the other language, below the direct matches', () => {
    expect(index.search('服务网格', { today: TODAY }).talks).toEqual(['zh', 'en']);
    expect(index.search('service mesh', { today: TODAY }).talks).toEqual(['en', 'zh']);
    expect(index.search('Observability', { today: TODAY }).talks).toEqual(['other']);
  });

  it('reports the glossary term it also searched, for highlighting', () => {
    expect(index.search('服务网格', { today: TODAY }).terms).toEqual(['服务网格', 'service mesh']);
  });

  it('keeps the rest of the query when it swaps a term', () => {
    expect(index.search('service mesh 落地', { today: TODAY }).talks).toEqual(['zh']);
  });
});

describe('typos', () => {
  const talks = [
    { id: 'k8s', title: 'Kubernetes operators', event: 'e' },
    { id: 'obs', title: 'Observability at scale', event: 'e' },
    { id: 'mesh', title: 'Mesh', event: 'e' },
  ];
  const many = Array.from({ length: 12 }, (_, n) => ({
    id: `istio-${n}`,
    title: `Istio tips ${n}`,
    event: 'e',
  }));
  const index = ContentIndex.build(
    makeBundle([{ id: 'e', title: 'Meetup', date: '2020-01-01' }], [...talks, ...many]),
  );

  it('forgive one edit in a word of five letters or more', () => {
    expect(index.search('kuberntes', { today: TODAY }).talks).toEqual(['k8s']);
    expect(index.search('obserability', { today: TODAY }).talks).toEqual(['obs']);
    expect(index.search('kubernetse operators', { today: TODAY }).talks).toEqual(['k8s']);
    expect(index.search('kuberntes', { today: TODAY }).terms).toEqual(['kuberntes', 'kubernetes']);
  });

  it('are not guessed for short words or for the start of a real word', () => {
    expect(index.search('mseh', { today: TODAY }).talks).toEqual([]);
    expect(index.search('kuberne', { today: TODAY }).talks).toEqual(['k8s']);
    expect(index.search('kuberne', { today: TODAY }).terms).toEqual(['kuberne']);
  });

  it('never flood the results', () => {
    expect(index.search('istoi', { today: TODAY }).talks).toHaveLength(5);
    expect(index.search('istio', { today: TODAY }).talks).toHaveLength(12);
  });
});

describe('Traditional and Simplified characters', () => {
  const bundle = makeBundle(
    [{ id: 'e', title: '台北聚會', date: '2020-01-01' }],
    [
      { id: 'simplified', title: '服务网格入门', event: 'e' },
      { id: 'traditional', title: '可觀測性實踐', event: 'e' },
    ],
    {
      search: {
        characterFolds: {
          務: '务',
          網: '网',
          觀: '观',
          測: '测',
          實: '实',
          踐: '践',
          聚: '聚',
          會: '会',
        },
      },
    },
  );
  const index = ContentIndex.build(bundle);

  it('fold together in both directions', () => {
    expect(index.search('服務網格', { today: TODAY }).talks).toEqual(['simplified']);
    expect(index.search('可观测性', { today: TODAY }).talks).toEqual(['traditional']);
    expect(index.search('观测', { today: TODAY }).talks).toEqual(['traditional']);
  });
});

describe('filters', () => {
  const bundle = makeBundle(
    [
      {
        id: 'hz',
        title: 'Service Mesh Meetup 杭州站',
        date: '2018-06-30',
        city: '杭州',
        format: 'offline',
        series: 'Service Mesh Meetup',
      },
      {
        id: 'online',
        title: 'SOFAChannel#10',
        date: '2019-12-05',
        format: 'online',
        series: 'SOFAChannel',
      },
      {
        id: 'bj',
        title: 'Istio Meetup 北京站',
        date: '2021-07-31',
        city: '北京',
        format: 'offline',
        series: 'Istio Meetup China',
      },
    ],
    [
      { id: 'hz-talk', title: 'Istio 入门', event: 'hz', speakers: [{ name: '敖小剑' }] },
      {
        id: 'online-talk',
        title: 'Istio 与 SOFAMosn',
        event: 'online',
        speakers: [{ name: '敖小剑' }],
      },
      { id: 'bj-talk', title: 'Istio CNI', event: 'bj', speakers: [{ name: '张之晗' }] },
    ],
    { search: { placePinyin: { 杭州: ['hangzhou'], 北京: ['beijing'] } } },
  );
  const index = ContentIndex.build(bundle);

  it('narrow results to a year, a city, a format or a series', () => {
    const istio = (filters: object) =>
      index.search('istio', { today: TODAY, filters }).talks.sort();
    expect(istio({ year: '2021' })).toEqual(['bj-talk']);
    expect(istio({ city: '杭州' })).toEqual(['hz-talk']);
    expect(istio({ format: 'offline' })).toEqual(['bj-talk', 'hz-talk']);
    expect(istio({ series: 'SOFAChannel' })).toEqual(['online-talk']);
    expect(istio({ series: 'SOFAChannel', year: '2021' })).toEqual([]);
  });

  it('keep a speaker who spoke at a matching event', () => {
    const found = index.search('敖小剑', { today: TODAY, filters: { format: 'online' } });
    expect(found.speakers).toHaveLength(1);
    expect(index.search('敖小剑', { today: TODAY, filters: { year: '2021' } }).speakers).toEqual(
      [],
    );
  });

  it('list everything matching when there is no query, newest first', () => {
    const found = index.search('', { today: TODAY, filters: { format: 'offline' } });
    expect(found.events).toEqual(['bj', 'hz']);
    expect(found.talks).toEqual(['bj-talk', 'hz-talk']);
    expect(index.search('', { today: TODAY }).events).toEqual([]);
  });

  it('offer the values the content has', () => {
    expect(index.filterChoices()).toEqual({
      years: ['2021', '2019', '2018'],
      cities: ['北京', '杭州'],
      formats: ['offline', 'online'],
      series: ['Istio Meetup China', 'SOFAChannel', 'Service Mesh Meetup'],
    });
  });

  it('find an event by the pinyin of its city', () => {
    expect(index.search('hangzhou', { today: TODAY }).events).toEqual(['hz']);
  });
});

describe('a stored index', () => {
  it('keeps glossary, typo and folding behaviour', async () => {
    const bundle = makeBundle(
      [{ id: 'e', title: 'Meetup', date: '2020-01-01' }],
      [
        { id: 'zh', title: '服务网格与 Kubernetes', event: 'e' },
        { id: 'en', title: 'Service Mesh', event: 'e' },
      ],
      {
        search: {
          glossary: [['服务网格', 'service mesh']],
          characterFolds: { 網: '网', 務: '务' },
        },
      },
    );
    const index = ContentIndex.build(bundle);
    const restored = ContentIndex.load(await index.dump());
    for (const query of ['服務網格', 'service mesh', 'kubernets', 'kube']) {
      expect(restored.search(query, { today: TODAY })).toEqual(
        index.search(query, { today: TODAY }),
      );
    }
  });
});
