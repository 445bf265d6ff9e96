/** Reading a labels file: good labels are read whole, bad entries are named by their JSON path. */
import { describe, expect, it } from 'vitest';
import { LabelsError, parseLabels } from '../../scripts/eval-extraction/labels';

const GOOD = {
  version: 1,
  posts: [
    {
      source: 'site/events/kcs/_index.md',
      pages: ['site/events/kcs/_index.md', 'site/events/kcs/schedule.md'],
      lang: 'en',
      kind: 'conference',
      event: {
        title: 'Contributor Summit',
        date: '2023-11-06',
        endDate: null,
        start: '09:00',
        end: null,
        timezone: 'America/Chicago',
        city: 'Chicago',
        venue: null,
        format: 'offline',
      },
      talks: [
        {
          title: 'Steering AMA',
          speakers: [{ name: 'Ann', company: 'CNCF', role: 'host' }],
          date: null,
          start: '09:00',
          end: '09:30',
        },
        { title: null, speakers: [{ name: 'Bo' }], date: null, start: null, end: null },
      ],
      notes: 'The schedule page lists the sessions.',
    },
    {
      source: 'site/blog/news.md',
      lang: 'en',
      kind: 'not-an-event',
      event: { title: 'News' },
      talks: [],
    },
  ],
};

function problemsOf(value: unknown): string[] {
  try {
    parseLabels(value, 'labels.json');
  } catch (error) {
    if (error instanceof LabelsError) return error.problems;
    throw error;
  }
  return [];
}

function withPost(change: (post: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(GOOD);
  change(copy.posts[0] as unknown as Record<string, unknown>);
  return copy;
}

describe('parseLabels', () => {
  it('reads every label, leaving facts a label omits as null', () => {
    const labels = parseLabels(GOOD, 'labels.json');
    expect(labels).toHaveLength(2);
    expect(labels[0]?.talks[1]).toEqual({
      title: null,
      speakers: [{ name: 'Bo', company: null, role: null }],
      date: null,
      start: null,
      end: null,
    });
    expect(labels[1]?.pages).toEqual(['site/blog/news.md']);
    expect(labels[1]?.event).toMatchObject({ title: 'News', date: null, format: null });
  });

  it('names the file and the JSON path of each bad entry', () => {
    const value = withPost((post) => {
      const talks = post.talks as Record<string, unknown>[];
      (talks[0] as Record<string, unknown>).start = '9:00';
      (post.event as Record<string, unknown>).format = 'in person';
      post.kind = 'meetup';
    });
    expect(() => parseLabels(value, 'eval/labels.json')).toThrow(
      /^eval\/labels\.json is not a valid labels file/,
    );
    expect(problemsOf(value)).toEqual([
      'posts[0].kind: expected one of announcement, recap, livestream, webinar, conference, talk-page, listing, not-an-event or null, found "meetup"',
      'posts[0].event.format: expected one of offline, online, hybrid or null, found "in person"',
      'posts[0].talks[0].start: expected HH:MM or null, found "9:00"',
    ]);
  });

  it('reports a misspelt key rather than reading it as a missing fact', () => {
    const value = withPost((post) => {
      (post.event as Record<string, unknown>).startTime = '09:00';
    });
    expect(problemsOf(value)).toEqual([
      'posts[0].event.startTime: unknown key (expected one of title, date, endDate, start, end, timezone, city, venue, format)',
    ]);
  });

  it('refuses a speaker without a name, a date in another shape and an empty value', () => {
    const value = withPost((post) => {
      const talks = post.talks as Record<string, unknown>[];
      (talks[0] as Record<string, unknown>).speakers = [{ company: 'CNCF' }];
      (post.event as Record<string, unknown>).date = '2023/11/06';
      (post.event as Record<string, unknown>).venue = '';
    });
    expect(problemsOf(value)).toEqual([
      'posts[0].event.date: expected YYYY-MM-DD or null, found "2023/11/06"',
      'posts[0].event.venue: expected a non-empty string or null, found ""',
      'posts[0].talks[0].speakers[0].name: expected a non-empty string, found nothing',
    ]);
  });

  it('refuses the same source labelled twice, and a file of another version', () => {
    const twice = structuredClone(GOOD);
    twice.posts.push(structuredClone(GOOD.posts[0]) as (typeof twice.posts)[number]);
    expect(problemsOf(twice)).toEqual([
      'posts[2].source: site/events/kcs/_index.md is labelled already at posts[0]',
    ]);
    expect(problemsOf({ ...GOOD, version: 2 })).toEqual(['version: expected 1, found 2']);
    expect(problemsOf([])).toEqual(['$: expected { "version": 1, "posts": [...] }']);
  });
});
