/** The bundle as a contract: stable ids, deterministic bytes, and a format the client's guard accepts. */
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/compiler/compile';
import { readContentTree } from '../../src/compiler/read-content';
import { BUNDLE_FORMAT, isBundle } from '../../src/lib/schema';
import { compile, FIXED_TIME, post } from './compile-helpers';

const seeds = (await readContentTree('content')).files;

const MEETUP = post(
  'meetup/index.md',
  '---\ntitle: Meetup\ndate: 2023-05-20\n---\n\n**《服务网格入门》**\n\n**嘉宾介绍**\n\n张三，蚂蚁集团技术专家\n\n**《可观测性实践》**\n\n**嘉宾介绍**\n\n李四，腾讯云工程师\n',
);

function idsOf(files = seeds) {
  const { bundle } = compile(files);
  return {
    events: bundle.events.map((event) => event.id),
    talks: bundle.talks.map((talk) => talk.id),
    speakers: bundle.speakers.map((speaker) => speaker.id),
  };
}

describe('the bundle', () => {
  it('is byte-for-byte the same for the same content, apart from generatedAt', () => {
    const first = compileContent(seeds, { generatedAt: '2026-01-01T00:00:00.000Z' }).bundle;
    const second = compileContent([...seeds].reverse(), {
      generatedAt: '2026-06-01T00:00:00.000Z',
    }).bundle;
    expect(JSON.stringify({ ...second, generatedAt: 0 })).toBe(
      JSON.stringify({ ...first, generatedAt: 0 }),
    );
    expect(second.generatedAt).not.toBe(first.generatedAt);
  });

  it('changes its contentHash when any post changes, and only then', () => {
    const before = compile(seeds).bundle.contentHash;
    expect(compile(seeds).bundle.contentHash).toBe(before);
    const edited = seeds.map((file, index) =>
      index === 0
        ? post(file.path, new TextDecoder().decode(file.bytes) + '\nOne more line.\n')
        : file,
    );
    expect(compile(edited).bundle.contentHash).not.toBe(before);
  });

  it('is accepted by the client guard, and a bundle of another format is refused', () => {
    const { bundle } = compile(seeds);
    expect(bundle.format).toBe(BUNDLE_FORMAT);
    expect(BUNDLE_FORMAT).toBe(2);
    expect(isBundle(JSON.parse(JSON.stringify(bundle)))).toBe(true);
    expect(isBundle({ ...bundle, format: BUNDLE_FORMAT + 1 })).toBe(false);
    expect(isBundle({ ...bundle, format: 1 })).toBe(false);
    expect(isBundle({ ...bundle, talks: [{ id: 1 }] })).toBe(false);
    // A format-1 bundle had no search aids: the client must not half-read it.
    const { search: _search, ...withoutSearch } = bundle;
    expect(isBundle(withoutSearch)).toBe(false);
  });

  it('keeps every id when another post is added', () => {
    const before = idsOf();
    const after = idsOf([...seeds, MEETUP]);
    for (const kind of ['events', 'talks', 'speakers'] as const)
      expect(after[kind]).toEqual(expect.arrayContaining(before[kind]));
  });

  it('keeps every id when another post is edited', () => {
    const withMeetup = idsOf([...seeds, MEETUP]);
    const editedMeetup = post(
      'meetup/index.md',
      new TextDecoder().decode(MEETUP.bytes).replace('李四，腾讯云工程师', '王五，华为云工程师'),
    );
    const after = idsOf([...seeds, editedMeetup]);
    expect(after.events).toEqual(withMeetup.events);
    expect(after.talks).toEqual(withMeetup.talks);
    const seedSpeakers = idsOf().speakers;
    expect(after.speakers).toEqual(expect.arrayContaining(seedSpeakers));
  });

  it('keeps talk ids when the talks of a post are reordered', () => {
    const text = new TextDecoder().decode(MEETUP.bytes);
    const [head, first, second] = text.split(/(?=\*\*《)/);
    const reordered = post('meetup/index.md', `${head}${second}\n${first}`);
    const before = compile([MEETUP]).bundle;
    const after = compile([reordered]).bundle;
    expect(after.events[0]?.talkIds).toEqual([...(before.events[0]?.talkIds ?? [])].reverse());
    expect([...after.talks.map((talk) => talk.id)].sort()).toEqual(
      [...before.talks.map((talk) => talk.id)].sort(),
    );
  });

  it('gives two people whose names read the same in pinyin different ids', () => {
    const post1 = post(
      'a.md',
      '---\ntitle: A\ndate: 2023-01-01\n---\n\n**王磊（时速云）：服务网格**\n',
    );
    const post2 = post(
      'b.md',
      '---\ntitle: B\ndate: 2023-02-01\n---\n\n**王蕾（阿里云）：可观测性**\n',
    );
    const { bundle } = compile([post1, post2]);
    expect(bundle.speakers.map((speaker) => speaker.name).sort()).toEqual(['王磊', '王蕾']);
    expect(new Set(bundle.speakers.map((speaker) => speaker.id)).size).toBe(2);
  });

  it('reads a Hugo slug as renaming the page within its folder, so two years may share one', () => {
    const last = post(
      'events/2020/kcc/schedule-2020.md',
      '---\ntitle: KCC 2020\nslug: schedule\ndate: 2020-11-17\n---\n',
    );
    const next = post(
      'events/2021/kcc/schedule-2021.md',
      '---\ntitle: KCC 2021\nslug: schedule\ndate: 2021-10-12\n---\n',
    );
    const { bundle, diagnostics } = compile([last, next]);
    expect(diagnostics.filter((item) => item.code === 'duplicate-id')).toEqual([]);
    expect(bundle.events.map((event) => event.id)).toEqual([
      'events-2020-kcc-schedule',
      'events-2021-kcc-schedule',
    ]);
  });

  it('gives every event a series or null, never leaves it out', () => {
    const { bundle } = compile([...seeds, MEETUP]);
    for (const event of bundle.events) expect(event).toHaveProperty('series');
    expect(bundle.events.find((event) => event.source === 'meetup/index.md')?.series).toBeNull();
  });

  it('stamps generatedAt as given', () => {
    expect(compile(seeds).bundle.generatedAt).toBe(FIXED_TIME);
  });
});
