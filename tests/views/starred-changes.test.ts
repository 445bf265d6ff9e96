import { describe, expect, it } from 'vitest';
import type { Event, Talk } from '../../src/lib/schema';
import {
  applyStarOutcomes,
  asStarRecord,
  diffStarredTalks,
  snapshotTalk,
  starNotices,
  type StarOutcome,
  type StarRecord,
  type TalkSnapshot,
} from '../../src/lib/views/starred-changes';

const EVENT_ID = 'istio-meetup';

function talk(id: string, extra: Partial<Talk> = {}): Talk {
  return {
    id,
    eventId: EVENT_ID,
    title: `Title of ${id}`,
    speakers: [{ id: `speaker-${id}`, name: `Speaker ${id}`, org: null, role: null }],
    date: '2021-07-10',
    start: '14:00',
    end: '14:30',
    abstract: null,
    slidesUrl: null,
    videoUrl: null,
    ...extra,
  };
}

function event(talks: readonly Talk[]): Event {
  return {
    id: EVENT_ID,
    source: 'istio.md',
    title: 'Istio Meetup China',
    lang: 'en',
    date: '2021-07-10',
    endDate: null,
    start: '13:30',
    end: '17:30',
    timezone: 'Asia/Shanghai',
    city: 'Beijing',
    venue: null,
    format: 'offline',
    series: null,
    talkIds: talks.map((item) => item.id),
    links: [],
    postDate: null,
    tags: [],
    summary: '',
    html: '',
    text: '',
  };
}

function star(talkId: string, extra: Partial<StarRecord> = {}): StarRecord {
  return { talkId, starredAt: `2021-07-01T00:00:00.000Z#${talkId}`, ...extra };
}

/** Runs the diff the way the data worker does: old content, stars, new content. */
function diff(before: readonly Talk[], stars: readonly StarRecord[], after: readonly Talk[]) {
  const oldEvent = event(before);
  const snapshots = new Map(before.map((item) => [item.id, snapshotTalk(item, oldEvent)]));
  return diffStarredTalks({
    stars,
    before: snapshots,
    previousTalkIds: new Set(oldEvent.talkIds),
    next: { events: [event(after)], talks: after },
  });
}

function only(outcomes: StarOutcome[]): StarOutcome {
  expect(outcomes).toHaveLength(1);
  return outcomes[0] as StarOutcome;
}

const envoy = talk('envoy', { title: 'Envoy principles', start: '15:00', end: '15:30' });

describe('diffStarredTalks', () => {
  it('reports a new time, with the talk as it was and as it is', () => {
    const moved = { ...envoy, start: '15:15', end: '15:45' };
    const outcome = only(diff([envoy], [star('envoy')], [moved]));
    expect(outcome).toMatchObject({
      kind: 'changed',
      talkId: 'envoy',
      previousId: null,
      change: {
        fields: ['time'],
        before: { start: '15:00', end: '15:30', eventTitle: 'Istio Meetup China' },
        after: { start: '15:15', end: '15:45' },
      },
    });
  });

  it('reports a new title when the id stays (a change of case keeps the slug and hash)', () => {
    const retitled = { ...envoy, title: 'Envoy Principles' };
    const outcome = only(diff([envoy], [star('envoy')], [retitled]));
    expect(outcome).toMatchObject({ kind: 'changed', change: { fields: ['title'] } });
  });

  it('reports new speakers, but not the same speakers listed in another order', () => {
    const two = talk('panel', {
      speakers: [
        { id: 'a', name: 'Craig Box', org: null, role: null },
        { id: 'b', name: 'Ding Shaojun', org: null, role: null },
      ],
    });
    const swapped = { ...two, speakers: [...two.speakers].reverse() };
    expect(only(diff([two], [star('panel')], [swapped])).kind).toBe('unchanged');

    const fewer = { ...two, speakers: two.speakers.slice(1) };
    const outcome = only(diff([two], [star('panel')], [fewer]));
    expect(outcome).toMatchObject({
      kind: 'changed',
      change: {
        fields: ['speakers'],
        before: { speakers: ['Craig Box', 'Ding Shaojun'] },
        after: { speakers: ['Ding Shaojun'] },
      },
    });
  });

  it('lists every field that changed at once', () => {
    const everything = {
      ...envoy,
      title: 'Envoy Principles',
      start: '16:00',
      speakers: [{ id: 'x', name: 'Someone Else', org: null, role: null }],
    };
    const outcome = only(diff([envoy], [star('envoy')], [everything]));
    expect(outcome).toMatchObject({ change: { fields: ['time', 'title', 'speakers'] } });
  });

  it('keeps a removed talk as its last known version', () => {
    const outcome = only(diff([envoy, talk('other')], [star('envoy')], [talk('other')]));
    expect(outcome).toEqual({
      kind: 'removed',
      talkId: 'envoy',
      last: {
        talkId: 'envoy',
        eventId: EVENT_ID,
        eventTitle: 'Istio Meetup China',
        title: 'Envoy principles',
        speakers: ['Speaker envoy'],
        date: '2021-07-10',
        start: '15:00',
        end: '15:30',
        timezone: 'Asia/Shanghai',
      },
    });
  });

  it('says nothing about a talk that did not change', () => {
    expect(only(diff([envoy], [star('envoy')], [{ ...envoy, abstract: 'New abstract' }]))).toEqual({
      kind: 'unchanged',
      talkId: 'envoy',
    });
  });

  it('leaves alone a star on a talk id that never existed', () => {
    const outcomes = diff([envoy], [star('never-was')], [envoy]);
    expect(only(outcomes)).toEqual({ kind: 'unknown', talkId: 'never-was' });
    expect(applyStarOutcomes([star('never-was')], outcomes)).toEqual({ put: [], remove: [] });
  });

  it('follows a retitled talk to its new id when the new talk has the same speakers', () => {
    const renamed = { ...envoy, id: 'envoy-in-depth', title: 'Envoy in depth', start: '15:05' };
    const outcome = only(diff([envoy, talk('other')], [star('envoy')], [renamed, talk('other')]));
    expect(outcome).toMatchObject({
      kind: 'changed',
      talkId: 'envoy-in-depth',
      previousId: 'envoy',
      change: { fields: ['time', 'title'], after: { title: 'Envoy in depth' } },
    });
  });

  it('follows a retitled talk by its slot when the speakers changed too', () => {
    const renamed = {
      ...envoy,
      id: 'envoy-2',
      title: 'Envoy, revisited',
      speakers: [{ id: 'x', name: 'Zhang Wei', org: null, role: null }],
    };
    expect(only(diff([envoy], [star('envoy')], [renamed]))).toMatchObject({
      talkId: 'envoy-2',
      previousId: 'envoy',
    });
  });

  it('does not guess between two new talks that could both be the retitled one', () => {
    const first = { ...envoy, id: 'envoy-a', title: 'Envoy A' };
    const second = { ...envoy, id: 'envoy-b', title: 'Envoy B' };
    expect(only(diff([envoy], [star('envoy')], [first, second])).kind).toBe('removed');
  });

  it('never moves a star onto a talk that was already on the agenda', () => {
    const neighbour = talk('neighbour', { start: '15:00', speakers: envoy.speakers });
    const outcome = only(diff([envoy, neighbour], [star('envoy')], [neighbour]));
    expect(outcome.kind).toBe('removed');
  });

  it('compares with what the reader last saw while a change is still pending', () => {
    const seen = snapshotTalk(envoy, event([envoy]));
    const firstMove = { ...envoy, start: '15:15' };
    const pending = star('envoy', {
      change: { fields: ['time'], before: seen, after: snapshotTalk(firstMove, event([envoy])) },
    });
    // A second update moves the talk back: nothing is left to tell the reader.
    const back = diff([firstMove], [pending], [envoy]);
    expect(only(back)).toEqual({ kind: 'unchanged', talkId: 'envoy' });
    expect(applyStarOutcomes([pending], back).put).toEqual([
      { talkId: 'envoy', starredAt: pending.starredAt },
    ]);
    // A second update changes the title: both changes are against what the reader saw.
    const renamed = { ...firstMove, title: 'Envoy Principles' };
    expect(only(diff([firstMove], [pending], [renamed]))).toMatchObject({
      change: { fields: ['time', 'title'], before: { start: '15:00' } },
    });
  });

  it('brings a tombstoned talk back when a later update restores it', () => {
    const tombstone = star('envoy', { removed: snapshotTalk(envoy, event([envoy])) });
    const outcomes = diff([], [tombstone], [envoy]);
    expect(only(outcomes)).toEqual({ kind: 'unchanged', talkId: 'envoy' });
    expect(applyStarOutcomes([tombstone], outcomes).put).toEqual([
      { talkId: 'envoy', starredAt: tombstone.starredAt },
    ]);
  });
});

describe('applyStarOutcomes', () => {
  it('moves a star to a retitled talk’s new id, keeping when it was starred', () => {
    const renamed = { ...envoy, id: 'envoy-in-depth', title: 'Envoy in depth' };
    const stars = [star('envoy')];
    const { put, remove } = applyStarOutcomes(stars, diff([envoy], stars, [renamed]));
    expect(remove).toEqual(['envoy']);
    expect(put).toMatchObject([
      { talkId: 'envoy-in-depth', starredAt: stars[0]?.starredAt, change: { fields: ['title'] } },
    ]);
  });

  it('turns a removed talk’s star into a tombstone instead of deleting it', () => {
    const stars = [star('envoy')];
    const { put, remove } = applyStarOutcomes(stars, diff([envoy], stars, []));
    expect(remove).toEqual([]);
    expect(put).toMatchObject([{ talkId: 'envoy', removed: { title: 'Envoy principles' } }]);
  });

  it('writes nothing for stars whose talks did not change', () => {
    const stars = [star('envoy')];
    expect(applyStarOutcomes(stars, diff([envoy], stars, [envoy]))).toEqual({
      put: [],
      remove: [],
    });
  });
});

describe('starNotices', () => {
  const at = (id: string, start: string): TalkSnapshot =>
    snapshotTalk(talk(id, { start }), event([]));

  it('lists changes and tombstones in agenda order, and nothing for plain stars', () => {
    const notices = starNotices([
      star('late', {
        change: { fields: ['time'], before: at('late', '16:00'), after: at('late', '16:30') },
      }),
      star('plain'),
      star('early', {
        change: { fields: ['title'], before: at('early', '13:00'), after: at('early', '13:00') },
      }),
      star('gone', { removed: at('gone', '15:00') }),
    ]);
    expect(notices.changes.map((change) => change.after.talkId)).toEqual(['early', 'late']);
    expect(notices.removed.map((snapshot) => snapshot.talkId)).toEqual(['gone']);
  });
});

describe('asStarRecord', () => {
  it('reads a star stored before changes were tracked', () => {
    expect(asStarRecord({ talkId: 'a', starredAt: '2021-01-01' })).toEqual({
      talkId: 'a',
      starredAt: '2021-01-01',
    });
  });

  it('keeps the star and drops a malformed notice', () => {
    expect(asStarRecord({ talkId: 'a', starredAt: 'x', removed: { title: 3 } })).toEqual({
      talkId: 'a',
      starredAt: 'x',
    });
    expect(asStarRecord({ starredAt: 'x' })).toBeUndefined();
  });
});
