import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/lib/schema';
import { ContentIndex } from '../../src/lib/search/content-index';
import type { ContentReader, SearchHit } from '../../src/lib/views';
import {
  buildEventView,
  buildHomeView,
  buildMyAgendaView,
  buildSearchView,
  buildSpeakerView,
  buildTalkView,
} from '../../src/lib/views/build-views';
import { createMemoryReader } from '../../src/lib/views/memory-reader';
import { linkImages, nestHeadings } from '../../src/lib/views/offline-html';
import { compileSeeds } from '../compiler/compile-helpers';

let bundle: Bundle;
let reader: ContentReader;

function plain(segments: SearchHit['title']): string {
  return segments.map((segment) => segment.text).join('');
}

function talkIdByTitle(fragment: string): string {
  const talk = bundle.talks.find((candidate) => candidate.title.includes(fragment));
  if (!talk) throw new Error(`no seed talk titled like ${fragment}`);
  return talk.id;
}

beforeAll(async () => {
  bundle = (await compileSeeds()).bundle;
  reader = createMemoryReader(bundle);
});

describe('the views pages show', () => {
  it('lists every event in date order with undated ones last', async () => {
    const { events } = await buildHomeView(reader);
    expect(events).toHaveLength(bundle.events.length);
    const dates = events.map((event) => event.date ?? '9999');
    expect(dates).toEqual([...dates].sort());
    expect(events.at(-1)?.date).toBeNull();
  });

  it('shows 敖小剑 with both his Hangzhou talk and his QCon deck', async () => {
    const speaker = bundle.speakers.find((candidate) => candidate.name === '敖小剑');
    const view = await buildSpeakerView(reader, speaker?.id ?? '');
    expect(view?.talks.map((item) => item.event.id).sort()).toEqual([
      '2018-qcon-shanghai-ao-xiaojian-deck',
      '2018-servicemesher-meetup-hangzhou',
    ]);
  });

  it('gives a talk its event and the rest of that agenda', async () => {
    const view = await buildTalkView(reader, talkIdByTitle('Istio CNI'));
    expect(view?.event.title).toBe('Istio Meetup China');
    expect(view?.otherTalks).toHaveLength(6);
    expect(view?.otherTalks.map((talk) => talk.title)).not.toContain(view?.talk.title);
  });

  it('returns null for ids that do not exist', async () => {
    expect(await buildTalkView(reader, 'no-such-talk')).toBeNull();
    expect(await buildSpeakerView(reader, 'no-such-speaker')).toBeNull();
  });

  it('orders starred talks by time and skips ids no longer in the content', async () => {
    const later = talkIdByTitle('Istio CNI');
    const earlier = talkIdByTitle('Welcome speech');
    const view = await buildMyAgendaView(reader, [later, 'gone-talk', earlier]);
    expect(view.talks.map((item) => item.talk.id)).toEqual([earlier, later]);
  });

  it('marks the matched words in search results and names speakers with their company', async () => {
    const index = ContentIndex.build(bundle);
    const result = index.search('istio cni', { limit: 10 });
    const view = await buildSearchView(reader, {
      query: 'istio cni',
      filters: {},
      choices: index.filterChoices(),
      result,
      marks: index.highlighter(result.terms),
    });
    const [hit] = view.talks;
    expect(plain(hit?.title ?? [])).toBe('Securing workload deployment with Istio CNI');
    expect(hit?.title.filter((segment) => segment.match).map((segment) => segment.text)).toEqual([
      'Istio',
      'CNI',
    ]);
    expect(plain(hit?.detail ?? [])).toContain('Zhang Zhihan (Tetrate)');
  });

  it('gives each search result the language of its post, for a screen reader’s voice', async () => {
    const index = ContentIndex.build(bundle);
    const search = async (query: string) => {
      const result = index.search(query, { limit: 10 });
      return buildSearchView(reader, {
        query,
        filters: {},
        choices: index.filterChoices(),
        result,
        marks: index.highlighter(result.terms),
      });
    };
    const cni = await search('istio cni');
    expect(cni.talks[0]?.lang).toBe('en');
    expect(cni.events.map((hit) => hit.lang)).toEqual(cni.events.map(() => 'en'));
    const ao = await search('敖小剑');
    expect(ao.speakers.map((hit) => [plain(hit.title), hit.lang])).toEqual([['敖小剑', 'zh']]);
    expect(ao.talks.every((hit) => hit.lang === 'zh')).toBe(true);
  });
});

describe('an event page shown offline', () => {
  it('turns remote images into links and keeps no plain-text copy of the post', async () => {
    const event = bundle.events.find((candidate) => candidate.html.includes('<img'));
    if (!event) throw new Error('no seed post has an image');
    const view = await buildEventView(reader, event.id);
    expect(view?.event.html).not.toMatch(/<img\b/i);
    expect(view?.event.html).toMatch(/<a class="image" href="https?:\/\//);
    expect(view?.event).not.toHaveProperty('text');
  });

  it('nests the post under the page heading, so the page keeps one h1', async () => {
    const deck = await buildEventView(reader, '2018-qcon-shanghai-ao-xiaojian-deck');
    expect(deck?.event.html).not.toMatch(/<h[12]\b/);
    expect(deck?.event.html).toMatch(/<h3>/);
    expect(nestHeadings('<h1>a</h1><h2 id="x">b</h2>')).toBe('<h3>a</h3><h4 id="x">b</h4>');
  });

  it('closes up heading levels a post skips, keeping siblings at one level', () => {
    expect(nestHeadings('<h1>a</h1><h3>b</h3><h3>c</h3><h2>d</h2><h4>e</h4>')).toBe(
      '<h3>a</h3><h4>b</h4><h4>c</h4><h4>d</h4><h5>e</h5>',
    );
    expect(nestHeadings('<h2>a</h2><h1>b</h1><h6>c</h6>')).toBe('<h3>a</h3><h3>b</h3><h4>c</h4>');
  });

  it('escapes markup found in alt text', () => {
    expect(linkImages('<img src="https://x.test/a.png" alt="<b>agenda</b>">')).toBe(
      '<a class="image" href="https://x.test/a.png" rel="noopener">🖼 &lt;b&gt;agenda&lt;/b&gt;</a>',
    );
  });
});
