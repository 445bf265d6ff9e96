/** Scoring extraction against labels: the figures an engineer reads to know what to fix. */
import { describe, expect, it } from 'vitest';
import type { Label, LabelTalk } from '../../scripts/eval-extraction/labels';
import {
  f1Of,
  fieldAgrees,
  findUnknownPaths,
  indexCompiled,
  matchOneToOne,
  matchTalks,
  normaliseText,
  predictionFor,
  scorePost,
  summarise,
  sumCounts,
  worstPosts,
} from '../../scripts/eval-extraction/score';
import type { Event, Talk } from '../../src/lib/schema';

function goldTalk(
  title: string | null,
  speakers: string[] = [],
  times: Partial<LabelTalk> = {},
): LabelTalk {
  return {
    title,
    speakers: speakers.map((name) => ({ name, company: null, role: null })),
    date: null,
    start: null,
    end: null,
    ...times,
  };
}

function compiledTalk(title: string, speakers: string[] = [], fields: Partial<Talk> = {}): Talk {
  return {
    id: `e/${title}`,
    eventId: 'e',
    title,
    speakers: speakers.map((name) => ({ id: name, name, org: null, role: null })),
    date: null,
    start: null,
    end: null,
    abstract: null,
    slidesUrl: null,
    videoUrl: null,
    ...fields,
  };
}

const NO_EVENT_FACTS = {
  title: null,
  date: null,
  endDate: null,
  start: null,
  end: null,
  timezone: null,
  city: null,
  venue: null,
  format: null,
};

function label(overrides: Partial<Label>): Label {
  return {
    source: 'site/meetup.md',
    pages: ['site/meetup.md'],
    lang: 'zh',
    kind: 'announcement',
    event: { ...NO_EVENT_FACTS },
    talks: [],
    notes: null,
    ...overrides,
  };
}

function compiledEvent(overrides: Partial<Event>): Event {
  return {
    id: 'e',
    source: 'site/meetup.md',
    title: '',
    lang: 'zh',
    date: null,
    endDate: null,
    start: null,
    end: null,
    timezone: null,
    city: null,
    venue: null,
    format: null,
    series: null,
    talkIds: [],
    links: [],
    postDate: null,
    tags: [],
    summary: '',
    html: '',
    text: '',
    ...overrides,
  };
}

describe('normaliseText', () => {
  it('ignores book-title marks, quotes, brackets, colons, dashes and middle dots, ASCII and CJK', () => {
    expect(normaliseText('《服务网格：入门》')).toBe(normaliseText('服务网格入门'));
    expect(normaliseText('“Service Mesh”—「实践」【上海站】·回顾')).toBe(
      normaliseText('Service Mesh 实践 上海站 回顾'),
    );
    expect(normaliseText('REST to gRPC: a how-to')).toBe(normaliseText('rest to grpc a howto'));
  });

  it('ignores case, full-width forms and how mixed Chinese and Latin text is spaced', () => {
    expect(normaliseText('Ｋｕｂｅｒｎｅｔｅｓ　实践')).toBe(normaliseText('kubernetes实践'));
    expect(normaliseText('在 Kubernetes 上搭建')).toBe(normaliseText('在Kubernetes上搭建'));
  });

  it('keeps titles with different words apart', () => {
    expect(normaliseText('服务网格入门')).not.toBe(normaliseText('服务网格进阶'));
  });
});

describe('matchOneToOne', () => {
  const identity = (text: string) => text;

  it('pairs each gold item with at most one predicted item', () => {
    const result = matchOneToOne(['a', 'a', 'b'], ['a', 'c'], identity, identity);
    expect(result.pairs).toEqual([['a', 'a']]);
    expect(result.missing).toEqual(['a', 'b']);
    expect(result.spurious).toEqual(['c']);
  });

  it('pairs repeated items as often as both sides have them', () => {
    const result = matchOneToOne(['x', 'x'], ['x', 'x', 'x'], identity, identity);
    expect(result.pairs).toHaveLength(2);
    expect(result.missing).toEqual([]);
    expect(result.spurious).toEqual(['x']);
  });

  it('handles empty sides', () => {
    expect(matchOneToOne([], ['a'], identity, identity)).toEqual({
      pairs: [],
      missing: [],
      spurious: ['a'],
    });
    expect(matchOneToOne(['a'], [], identity, identity)).toEqual({
      pairs: [],
      missing: ['a'],
      spurious: [],
    });
  });
});

describe('f1Of', () => {
  it('gives precision, recall and their harmonic mean', () => {
    const score = f1Of({ matched: 3, predicted: 4, gold: 6 });
    expect(score.precision).toBeCloseTo(0.75);
    expect(score.recall).toBeCloseTo(0.5);
    expect(score.f1).toBeCloseTo(0.6);
  });

  it('is perfect when there was nothing to find and nothing was found', () => {
    expect(f1Of({ matched: 0, predicted: 0, gold: 0 })).toEqual({
      precision: null,
      recall: null,
      f1: 1,
    });
  });

  it('is zero when only one side is empty, with the undefined ratio left null', () => {
    expect(f1Of({ matched: 0, predicted: 0, gold: 3 })).toEqual({
      precision: null,
      recall: 0,
      f1: 0,
    });
    expect(f1Of({ matched: 0, predicted: 2, gold: 0 })).toEqual({
      precision: 0,
      recall: null,
      f1: 0,
    });
  });

  it('micro-averages by summing counts over posts', () => {
    const total = sumCounts([
      { matched: 1, predicted: 1, gold: 1 },
      { matched: 0, predicted: 0, gold: 3 },
    ]);
    expect(total).toEqual({ matched: 1, predicted: 1, gold: 4 });
    expect(f1Of(total).f1).toBeCloseTo(0.4);
  });
});

describe('event fields', () => {
  it('counts null against null as right, and null against a value as wrong', () => {
    expect(fieldAgrees('venue', null, null)).toBe(true);
    expect(fieldAgrees('venue', null, '蚂蚁Z空间')).toBe(false);
    expect(fieldAgrees('date', '2022-04-01', null)).toBe(false);
  });

  it('takes spellings of one city as the same city', () => {
    expect(fieldAgrees('city', '上海', 'Shanghai')).toBe(true);
    expect(fieldAgrees('city', '上海市', 'shanghai')).toBe(true);
    expect(fieldAgrees('city', 'San Francisco', '旧金山')).toBe(true);
    expect(fieldAgrees('city', '上海', '杭州')).toBe(false);
    expect(fieldAgrees('city', 'Springfield', 'springfield')).toBe(true);
  });

  it('compares titles and venues as normalised text, dates and times exactly', () => {
    expect(fieldAgrees('title', '《SOFAMeetup#14 上海站》', 'SOFAMeetup#14上海站')).toBe(true);
    expect(fieldAgrees('venue', 'Hyatt Regency', 'hyatt regency')).toBe(true);
    expect(fieldAgrees('start', '09:30', '9:30')).toBe(false);
  });
});

describe('matchTalks', () => {
  it('pairs an untitled labelled talk with a leftover compiled talk of the same speaker', () => {
    const result = matchTalks(
      [goldTalk('Keynote', ['Ann']), goldTalk(null, ['Joe Beda'])],
      [
        compiledTalk('Keynote', ['Ann']),
        compiledTalk('Linkerd 2.0 live', ['Joe Beda']),
        compiledTalk('Lunch'),
      ],
    );
    expect(result.byTitle).toHaveLength(1);
    expect(result.bySpeaker.map(([, talk]) => talk.title)).toEqual(['Linkerd 2.0 live']);
    expect(result.spurious.map((talk) => talk.title)).toEqual(['Lunch']);
    expect(result.missing).toEqual([]);
  });
});

describe('scorePost', () => {
  const gold = label({
    event: { ...NO_EVENT_FACTS, title: 'SOFAMeetup', date: '2022-04-01', city: '上海' },
    talks: [
      goldTalk('《服务网格入门》', ['张三'], { start: '14:00', end: '14:40' }),
      goldTalk('可观测性实践', ['李四', '王五']),
      goldTalk('多运行时', ['赵六']),
      goldTalk(null, ['主持人']),
    ],
  });
  const score = scorePost(gold, {
    event: compiledEvent({ title: 'SOFAMeetup', date: '2022-04-02', city: 'Shanghai' }),
    talks: [
      compiledTalk('服务网格入门', ['张三'], { start: '14:00', end: '14:50' }),
      compiledTalk('可观测性 实践', ['李四']),
      compiledTalk('签到', []),
    ],
  });

  it('counts titles matched one to one, leaving untitled labelled talks out', () => {
    expect(score.titles).toEqual({ matched: 2, predicted: 3, gold: 3 });
    expect(score.missingTalks).toEqual(['多运行时', '(untitled, by 主持人)']);
    expect(score.spuriousTalks).toEqual(['签到']);
  });

  it('counts speaker names as multisets over the whole post', () => {
    expect(score.speakers).toEqual({ matched: 2, predicted: 2, gold: 5 });
  });

  it('scores every event field, and the times of matched talks, apart where the label states them', () => {
    const wrong = score.fields.filter((item) => !item.correct).map((item) => item.field);
    expect(wrong).toEqual(['date']);
    expect(score.fields).toHaveLength(9);
    expect(score.talkStart).toEqual({ correct: 2, total: 2, statedCorrect: 1, stated: 1 });
    expect(score.talkEnd).toEqual({ correct: 1, total: 2, statedCorrect: 0, stated: 1 });
  });

  it('checks the company of speakers matched by name, null against null included', () => {
    const withCompanies = scorePost(
      label({
        talks: [
          {
            ...goldTalk('Mesh'),
            speakers: [
              { name: 'Ann', company: 'Buoyant', role: null },
              { name: 'Bo', company: null, role: null },
              { name: 'Cy', company: 'Intel', role: null },
            ],
          },
        ],
      }),
      {
        event: null,
        talks: [
          {
            ...compiledTalk('Mesh'),
            speakers: [
              { id: 'a', name: 'Ann', org: 'buoyant', role: null },
              { id: 'b', name: 'Bo', org: null, role: null },
              { id: 'c', name: 'Cy', org: 'Google', role: null },
            ],
          },
        ],
      },
    );
    expect(withCompanies.company).toEqual({ correct: 2, total: 3, statedCorrect: 1, stated: 2 });
  });

  it('scores no event fields for a post that is not about an event', () => {
    const article = scorePost(label({ kind: 'not-an-event' }), {
      event: compiledEvent({}),
      talks: [],
    });
    expect(article.fields).toEqual([]);
    expect(f1Of(article.titles).f1).toBe(1);
  });

  it('scores a post the compiler made nothing of as all missing', () => {
    const lost = scorePost(gold, { event: null, talks: [] });
    expect(lost.titles).toEqual({ matched: 0, predicted: 0, gold: 3 });
    expect(lost.fields.find((item) => item.field === 'city')?.correct).toBe(false);
    expect(lost.fields.find((item) => item.field === 'venue')?.correct).toBe(true);
  });
});

describe('predictionFor', () => {
  it("takes the event from the label's source and the talks of all its pages", () => {
    const index = indexCompiled({
      events: [
        compiledEvent({ id: 'summit', source: 'kcs/_index.md', talkIds: [] }),
        compiledEvent({ id: 'schedule', source: 'kcs/schedule.md', talkIds: ['t1'] }),
        compiledEvent({ id: 'other', source: 'elsewhere.md', talkIds: ['t2'] }),
      ],
      talks: [
        compiledTalk('Steering AMA', [], { id: 't1' }),
        compiledTalk('Not ours', [], { id: 't2' }),
      ],
    });
    const prediction = predictionFor(
      label({ source: 'kcs/_index.md', pages: ['kcs/_index.md', 'kcs/schedule.md'] }),
      index,
    );
    expect(prediction.event?.id).toBe('summit');
    expect(prediction.talks.map((talk) => talk.title)).toEqual(['Steering AMA']);
  });
});

describe('findUnknownPaths', () => {
  it('names each label path the corpus does not have', () => {
    const labels = [
      label({ source: 'a.md', pages: ['a.md'] }),
      label({ source: 'b/_index.md', pages: ['b/_index.md', 'b/gone.md'] }),
      label({ source: 'c.md', pages: ['c.md'] }),
    ];
    expect(findUnknownPaths(labels, new Set(['a.md', 'b/_index.md']))).toEqual([
      'posts[1].pages: b/gone.md',
      'posts[2].source: c.md',
    ]);
  });
});

describe('summarise and worstPosts', () => {
  const perfect = scorePost(label({ source: 'good.md', talks: [goldTalk('A', ['Ann'])] }), {
    event: compiledEvent({}),
    talks: [compiledTalk('A', ['Ann'])],
  });
  const poor = scorePost(
    label({ source: 'poor.md', talks: [goldTalk('B', ['Bo']), goldTalk('C')] }),
    {
      event: compiledEvent({ date: '2020-01-01' }),
      talks: [compiledTalk('Z', ['Bo'])],
    },
  );

  it('sums the counts of every post', () => {
    const summary = summarise([perfect, poor]);
    expect(summary.posts).toBe(2);
    expect(summary.titles).toEqual({ matched: 1, predicted: 2, gold: 3 });
    expect(summary.speakers).toEqual({ matched: 2, predicted: 2, gold: 2 });
    expect(summary.fields.date).toEqual({ correct: 1, total: 2, statedCorrect: 0, stated: 0 });
    expect(summary.fields.city).toEqual({ correct: 2, total: 2, statedCorrect: 0, stated: 0 });
  });

  it('lists the worst posts first, as many as asked', () => {
    expect(worstPosts([perfect, poor], 1).map((score) => score.source)).toEqual(['poor.md']);
    expect(worstPosts([perfect, poor], 10).map((score) => score.source)).toEqual([
      'poor.md',
      'good.md',
    ]);
  });
});
