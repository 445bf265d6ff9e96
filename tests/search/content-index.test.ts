import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/lib/schema';
import { ContentIndex } from '../../src/lib/search/content-index';
import { compileSeeds } from '../compiler/compile-helpers';

let bundle: Bundle;
let index: ContentIndex;

function titlesOf(ids: string[]): string[] {
  return ids.map((id) => bundle.talks.find((talk) => talk.id === id)?.title ?? id);
}

function speakerNames(ids: string[]): string[] {
  return ids.map((id) => bundle.speakers.find((speaker) => speaker.id === id)?.name ?? id);
}

beforeAll(async () => {
  bundle = (await compileSeeds()).bundle;
  index = ContentIndex.build(bundle);
});

describe('searching the seed content', () => {
  it('finds a Chinese phrase inside a longer title', () => {
    expect(titlesOf(index.search('服务网格', { limit: 10 }).talks)).toContain(
      '服务网格在企业落地的典型场景与实践',
    );
  });

  it('finds an English talk by two of its words', () => {
    expect(titlesOf(index.search('istio cni', { limit: 10 }).talks)).toEqual([
      'Securing workload deployment with Istio CNI',
    ]);
  });

  it('finds a speaker by pinyin initials and by full pinyin', () => {
    expect(speakerNames(index.search('axj', { limit: 10 }).speakers)).toEqual(['敖小剑']);
    expect(speakerNames(index.search('aoxiaojian', { limit: 10 }).speakers)).toEqual(['敖小剑']);
    expect(titlesOf(index.search('axj', { limit: 10 }).talks)).toHaveLength(2);
  });

  it('finds words by their prefix', () => {
    expect(titlesOf(index.search('kube', { limit: 10 }).talks)).toContain(
      '在 Kubernetes 上搭建高可用 Service Mesh 监控',
    );
  });

  it('does not match Chinese characters scattered across a title', () => {
    // 网易云 … 实现: 网 and 现 both occur, 网现 never does.
    expect(index.search('网现', { limit: 10 }).talks).toEqual([]);
  });

  it('finds events by city', () => {
    const found = index.search('杭州', { limit: 10 }).events;
    expect(found).toContain('2018-servicemesher-meetup-hangzhou');
  });
});

describe('a stored index', () => {
  it('answers exactly as the index it was dumped from', async () => {
    const restored = ContentIndex.load(await index.dump());
    for (const query of ['服务网格', 'istio cni', 'axj', 'kube', 'mesh', '蚂蚁金服']) {
      expect(restored.search(query, { limit: 20 })).toEqual(index.search(query, { limit: 20 }));
    }
  });

  it('refuses a dump it does not recognise', async () => {
    expect(() => ContentIndex.load([['documents/1.map', '{}']])).toThrow(/no shared chunk/);
    const [shared] = await index.dump();
    if (!shared) throw new Error('an index dump always starts with its shared chunk');
    expect(() => ContentIndex.load([shared, ['documents/1.map', '{}']])).toThrow(
      /documents\/1\.map/,
    );
  });
});
