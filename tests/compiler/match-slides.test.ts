/**
 * Giving talks their slides from a post's download list, whose labels rarely equal the talk
 * titles. The case is content/2021/sofastack-3rd-anniversary-beijing/index.md: five talks, five
 * PDFs, two labels equal to their titles and three that share nothing usable with them.
 */
import { describe, it, expect } from 'vitest';
import { emptyTalk, type TalkDraft } from '../../src/compiler/extract-agenda';
import type { BlockLink } from '../../src/compiler/markdown-blocks';
import { isSlideLink, matchSlides, similarity } from '../../src/compiler/match-slides';

const PDF = 'https://gw.alipayobjects.com/os/bmw-prod';

/** The talks of the SOFAStack anniversary, in the order the post presents them. */
const TITLES = {
  anniversary: 'SOFA 三周年 ---- 一起做些有趣的事儿吧！',
  confidential: '机密计算如何为金融级基础设施保驾护航',
  mosn: '云原生网络代理 MOSN 新的助推器 —Envoy',
  registry: '新版 SOFARegistry 的多个 10X 提升',
  mesh: '服务网格在企业落地的典型场景与实践',
};

/** The 资料下载 list of the same post, in its order, each PDF belonging to one talk above. */
const DOWNLOADS = {
  anniversary: {
    label: '《SOFAStack 三周年分享》下载链接',
    url: `${PDF}/1950a766-ad37-417b-b1e1-83c291143376.pdf`,
  },
  confidential: {
    label: '《Enabling Financial-Grade Secure Infrastructure with Confidential Computing》下载链接',
    url: `${PDF}/83a8bfcc-b08d-475e-9bbe-7aa28009d6a5.pdf`,
  },
  mosn: {
    label: '《云原生网络代理 MOSN 新的助推器—Envoy》下载链接',
    url: `${PDF}/decd8c79-7367-4956-a0c0-58d4db09add4.pdf`,
  },
  registry: {
    label: '《注册中心 6.0 新特性》下载链接',
    url: `${PDF}/e621666e-14e7-431b-9bb0-b09ce75cc139.pdf`,
  },
  mesh: {
    label: '《服务网格在企业落地的典型场景与实践》下载链接',
    url: `${PDF}/c8053d67-35f6-479f-95f1-da392853c391.pdf`,
  },
} satisfies Record<keyof typeof TITLES, BlockLink>;

type TalkKey = keyof typeof TITLES;
const KEYS = Object.keys(TITLES) as TalkKey[];

function talk(title: string, line = 1): TalkDraft {
  return emptyTalk(title, line);
}

function sofaTalks(): Record<TalkKey, TalkDraft> {
  return {
    anniversary: talk(TITLES.anniversary),
    confidential: talk(TITLES.confidential),
    mosn: talk(TITLES.mosn),
    registry: talk(TITLES.registry),
    mesh: talk(TITLES.mesh),
  };
}

describe('matchSlides: the SOFAStack anniversary download list', () => {
  it('gives every talk its own PDF, by similar label first and by order for the rest', () => {
    const talks = sofaTalks();
    const unmatched = matchSlides(
      KEYS.map((key) => talks[key]),
      KEYS.map((key) => DOWNLOADS[key]),
    );
    expect(unmatched).toEqual([]);
    for (const key of KEYS) expect(talks[key].slidesUrl, key).toBe(DOWNLOADS[key].url);
  });

  it('matches labels equal to their titles wherever they stand in the list', () => {
    const talks = sofaTalks();
    matchSlides([talks.mosn, talks.mesh], [DOWNLOADS.mesh, DOWNLOADS.mosn]);
    expect(talks.mosn.slidesUrl).toBe(DOWNLOADS.mosn.url);
    expect(talks.mesh.slidesUrl).toBe(DOWNLOADS.mesh.url);
  });

  it('leaves a talk that already has slides alone and matches the others without it', () => {
    const talks = sofaTalks();
    const own = 'https://example.com/registry-from-front-matter.pdf';
    talks.registry.slidesUrl = own;
    const others = KEYS.filter((key) => key !== 'registry');
    const unmatched = matchSlides(
      KEYS.map((key) => talks[key]),
      others.map((key) => DOWNLOADS[key]),
    );
    expect(unmatched).toEqual([]);
    expect(talks.registry.slidesUrl).toBe(own);
    for (const key of others) expect(talks[key].slidesUrl, key).toBe(DOWNLOADS[key].url);
  });

  it('when there are more links than talks, matches only by similarity and returns the rest', () => {
    const talks = sofaTalks();
    const extra = { label: '《活动合影》下载链接', url: `${PDF}/photos.pdf` };
    const links = [...KEYS.map((key) => DOWNLOADS[key]), extra];
    const unmatched = matchSlides(
      KEYS.map((key) => talks[key]),
      links,
    );
    expect(talks.mosn.slidesUrl).toBe(DOWNLOADS.mosn.url);
    expect(talks.mesh.slidesUrl).toBe(DOWNLOADS.mesh.url);
    // Four links for three talks: pairing them by order would give someone the wrong deck.
    expect(talks.anniversary.slidesUrl).toBeNull();
    expect(talks.confidential.slidesUrl).toBeNull();
    expect(talks.registry.slidesUrl).toBeNull();
    expect(unmatched).toEqual([
      DOWNLOADS.anniversary,
      DOWNLOADS.confidential,
      DOWNLOADS.registry,
      extra,
    ]);
  });

  it('when there are fewer links than talks, leaves the talks it cannot tell apart without slides', () => {
    const talks = sofaTalks();
    const unmatched = matchSlides(
      KEYS.map((key) => talks[key]),
      [DOWNLOADS.registry, DOWNLOADS.mesh],
    );
    expect(talks.mesh.slidesUrl).toBe(DOWNLOADS.mesh.url);
    expect(talks.registry.slidesUrl).toBeNull();
    expect(unmatched).toEqual([DOWNLOADS.registry]);
  });
});

describe('similarity', () => {
  it('is 1 for equal titles, ignoring case, spaces and punctuation', () => {
    expect(similarity(TITLES.mesh, TITLES.mesh)).toBe(1);
    expect(similarity('Service Mesh', 'service-mesh')).toBe(1);
  });

  it('is 0 for titles with nothing in common', () => {
    expect(similarity(TITLES.confidential, 'Enabling Financial-Grade Secure Infrastructure')).toBe(
      0,
    );
    expect(similarity('Istio', '云原生')).toBe(0);
  });

  it('is 0 when either side is empty', () => {
    expect(similarity('', TITLES.mesh)).toBe(0);
  });

  it('scores a near-equal title above an unrelated one', () => {
    const label = '云原生网络代理 MOSN 新的助推器—Envoy';
    expect(similarity(TITLES.mosn, label)).toBeGreaterThan(similarity(TITLES.mesh, label));
  });
});

describe('isSlideLink', () => {
  it('takes a link to a PDF or PPTX, or one labelled with a 《title》, as slides', () => {
    expect(isSlideLink({ label: '下载', url: 'https://example.com/deck.PDF' })).toBe(true);
    expect(isSlideLink({ label: 'slides', url: 'https://example.com/deck.pptx?raw=1' })).toBe(true);
    expect(isSlideLink({ label: '《注册中心 6.0 新特性》', url: 'https://example.com/d/1' })).toBe(
      true,
    );
  });

  it('does not take an ordinary link for slides', () => {
    expect(
      isSlideLink({ label: '报名链接', url: 'https://www.itdks.com/eventlist/detail/2311' }),
    ).toBe(false);
  });
});
