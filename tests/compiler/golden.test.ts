/**
 * The golden test: what the five seed posts in `content/` must compile to. These are the posts
 * Sidecar was made from, so every figure here is checked against the post text by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/lib/schema';
import type { CompileResult } from '../../src/compiler/compile';
import { parseGlossary } from '../../src/compiler/glossary';
import { readGlossary } from '../../src/compiler/read-glossary';
import { normalizeForSearch } from '../../src/compiler/search-aids';
import { compileSeeds, eventFrom, talksOf } from './compile-helpers';

const HANGZHOU = '2018/servicemesher-meetup-hangzhou/index.md';
const QCON_DECK = '2018/qcon-shanghai-ao-xiaojian-deck/index.md';
const SOFA_THIRD = '2021/sofastack-3rd-anniversary-beijing/index.md';
const ISTIO = '2021/istio-meetup-china-beijing/index.md';
const MULAN = '2022/sofameetup-mulan-cloud-native/index.md';

let result: CompileResult;
let bundle: Bundle;

beforeAll(async () => {
  result = await compileSeeds();
  bundle = result.bundle;
});

describe('the seed posts', () => {
  it('compile with no errors, one event per post', () => {
    expect(result.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    expect(bundle.events.map((event) => event.source).sort()).toEqual(
      [QCON_DECK, HANGZHOU, ISTIO, SOFA_THIRD, MULAN].sort(),
    );
  });

  it('000: the Hangzhou recap is the first Service Mesh Meetup, on 30 June 2018 from 13:30 at 蚂蚁Z空间', () => {
    const event = eventFrom(bundle, HANGZHOU);
    expect(event).toMatchObject({
      title: '第一届Service Mesh Meetup杭州站',
      date: '2018-06-30',
      start: '13:30',
      timezone: 'Asia/Shanghai',
      city: '杭州',
      venue: '蚂蚁Z空间',
      postDate: '2018-07-03',
      lang: 'zh',
      series: 'Service Mesh Meetup',
    });
    expect(event.links).toContainEqual(
      expect.objectContaining({
        kind: 'slides',
        url: 'https://github.com/servicemesher/meetup-slides',
      }),
    );
    expect(event.links).toContainEqual(
      expect.objectContaining({ kind: 'video', url: 'http://www.itdks.com/eventlist/detail/2311' }),
    );
  });

  it('000: its four talks are read from the bold 姓名（公司）：题目 lines, in order', () => {
    const talks = talksOf(bundle, eventFrom(bundle, HANGZHOU));
    expect(
      talks.map((talk) => [
        talk.speakers.map((speaker) => `${speaker.name}（${speaker.org}）`).join(),
        talk.title,
      ]),
    ).toEqual([
      ['敖小剑（蚂蚁金服）', '大规模微服务架构下的 Service Mesh 探索之路'],
      ['刘超（网易）', '网易云的 Service Mesh 产品架构和实现'],
      ['唐鹏程（才云科技）', '在 Kubernetes 上搭建高可用 Service Mesh 监控'],
      ['徐运元（谐云科技）', 'Service Mesh 结合容器云平台的思考与实践'],
    ]);
  });

  it('001: the QCon slide deck is one talk by 敖小剑, the same speaker as in Hangzhou', () => {
    const deck = eventFrom(bundle, QCON_DECK);
    expect(deck.series).toBe('QCon');
    const [talk, ...others] = talksOf(bundle, deck);
    expect(others).toEqual([]);
    expect(talk?.title).toBe('长路漫漫踏歌而行：蚂蚁金服Service Mesh实践探索');
    expect(talk?.speakers.map((speaker) => speaker.name)).toEqual(['敖小剑']);
    const hangzhouTalk = talksOf(bundle, eventFrom(bundle, HANGZHOU))[0];
    expect(talk?.speakers[0]?.id).toBe(hangzhouTalk?.speakers[0]?.id);
    const speaker = bundle.speakers.find((candidate) => candidate.name === '敖小剑');
    expect(speaker?.talkIds.sort()).toEqual([talk?.id, hangzhouTalk?.id].sort());
    expect(speaker?.pinyin).toEqual(expect.arrayContaining(['aoxiaojian', 'axj']));
  });

  it('002: SOFA开源三周年 is on 24 April 2021, 14:00–17:00 in Beijing, offline, at the stated venue', () => {
    expect(eventFrom(bundle, SOFA_THIRD)).toMatchObject({
      title: 'SOFA开源三周年',
      date: '2021-04-24',
      start: '14:00',
      end: '17:00',
      timezone: 'Asia/Shanghai',
      city: '北京',
      // The city opening a postal address is the city's field, not part of the venue's name.
      venue: '海淀中关村创业大街72号拓荒族众创空间（三层路演厅）',
      format: 'offline',
      postDate: '2021-04-12',
      series: 'SOFAMeetup',
    });
  });

  it('002: its five talks carry speakers, companies, roles, abstracts and their own slide PDF', () => {
    const talks = talksOf(bundle, eventFrom(bundle, SOFA_THIRD));
    expect(
      talks.map((talk) => talk.speakers.map((speaker) => `${speaker.name}/${speaker.org}`).join()),
    ).toEqual([
      '黄挺/蚂蚁集团',
      '田洪亮/蚂蚁集团',
      '王发康/蚂蚁集团',
      '李旭东/蚂蚁集团',
      '王磊/时速云',
    ]);
    expect(talks.map((talk) => talk.title)).toEqual([
      'SOFA 三周年 ---- 一起做些有趣的事儿吧！',
      '机密计算如何为金融级基础设施保驾护航',
      '云原生网络代理 MOSN 新的助推器 —Envoy',
      '新版 SOFARegistry 的多个 10X 提升',
      '服务网格在企业落地的典型场景与实践',
    ]);
    expect(talks.every((talk) => !/[《》]/.test(talk.title))).toBe(true);
    expect(talks[4]?.speakers[0]?.role).toBe('CTO');
    expect(talks[1]?.abstract).toContain('机密计算（Confidential Computing）');
    // The download labels differ from the titles; each talk still gets its own PDF.
    expect(talks.map((talk) => talk.slidesUrl?.slice(-12))).toEqual([
      '91143376.pdf',
      '8009d6a5.pdf',
      'db09add4.pdf',
      'e75cc139.pdf',
      '2853c391.pdf',
    ]);
  });

  it('003: Istio Meetup China is on 10 July 2021, 13:30–17:30 CST in Beijing, offline', () => {
    expect(eventFrom(bundle, ISTIO)).toMatchObject({
      title: 'Istio Meetup China',
      date: '2021-07-10',
      start: '13:30',
      end: '17:30',
      timezone: 'Asia/Shanghai',
      city: 'Beijing',
      format: 'offline',
      lang: 'en',
      series: 'Istio Meetup China',
    });
  });

  it('003: the agenda table gives the welcome speech and six talks with times and speakers; sign-in and the break are not talks', () => {
    const talks = talksOf(bundle, eventFrom(bundle, ISTIO));
    expect(
      talks.map(
        (talk) =>
          `${talk.start} ${talk.title} — ${talk.speakers.map((speaker) => speaker.name).join(', ')}`,
      ),
    ).toEqual([
      '13:50 Welcome speech — Craig Box, Ding Shaojun',
      '14:00 Interpretation of the "Service Grid Technical Capability Requirements" Standard — Yin Xia Mengxue',
      '14:30 Service Grid Data Plane Hot Upgrade Technology Sharing — Shi Zehuan',
      '15:00 Envoy Principle Introduction and Online Problem Pit — Zhang Wei',
      '15:45 Use eBPF to accelerate Istio/Envoy network — Zhong Luyao',
      '16:15 Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio — Huabing Zhao',
      '16:45 Securing workload deployment with Istio CNI — Zhang Zhihan',
    ]);
    const last = talks.at(-1);
    expect(last).toMatchObject({ start: '16:45', end: '17:15', date: '2021-07-10' });
    expect(last?.speakers[0]).toMatchObject({ name: 'Zhang Zhihan', org: 'Tetrate' });
    expect(talks[0]?.speakers[1]?.name).toBe('Ding Shaojun');
    expect(bundle.speakers.find((speaker) => speaker.name === 'Ding Shaojun')?.aliases).toContain(
      'Iris Ding',
    );
  });

  it('004: the double-encoded Mulan post is an online event on 1 April 2022, 09:30–12:00, with five talks', () => {
    const event = eventFrom(bundle, MULAN);
    expect(event).toMatchObject({
      date: '2022-04-01',
      start: '09:30',
      end: '12:00',
      timezone: 'Asia/Shanghai',
      format: 'online',
      series: 'SOFAMeetup',
    });
    expect(event.title).toContain('SOFAMeetup&木兰技术开放日');
    const talks = talksOf(bundle, event);
    expect(talks).toHaveLength(5);
    // What the decoder restores for certain (see issue on lost bytes for the rest).
    expect(talks[1]?.title).toContain('DevOps 工具链');
    expect(talks[1]?.speakers[0]?.name).toBe('刘新');
    expect(talks[2]?.speakers[0]?.name).toBe('周群力');
    expect(talks.filter((talk) => talk.slidesUrl !== null)).toHaveLength(4);
  });

  it('every talk belongs to its event and every speaker lists the talks that name them', () => {
    for (const talk of bundle.talks) {
      expect(bundle.events.find((event) => event.id === talk.eventId)?.talkIds).toContain(talk.id);
      for (const speaker of talk.speakers)
        expect(bundle.speakers.find((candidate) => candidate.id === speaker.id)?.talkIds).toContain(
          talk.id,
        );
    }
  });

  it('carry search aids for what they hold: folds for their characters, pinyin for 杭州 and 北京', () => {
    const { characterFolds, placePinyin } = bundle.search;
    // 服务网格 and 网易 are in the seeds; a Traditional query for them must meet the index.
    expect(characterFolds).toMatchObject({ 務: '务', 網: '网', 發: '发', 髮: '发' });
    expect(Object.values(characterFolds).every((target) => !(target in characterFolds))).toBe(true);
    // Istio Meetup China's city is written Beijing, which needs no pinyin.
    expect(placePinyin).toEqual({ 北京: ['beijing'], 杭州: ['hangzhou'] });
  });

  it('carry the project glossary groups the seeds use, and only those', async () => {
    const source = await readGlossary();
    const project = source ? parseGlossary(source).groups : [];
    expect(
      bundle.search.glossary.every((group) =>
        project.some((known) => known.join() === group.join()),
      ),
    ).toBe(true);
    // Every field search reads: the glossary is kept for a term in any of them.
    const seedTexts = [
      ...bundle.events.flatMap((event) => [
        event.title,
        event.city ?? '',
        event.venue ?? '',
        ...event.tags,
        event.summary,
        event.text,
      ]),
      ...bundle.talks.flatMap((talk) => [
        talk.title,
        talk.abstract ?? '',
        ...talk.speakers.flatMap((speaker) => [speaker.name, speaker.org ?? '']),
      ]),
      ...bundle.speakers.flatMap((speaker) => [speaker.name, ...speaker.aliases, ...speaker.orgs]),
    ].map(normalizeForSearch);
    /** `term` in a seed text: Chinese anywhere in a run, English as whole words. */
    const seedsSay = (term: string) => {
      const normalized = normalizeForSearch(term);
      return seedTexts.some((text) =>
        /\p{Script=Han}/u.test(normalized)
          ? text.includes(normalized)
          : ` ${text} `.includes(` ${normalized} `),
      );
    };
    for (const group of project) {
      const kept = bundle.search.glossary.some((candidate) => candidate.join() === group.join());
      expect(kept, group.join()).toBe(group.some(seedsSay));
    }
    if (project.some((group) => group.includes('服务网格')))
      expect(bundle.search.glossary).toContainEqual(expect.arrayContaining(['服务网格']));
  });
});
