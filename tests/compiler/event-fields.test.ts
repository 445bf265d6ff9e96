/**
 * What the compiler makes of an event post's name and place, end to end: the post title, a 主题
 * line, a talk page's event, a Wowchemy address, and the hours a post writes in two places.
 */
import { describe, expect, it } from 'vitest';
import { venueName } from '../../src/compiler/places';
import { compile, post } from './compile-helpers';

const eventOf = (path: string, text: string) => compile([post(path, text)]).bundle.events[0];

describe('an event’s name', () => {
  it('is the post title, not a 主题 line that gives the theme in other words', () => {
    const text = [
      '---',
      'title: "【活动报名】Meetup#6 北京站，从数据库到架构，玩转分布式"',
      'date: 2021-06-08',
      '---',
      '',
      '**主题**：从数据库到架构，我们来聊透分布式',
      '',
      '**时间**：2021年6 月 19 日（周六）13：00 -17：30',
      '',
    ].join('\n');
    expect(eventOf('meetup-6.md', text)?.title).toBe('Meetup#6 北京站，从数据库到架构，玩转分布式');
  });

  it('is the 主题 line when the title is a newsletter’s', () => {
    const text = [
      '---',
      'title: "Mesh Weekly | 3/26 直播预告、组件发布"',
      'date: 2020-03-13',
      '---',
      '',
      '- 活动主题：Channel#13：网络代理的多协议机制',
      '- 活动时间：3 月 26 日周四晚 7 点',
      '',
    ].join('\n');
    expect(eventOf('weekly.md', text)?.title).toBe('Channel#13：网络代理的多协议机制');
  });

  it('is the heading over the time line when the title is a site section’s', () => {
    const text = [
      '---',
      'title: 活动',
      '---',
      '',
      '## 社区理念',
      '',
      '我们将定期举办线上和线下活动。',
      '',
      '#### 第一次社区 meetup',
      '',
      '时间：2018年6月30日（星期六）',
      '',
      '地点：杭州，某某空间，1号楼',
      '',
    ].join('\n');
    expect(eventOf('activity.md', text)).toMatchObject({
      title: '第一次社区 meetup',
      city: '杭州',
      venue: '某某空间，1号楼',
    });
  });

  it('is written in full when the text does: The Kubernetes Contributor Celebration', () => {
    const text = [
      '---',
      'title: "Contributor Celebration"',
      'description: |',
      '  The Kubernetes Contributor',
      '  Celebration is our end of year party.',
      '---',
      '',
      'See the Contributor Celebration FAQ.',
      '',
    ].join('\n');
    expect(eventOf('events/2021/kcc/_index.md', text)?.title).toBe(
      'Kubernetes Contributor Celebration',
    );
  });

  it('of a talk’s write-up is the event the prose names in full, with its city', () => {
    const text = [
      '---',
      'title: "诗和远方：服务网格深度实践 | QCon 实录"',
      'author: "敖小剑"',
      'description: "本文整理自敖小剑在 QCon 全球软件开发大会（上海站）2019 上的演讲。"',
      'date: 2019-11-05T11:00:00+08:00',
      '---',
      '',
      '## 前言',
      '',
      '大家好，我是敖小剑，今天带来的主题是服务网格深度实践。',
      '',
    ].join('\n');
    expect(eventOf('qcon.md', text)).toMatchObject({
      title: 'QCon 全球软件开发大会（上海站）2019',
      city: '上海',
      timezone: 'Asia/Shanghai',
    });
  });

  it('of a talk’s write-up may be named in a 本文是…的演讲内容 sentence', () => {
    const text = [
      '---',
      'title: "服务网格渐进式迁移方案"',
      'author: "敖小剑&龙轼"',
      'summary: "本文是上周末Service Mesh Meetup上海站的演讲内容，前面一半内容来自敖小剑。"',
      'date: 2018-11-29T14:51:19+08:00',
      '---',
      '',
      '大家好，今天给大家带来的演讲主题是服务网格渐进式迁移方案。',
      '',
    ].join('\n');
    expect(eventOf('adoption.md', text)?.title).toBe('Service Mesh Meetup上海站');
  });

  it('of a write-up is the meetup its 本文根据…现场分享整理 sentence names, not the half of the talk title after a bar', () => {
    const text = [
      '---',
      'title: "详解 SOFAJRaft | 生产级高性能 Java 实现"',
      'author: "力鲲"',
      'date: 2019-04-02T15:00:00+08:00',
      '---',
      '',
      '> 本文根据 SOFA Meetup#1 北京站 现场分享整理，完整的分享视频回顾见文章底部。',
      '',
      '## 前言',
      '',
      'SOFAJRaft 是一个基于 Raft 一致性算法的生产级高性能 Java 实现。',
      '',
    ].join('\n');
    const { bundle } = compile([post('jraft.md', text)]);
    expect(bundle.events[0]?.title).toBe('SOFA Meetup#1 北京站');
    expect(bundle.talks.map((talk) => talk.title)).toEqual([
      '详解 SOFAJRaft | 生产级高性能 Java 实现',
    ]);
  });
});

describe('an event’s venue', () => {
  it('is the street of a Wowchemy address; its city is the city', () => {
    const text = [
      '---',
      'title: 云原生 Meetup 大连站',
      'date: 2024-07-06T09:00:00+08:00',
      'address:',
      '  street: 大连星海假日酒店',
      '  city: 大连',
      '  region: 辽宁',
      '  country: 中国',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');
    expect(eventOf('dalian.md', text)).toMatchObject({ venue: '大连星海假日酒店', city: '大连' });
  });

  it('drops the postal address before a building, and the city opening an address', () => {
    expect(venueName('广州市天河区林和东路 285 天安人寿中心 28 楼微赞会议室')).toBe(
      '天安人寿中心 28 楼微赞会议室',
    );
    expect(venueName('北京海淀中关村创业大街 72 号拓荒族众创空间')).toBe(
      '海淀中关村创业大街 72 号拓荒族众创空间',
    );
    expect(venueName('大连星海假日酒店')).toBe('大连星海假日酒店');
  });

  it('drops the street, district and city written after an English venue', () => {
    expect(
      venueName(
        'Exhibition Hall, 2nd Floor, Research Building, No. 52 Huayuan North Road, Haidian District, Beijing',
      ),
    ).toBe('Exhibition Hall, 2nd Floor, Research Building');
    expect(venueName('Huntington Place, 1 Washington Blvd, Detroit')).toBe('Huntington Place');
  });

  it('is the later line that names the same place more precisely, without the city', () => {
    const lines = (later: string) =>
      [
        '---',
        'title: Service Mesh Meetup 杭州站',
        'date: 2018-06-01',
        '---',
        '',
        '时间：2018 年 6 月 30 日',
        '',
        '地点：杭州，蚂蚁Z空间，1号楼',
        '',
        '## 交通',
        '',
        later,
        '',
      ].join('\n');
    expect(eventOf('meetup.md', lines('活动场地：杭州蚂蚁Z空间·1号楼·九重宫阙'))).toMatchObject({
      venue: '蚂蚁Z空间·1号楼·九重宫阙',
      city: '杭州',
    });
    // Another place (a second venue for the evening, a parking lot) does not replace the first.
    expect(eventOf('meetup.md', lines('场地：西溪园区停车场'))?.venue).toBe('蚂蚁Z空间，1号楼');
  });
});

describe('an event’s hours', () => {
  it('take the end from the description when the labelled line gives only the start', () => {
    const text = [
      '---',
      'title: "Channel#31 框架设计的考和量"',
      'date: 2022-11-03T15:00:00+08:00',
      'description: "2022 年 12 月 15 日 19：00 - 20：00  ，线上直播第 31 期。"',
      '---',
      '',
      '- 活动时间：12 月 15 日，周四晚 19 点',
      '- 活动形式：线上直播',
      '',
    ].join('\n');
    expect(eventOf('channel-31.md', text)).toMatchObject({
      date: '2022-12-15',
      start: '19:00',
      end: '20:00',
    });
  });

  it('are read from a sentence that says the event runs from one time to another', () => {
    const text = [
      '---',
      'title: Mesh Days 2022',
      'date: 2022-06-03 14:30:00+00:00',
      '---',
      '',
      '**Mesh Days 2022 is a free 2-day online event on June 8-9, 2022.**',
      '',
      'The event will run from ~7:00 am Pacific Time to ~3:00 pm PT each day.',
      '',
    ].join('\n');
    expect(eventOf('mesh-days.md', text)).toMatchObject({
      date: '2022-06-08',
      endDate: '2022-06-09',
      start: '07:00',
      end: '15:00',
      timezone: 'America/Los_Angeles',
    });
  });
});

describe('a newsletter', () => {
  it('has no day, hours, zone, place or format of its own, though it lists dated talks', () => {
    const text = [
      '---',
      'title: October 2021 update',
      'date: 2021-10-01T00:00:00Z',
      '---',
      '',
      'Here is what happened in the project this month.',
      '',
      '## Upcoming events',
      '',
      'GitOpsCon is a hybrid event in Los Angeles; talks to watch on October 12 (all times Pacific):',
      '',
      '| Time | Talk | Speaker |',
      '| --- | --- | --- |',
      '| 10:00-10:30 | GitOps at scale | Jane Doe (Acme) |',
      '| 11:00-11:30 | Policy as code | John Roe (Initech) |',
      '',
    ].join('\n');
    expect(eventOf('2021-10-01-october-update.md', text)).toMatchObject({
      title: 'October 2021 update',
      date: null,
      start: null,
      timezone: null,
      city: null,
      format: null,
    });
  });

  it('keeps the day of the one event its labelled time line announces', () => {
    const text = [
      '---',
      'title: "Mesh Weekly | 3/26 直播预告"',
      'date: 2020-03-13',
      '---',
      '',
      '- 活动主题：Channel#13：网络代理',
      '- 活动时间：3 月 26 日周四晚 7 点',
      '- 活动形式：线上直播',
      '',
    ].join('\n');
    expect(eventOf('weekly.md', text)).toMatchObject({
      date: '2020-03-26',
      start: '19:00',
      format: 'online',
    });
  });

  it('names the event its theme line announces without the bold marks the post left open', () => {
    const text = [
      '---',
      'title: "SOFA Weekly | 活动预告"',
      'date: 2020-09-11',
      '---',
      '',
      '**活动主题**：**OceanBaseDev Meetup#1 上海站「深入分布式数据库」',
      '',
      '**活动时间**：9 月 20 日 13:00-18:00',
      '',
    ].join('\n');
    expect(eventOf('weekly-0911.md', text)?.title).toBe(
      'OceanBaseDev Meetup#1 上海站「深入分布式数据库」',
    );
  });
});

describe('a talk’s own page', () => {
  it('is placed in the city its event’s name gives, over a city its transcript mentions', () => {
    const text = [
      '---',
      'title: "服务网格探索之路"',
      'authors:',
      '- admin',
      'date: "2018-06-30T00:00:00Z"',
      'publication_types: ["1"]',
      'publication: 服务网格探索之路',
      'publication_short: 服务网格社区 Meetup 杭州站',
      '---',
      '',
      '前不久在深圳的一次交流中，有同学问到服务网格的选型。',
      '',
    ].join('\n');
    expect(eventOf('talk/201806-explore/index.md', text)).toMatchObject({
      title: '服务网格社区 Meetup 杭州站',
      city: '杭州',
      timezone: 'Asia/Shanghai',
    });
  });
});
