/**
 * The ways real posts write an agenda, each compiled from a small post written in the same
 * style as the community sites: what an attendee would read off the page must come out.
 */
import { describe, expect, it } from 'vitest';
import { compile, eventFrom, post, talksOf } from './compile-helpers';

function talksIn(path: string, text: string) {
  const { bundle } = compile([post(path, text)]);
  const event = eventFrom(bundle, path);
  return { event, talks: talksOf(bundle, event) };
}

const brief = (talk: { title: string; start: string | null; end: string | null }) =>
  `${talk.start}-${talk.end} ${talk.title}`;

describe('slot headings', () => {
  const text = `---
title: "SOFAChannel#26：解读 BabaSSL"
date: 2022-03-10T15:00:00+08:00
---

- 活动时间：03 月 17 日周四晚 19 点

## 议程

### 18:50-19:00  主持人开场

SOFAGirl 主持人

### 19:00-19:50 BabaSSL 项目的概况和最新进展

张成龙（花名：刻一），蚂蚁集团技术专家，负责 BabaSSL 密码库核心研发

了解 BabaSSL 项目的诞生背景。

### 你将收获

1.了解 BabaSSL 密码库的主要功能
`;

  it('reads each timed heading as a slot, with the speaker line under it', () => {
    const { talks } = talksIn('channel-26.md', text);
    expect(talks.map(brief)).toEqual([
      '18:50-19:00 主持人开场',
      '19:00-19:50 BabaSSL 项目的概况和最新进展',
    ]);
    expect(talks[0]?.speakers).toMatchObject([{ name: 'SOFAGirl', role: '主持人' }]);
    expect(talks[1]?.speakers).toMatchObject([{ name: '张成龙', org: '蚂蚁集团' }]);
    expect(talks[1]?.abstract).toBe('了解 BabaSSL 项目的诞生背景。');
  });

  it('ends the last talk at a heading that is not a slot, such as 你将收获', () => {
    const { talks } = talksIn('channel-26.md', text);
    expect(talks).toHaveLength(2);
    expect(talks[1]?.abstract).not.toContain('密码库的主要功能');
  });

  it('reads the times of a Chinese post as China time', () => {
    expect(talksIn('channel-26.md', text).event.timezone).toBe('Asia/Shanghai');
  });

  it('reads a host written handle-dash-name as one host, not a person from a company', () => {
    const { talks } = talksIn(
      'channel-22.md',
      text.replace('SOFAGirl 主持人', '小助手-泡椒 主持人'),
    );
    expect(talks[0]?.speakers).toMatchObject([{ name: '小助手-泡椒', role: '主持人', org: null }]);
  });
});

describe('bold slot lines that name the speaker after the talk', () => {
  const text = `---
title: Service Mesh Meetup Shanghai
date: 2023-06-01
---

Date: June 10, 2023

**13:30 Ambient mesh in practice** by Jimmy Song (Tetrate)

Why the sidecar is not the only way to run a mesh.

14:20 **Wasm plugins for Envoy** by Kebe Liu, DaoCloud

15:10 **Tea and networking**
`;

  it('reads each timed paragraph with a bold title as a slot, its speaker after "by"', () => {
    const { talks } = talksIn('shanghai.md', text);
    expect(talks.map((talk) => [talk.start, talk.title])).toEqual([
      ['13:30', 'Ambient mesh in practice'],
      ['14:20', 'Wasm plugins for Envoy'],
    ]);
    expect(talks.map((talk) => talk.speakers[0])).toMatchObject([
      { name: 'Jimmy Song', org: 'Tetrate' },
      { name: 'Kebe Liu', org: 'DaoCloud' },
    ]);
    expect(talks[0]?.abstract).toBe('Why the sidecar is not the only way to run a mesh.');
  });

  it('leaves a timed paragraph that names nobody as prose, and a product after "by" in the title', () => {
    const { talks } = talksIn(
      'notice.md',
      `---
title: 服务网格沙龙
date: 2023-06-01
---

19:00 **准时开始**，请大家提前签到。

- 19:30 Routing by Headers
- 20:10 Observability powered by Envoy
`,
    );
    expect(talks.map((talk) => [talk.start, talk.title, talk.speakers.length])).toEqual([
      ['19:30', 'Routing by Headers', 0],
      ['20:10', 'Observability powered by Envoy', 0],
    ]);
  });
});

describe('English talk lines written as sentences', () => {
  it('takes the people before the verb as the speakers of the linked talk', () => {
    const { talks } = talksIn(
      'guide.md',
      `---
title: The enthusiast's guide to KubeCon
date: 2018-10-19
---

## Monday, December 10

- **1:00 pm**: Alex Leong (@adleong), core maintainer, will give a
  hands-on workshop on [how to use Linkerd in production](https://sched.co/GyOx) on Kubernetes.
- **6:00 pm**: J Evans, Infrastructure Engineer at Strava, will share how Strava built a system
  capable of [maintaining high resource utilization](https://sched.co/GrVb) with Linkerd.
`,
    );
    expect(talks.map((talk) => [talk.start, talk.title])).toEqual([
      ['13:00', 'how to use Linkerd in production'],
      ['18:00', 'maintaining high resource utilization'],
    ]);
    expect(talks[1]?.speakers).toEqual([
      { id: 'j-evans', name: 'J Evans', org: 'Strava', role: 'Infrastructure Engineer' },
    ]);
    expect(talks[0]?.speakers).toMatchObject([{ name: 'Alex Leong', org: null }]);
  });
});

describe('what is not a talk title', () => {
  it('drops headings that only say when, and keeps the talks beside them', () => {
    const { talks } = talksIn(
      'gitops-day.md',
      `---
title: GitOps One-Stop Shop
date: 2021-09-17
---

- 09:00 am - 12:30pm Pacific time -- Alex Example (Weaveworks)
- 10:00 GitOps with Flux and OCI Registries -- Soulé Ba (Weaveworks)
- 11:00 Flux Maturity Update -- Kingdon Barrett (Weaveworks)
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual([
      'GitOps with Flux and OCI Registries',
      'Flux Maturity Update',
    ]);
  });

  it('drops a book-title mark the author left unpaired', () => {
    const { talks } = talksIn(
      'chengdu.md',
      `---
title: Service Mesh Meetup 成都站
date: 2019-10-26
---

### 13:30-14:10 基于5G管理网络的服务网格实践》

赵化冰 腾讯云高级工程师

### 14:10-14:50 《进击的Traefik——云原生边缘路由探秘

郑志雄 蚂蚁集团高级工程师
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual([
      '基于5G管理网络的服务网格实践',
      '进击的Traefik——云原生边缘路由探秘',
    ]);
  });
});

describe('a table whose header row is a title', () => {
  it('finds the time and session columns from the cells, and the speaker after 《题目》', () => {
    const { talks } = talksIn(
      'channel-2.md',
      `---
title: "SOFAChannel#2"
date: 2019-02-21
---

| SOFAChannel#2：SOFARPC 性能优化 时间：2019-02-21 | |
| --- | --- |
| 19:00-20:00 | **《SOFARPC 性能优化（上）》** 蚂蚁金服 SOFA 团队 碧远 |
`,
    );
    expect(talks.map(brief)).toEqual(['19:00-20:00 SOFARPC 性能优化（上）']);
    expect(talks[0]?.speakers).toMatchObject([{ name: '碧远', org: '蚂蚁金服 SOFA 团队' }]);
  });

  it('does not take a table of measurements for an agenda', () => {
    const { talks } = talksIn(
      'bench.md',
      `---
title: "SOFARPC 性能优化"
date: 2019-02-25
---

| Benchmark | Score |
| --- | --- |
| ProxyInvokeBenchmark.invokeByAsm | 10.25 |
| ProxyInvokeBenchmark.invokeByJdk | 12.50 |
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('English talk lines', () => {
  it('reads a linked title over a quoted speaker line, dated by the day heading above it', () => {
    const { talks } = talksIn(
      'kubecon.md',
      `---
title: Flux at KubeCon
date: 2022-10-19
---

## Tuesday, October 25 (GitOpsCon)

9:45 - 10:15 GitOpsCon: [How to Achieve (Actual) GitOps with Terraform
and Flux](https://sched.co/1AR8M)

> Priyanka Ravi (Weaveworks)

## Wednesday, October 26

15:25 - 16:00 [Flagger, Linkerd, And Gateway API: Oh My!](https://sched.co/1AR8P)

> Jason Morgan (Linkerd) & Sanskar Jaiswal (Weaveworks)
`,
    );
    expect(talks.map((talk) => `${talk.date} ${brief(talk)}`)).toEqual([
      '2022-10-25 09:45-10:15 How to Achieve (Actual) GitOps with Terraform and Flux',
      '2022-10-26 15:25-16:00 Flagger, Linkerd, And Gateway API: Oh My!',
    ]);
    expect(talks[1]?.speakers.map((speaker) => [speaker.name, speaker.org])).toEqual([
      ['Jason Morgan', 'Linkerd'],
      ['Sanskar Jaiswal', 'Weaveworks'],
    ]);
  });

  it('reads "Title -- Name (Company)" list items, a shared company applying to each name', () => {
    const { talks } = talksIn(
      'gitops-days.md',
      `---
title: GitOps Days 2022
date: 2022-06-03
---

- Keynote: GitOps' Wealth of Opportunity -- Mae Large (VMware)
- GitOps in Microsoft Azure with Flux -- Chris Sanders & Jonathan Innis (Microsoft)
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual([
      "Keynote: GitOps' Wealth of Opportunity",
      'GitOps in Microsoft Azure with Flux',
    ]);
    expect(talks[1]?.speakers.map((speaker) => [speaker.name, speaker.org])).toEqual([
      ['Chris Sanders', 'Microsoft'],
      ['Jonathan Innis', 'Microsoft'],
    ]);
  });

  it('drops the description before a name: "Flux user, Dan Small, SAP & Mohamed Ahmed, Weaveworks"', () => {
    const { talks } = talksIn(
      'may-update.md',
      `---
title: May update
date: 2023-06-06
---

- [Delivering Complex Software with the Open Component Model](https://youtu.be/a) - Flux user, Dan Small, SAP & Mohamed Ahmed, Weaveworks
- [GitLab + Flux!](https://youtu.be/b) - Priyanka Ravi, Weaveworks & Flux user, Viktor Nagy, GitLab
`,
    );
    expect(
      talks.map((talk) => talk.speakers.map((speaker) => [speaker.name, speaker.org])),
    ).toEqual([
      [
        ['Dan Small', 'SAP'],
        ['Mohamed Ahmed', 'Weaveworks'],
      ],
      [
        ['Priyanka Ravi', 'Weaveworks'],
        ['Viktor Nagy', 'GitLab'],
      ],
    ]);
  });

  it('reads every paragraph of the quote under a talk line as its speakers', () => {
    const { talks } = talksIn(
      'kubecon.md',
      `---
title: At KubeCon
date: 2022-10-19
---

14:30 - 16:00 KubeCon: [Tutorial: Build Your Own Operator](https://sched.co/a)

> Ann Lee & Bo Chen (Acme), Cy Park
> (Globex),
>
> Dee Fox (Initech)

15:25 - 16:00 KubeCon: [Rollouts Without Fear](https://sched.co/b)

> Eve Stone (Acme)
`,
    );
    expect(talks[0]?.speakers.map((speaker) => [speaker.name, speaker.org])).toEqual([
      ['Ann Lee', 'Acme'],
      ['Bo Chen', 'Acme'],
      ['Cy Park', 'Globex'],
      ['Dee Fox', 'Initech'],
    ]);
    expect(talks[1]?.speakers.map((speaker) => speaker.name)).toEqual(['Eve Stone']);
  });

  it('leaves lists of links with neither times nor speakers alone', () => {
    const { talks } = talksIn(
      'update.md',
      `---
title: May update
date: 2023-06-06
---

- [Flux mailing list for announcements](https://lists.cncf.io/g/cncf-flux-dev)
- [Planning discussions on GitHub](https://github.com/fluxcd/flux2/discussions)
`,
    );
    expect(talks).toEqual([]);
  });

  it('does not take a list of links to earlier posts of the site for an agenda', () => {
    const { talks } = talksIn(
      'weekly.md',
      `---
title: 每周精选
date: 2020-03-13
---

### 直播回顾

- Channel#2：[服务注册中心的设计 | Channel#2 回顾](/blog/channel-2-retrospect/)
- Channel#1：[从微服务实践谈起 | Channel#1 回顾](/blog/channel-1-retrospect/)
`,
    );
    expect(talks).toEqual([]);
  });

  it('does not take links inside untimed sentences for talks', () => {
    const { talks } = talksIn(
      'update.md',
      `---
title: June update
date: 2023-06-06
---

- If you are new to the project, take a look at our [Getting started guide](https://example.org/start) and tell us, Ana Lima
- Social media: Follow [the project on Mastodon](https://example.org/@project), Ana Lima
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('a post that is one talk', () => {
  it('reads an Academic publication page: the talk, its speaker and the event it names', () => {
    const { event, talks } = talksIn(
      'publication/ppmoney.md',
      `+++
title = "PPMoney微服务之路"
date = "2016-08-13"
authors = ["敖小剑"]
publication_types = ["1"]
publication = "又拍云 Open Talk No.24 广州"
publication_short = "又拍云 Open Talk"
+++
`,
    );
    expect(event.title).toBe('又拍云 Open Talk No.24 广州');
    expect(talks.map((talk) => talk.title)).toEqual(['PPMoney微服务之路']);
    expect(talks[0]?.speakers.map((speaker) => speaker.name)).toEqual(['敖小剑']);
  });

  it('reads the write-up of a talk: the title less its suffix, the authors as speakers', () => {
    const { event, talks } = talksIn(
      'blog/sidecar.md',
      `---
title: "将 Sidecar 容器带入新的阶段 | KubeCon NA 2019"
author: "徐迪、张晓宇"
date: 2020-01-09
---

本文根据徐迪和张晓宇在 KubeCon NA2019 大会分享整理。
`,
    );
    expect(event.title).toBe('KubeCon NA 2019');
    expect(talks.map((talk) => talk.title)).toEqual(['将 Sidecar 容器带入新的阶段']);
    expect(talks[0]?.speakers.map((speaker) => speaker.name)).toEqual(['徐迪', '张晓宇']);
  });

  it('takes the speaker of a write-up from their own 我是 sentence: the real name behind a 花名 author, and the company', () => {
    const { talks } = talksIn(
      'blog/channel-2.md',
      `---
title: "RPC 性能优化实践 | MeetChannel#2 直播整理"
author: "碧海"
date: 2019-01-01
---

> 本文根据 MeetChannel#2 直播分享整理。

大家好，我是来自星河金服中间件的雷小远，花名碧海，目前在负责 RPC 框架相关工作。
`,
    );
    expect(talks[0]?.speakers).toEqual([
      expect.objectContaining({ name: '雷小远', org: '星河金服' }),
    ]);
  });

  it('keeps co-authors, and gives the one who introduces themselves their company', () => {
    const { talks } = talksIn(
      'blog/two-speakers.md',
      `---
title: "渐进式迁移方案 | Meetup 上海站"
author: "王小明&李小红"
date: 2019-01-01
---

本文根据王小明和李小红在 Meetup 上海站的演讲整理。

我是王小明，来自星河金服中间件团队，另外一位讲师是李小红。
`,
    );
    expect(talks[0]?.speakers.map((speaker) => [speaker.name, speaker.org])).toEqual([
      ['王小明', '星河金服'],
      ['李小红', null],
    ]);
  });

  it("names an Academic page's admin author from another page of the same site where the speaker introduces themselves", () => {
    const page = (slug: string, body: string) =>
      post(
        `site-a/content/talk/${slug}/index.md`,
        `---\ntitle: "${slug}"\nauthors:\n- admin\ndate: "2019-02-22"\npublication_types: ["1"]\npublication: "Meetup ${slug}"\n---\n\n${body}\n`,
      );
    const { bundle, diagnostics } = compile([
      page('first-talk', '我是王小明，来自星河金服中间件团队，今天分享的主题是服务网格。'),
      page('second-talk', '接上半场的内容，继续聊云原生。'),
      post(
        'site-b/content/talk/other/index.md',
        '---\ntitle: "other"\nauthors:\n- admin\ndate: "2019-02-22"\npublication_types: ["1"]\n---\n\n没有自我介绍。\n',
      ),
    ]);
    const speakersOf = (title: string) =>
      bundle.talks.find((talk) => talk.title === title)?.speakers.map((speaker) => speaker.name);
    expect(speakersOf('first-talk')).toEqual(['王小明']);
    expect(speakersOf('second-talk')).toEqual(['王小明']);
    // Another site's admin is another person: unnamed, it is left out and reported.
    expect(speakersOf('other')).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'speaker-profile-unknown',
        file: 'site-b/content/talk/other/index.md',
      }),
    );
    expect(bundle.speakers.map((speaker) => speaker.name)).toEqual(['王小明']);
  });

  it('does not turn an ordinary article into a talk', () => {
    const { talks } = talksIn(
      'blog/weekly.md',
      `---
title: "SOFA Weekly | 本周社区动态"
author: "SOFA 团队"
date: 2020-12-18
---

本周 SOFARPC 发布了新版本。
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('an event split over the pages of one folder', () => {
  const pages = [
    post(
      'events/2023/summit/_index.md',
      `---
title: Contributor Summit North America 2023
date: 2023-01-01
eventDate: 2023-11-06
---

The summit takes place on November 6th in Chicago.
`,
    ),
    post(
      'events/2023/summit/schedule.md',
      `---
title: Schedule
---

## CFP

The CFP is open through Friday, September 15th.

## Steering AMA

Bring your questions.

## Unconference

Pitch a topic.
`,
    ),
    post(
      'events/2023/summit/location.md',
      `---
title: Location & Venue
---

### Hyatt Regency McCormick Place

The summit will be in the Hyatt Regency McCormick Place.
`,
    ),
    post(
      'events/2023/summit/social.md',
      `---
title: Contributor Social
---

Join us for the Contributor Social from 6pm to 9pm on November 6th!
`,
    ),
    post(
      'events/2023/summit/meet-and-greet.md',
      `---
title: Meet and Greet
eventDate: 2023-11-08
---

Come and meet the SIGs.
`,
    ),
  ];

  it("compiles into the section page's event, with the parts' sessions and venue", () => {
    const { bundle, posts } = compile(pages);
    const event = eventFrom(bundle, 'events/2023/summit/_index.md');
    expect(event.venue).toBe('Hyatt Regency McCormick Place');
    expect(talksOf(bundle, event).map(brief)).toEqual([
      'null-null Steering AMA',
      'null-null Unconference',
      '18:00-21:00 Contributor Social',
    ]);
    const schedule = posts.find((report) => report.source.endsWith('schedule.md'));
    expect(schedule?.eventId).toBe(event.id);
    expect(schedule?.diagnostics.map((item) => item.code)).not.toContain('no-talks');
  });

  it('keeps a sibling page with a date of its own as its own event', () => {
    const { bundle } = compile(pages);
    expect(bundle.events.map((event) => event.source).sort()).toEqual([
      'events/2023/summit/_index.md',
      'events/2023/summit/meet-and-greet.md',
    ]);
  });
});

describe('an online celebration over a section page, a schedule widget and an activities page', () => {
  const pages = [
    post(
      'events/2022/party/_index.md',
      `---
title: Contributor Celebration
---

### About

Hangouts, awards and games after the release, December 8th through the 11th.
`,
    ),
    post(
      'events/2022/party/activities.md',
      `---
title: Events and Activities
---

- [Events](#events)
  - [Community Awards](#community-awards)
- [Games](#games)
  - [Chess](#chess)

## Events

### Community Awards

- [Session link](https://example.org/awards)

We honour the year's work. Thanks to [Rosa Lindqvist] for the trophies.

### The Great Bake Off

Bake a cluster-shaped cake live, hosted by CNCF Ambassador [Mei Tanaka] on Saturday.
Join your hosts Sam Okafor + Lena Brandt with participants: Ivo Petrov (sig-network), Ana Souza.

[Rosa Lindqvist]: https://example.org/rosa
[Mei Tanaka]: https://example.org/mei

## Games

### Chess

* **Players:** 2
`,
    ),
  ];

  it('reads the headings under the Events heading as sessions, not the games', () => {
    const { bundle } = compile(pages);
    const event = eventFrom(bundle, 'events/2022/party/_index.md');
    expect(talksOf(bundle, event).map((talk) => talk.title)).toEqual([
      'Community Awards',
      'The Great Bake Off',
    ]);
  });

  it('reads who hosts and takes part in each session from the prose under its heading', () => {
    const { bundle } = compile(pages);
    const event = eventFrom(bundle, 'events/2022/party/_index.md');
    expect(
      talksOf(bundle, event).map((talk) =>
        talk.speakers.map((speaker) => `${speaker.name}: ${speaker.role}`),
      ),
    ).toEqual([
      [],
      [
        'Mei Tanaka: Host',
        'Sam Okafor: Host',
        'Lena Brandt: Host',
        'Ivo Petrov: null',
        'Ana Souza: null',
      ],
    ]);
  });

  it("does not take the section page's own title, Celebration, for a social evening", () => {
    const { bundle } = compile(pages.slice(0, 1));
    const event = eventFrom(bundle, 'events/2022/party/_index.md');
    expect(talksOf(bundle, event)).toEqual([]);
  });
});

describe('a session an activities page holds on two days, for two time zones', () => {
  const pages = [
    post(
      'events/2022/party/_index.md',
      '---\ntitle: Contributor Celebration\n---\n\nGames and awards.\n',
    ),
    post(
      'events/2022/party/activities.md',
      `---
title: Events and Activities
---

## Events

### Quiz Night

- [Friday Session Link](https://example.org/quiz-fri)
- [Saturday Session Link](https://example.org/quiz-sat)

Join Rosa Lindqvist along with Omar Haddad as they host a quiz. There will be two sessions
to cover time zones.

### Bake Off

- [Session Link](https://example.org/bake)
- [Recipes](https://example.org/recipes)

Bake a cake live.
`,
    ),
  ];

  it('reads one session per day it runs, each with its hosts, and one for a single link', () => {
    const { bundle } = compile(pages);
    const event = eventFrom(bundle, 'events/2022/party/_index.md');
    expect(
      talksOf(bundle, event).map((talk) => [
        talk.title,
        talk.speakers.map((person) => person.name),
      ]),
    ).toEqual([
      ['Quiz Night', ['Rosa Lindqvist', 'Omar Haddad']],
      ['Quiz Night', ['Rosa Lindqvist', 'Omar Haddad']],
      ['Bake Off', []],
    ]);
  });
});

describe('a livestream episode that labels its theme and guests instead of an agenda', () => {
  it('reads one talk: the theme less its series number, by the guests under 嘉宾, at the stated time', () => {
    const { talks } = talksIn(
      'channel-40.md',
      `---
title: "Channel#40 服务网格的可观测性"
date: 2023-03-01T15:00:00+08:00
---

## 概要

- 活动主题：Channel#40:服务网格的可观测性

- 活动时间：03 月 16 日，周四晚 19:00-20:00

## 嘉宾

- 李明（花名：远山）

- 网格项目 Maintainer

- 基于 eBPF 的流量观测, 负责指标子模块

- 王芳（花名：青禾）

- 网格项目 Committer

## 议程

>![](https://example.org/agenda.png)
`,
    );
    expect(talks.map(brief)).toEqual(['19:00-20:00 服务网格的可观测性']);
    expect(talks[0]?.speakers.map((speaker) => speaker.name)).toEqual(['李明', '王芳']);
  });

  it('reads label lines over their values: **分享主题：** over 《题目》', () => {
    const { talks } = talksIn(
      'webinar-5.md',
      `---
title: "Webinar #5"
date: 2021-05-10
---

**分享主题：**

《多集群服务发现实践》

**分享嘉宾：**

陈雨 某科技公司高级工程师。多年后端开发经验。

**直播时间：**2021年5月20日（周四）20:00-21:00
`,
    );
    expect(talks.map(brief)).toEqual(['20:00-21:00 多集群服务发现实践']);
    expect(talks[0]?.speakers.map((speaker) => speaker.name)).toEqual(['陈雨']);
  });

  it("takes the theme over an agenda slot copied from an earlier episode, and says so at the slot's line", () => {
    const path = 'channel-41.md';
    const { bundle, posts } = compile([
      post(
        path,
        `---
title: "Channel#41 网关的多协议扩展"
date: 2023-04-01T15:00:00+08:00
---

- 活动主题：Channel#41：网关的多协议扩展

- 活动形式：线上直播

## 议程

### 19:00-19:05  主持人开场

小助手 主持人

### 19:05-20:00  分布式事务实践解析

李明 某科技公司技术专家
`,
      ),
    ]);
    const talks = talksOf(bundle, eventFrom(bundle, path));
    expect(talks.map(brief)).toEqual(['19:00-19:05 主持人开场', '19:05-20:00 网关的多协议扩展']);
    const report = posts.find((item) => item.source === path);
    expect(report?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'agenda-title-mismatch', line: 16 }),
    );
  });

  it('keeps an agenda slot that words the theme differently', () => {
    const { talks } = talksIn(
      'channel-42.md',
      `---
title: "Channel#42 解读网关：项目概况和最新进展"
date: 2023-05-01T15:00:00+08:00
---

- 活动主题：Channel#42：解读网关：项目概况和最新进展

- 活动形式：线上直播

### 19:00-19:50 网关项目的概况和最新进展

李明 某科技公司技术专家
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual(['网关项目的概况和最新进展']);
  });

  it('does not make one talk of a meetup whose guest list names many people', () => {
    const { talks } = talksIn(
      'anniversary.md',
      `---
title: "社区五周年"
date: 2023-04-01
---

- 活动主题：社区五周年，一起出发！

## 嘉宾

- 李明（花名：远山），网格社区负责人
- 王芳（花名：青禾），运行时社区 PMC
- 赵强（花名：北辰），网关社区负责人
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('a community meeting recap with a heading per part of the meeting', () => {
  const text = `---
title: March community meeting recap
date: 2022-04-02
---

## News and updates

The 3.2 release is out.

## Community chat with Ana Lima from Example Corp

Our guest this month was Ana Lima, who runs the platform team at Example Corp.

## Routing demo

Bruno demoed the new routing rules live.

## Deep dive with Chen: Faster startup

Chen, a core maintainer, walked us through the new startup path.

## March hero

This month's hero is Dana.
`;

  it('reads the parts that name who presented them as talks, with their presenters', () => {
    const { talks } = talksIn('meeting.md', text);
    expect(talks.map((talk) => [talk.title, talk.speakers.map((speaker) => speaker.name)])).toEqual(
      [
        ['Community chat with Ana Lima from Example Corp', ['Ana Lima']],
        ['Routing demo', ['Bruno']],
        ['Deep dive with Chen: Faster startup', ['Chen']],
      ],
    );
    expect(talks[0]?.speakers[0]?.org).toBe('Example Corp');
  });

  it('does not take an article section that works "with" a product for a guest segment', () => {
    const { talks } = talksIn(
      'article.md',
      `---
title: Ingress and the mesh
date: 2022-04-02
---

## Getting started with Linkerd

Install the CLI first.

## Demo vs production

What changes when it is real.
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('a recap that names only the kinds of session its event held', () => {
  it('reads each bold kind under the introducing sentence as a session, not the links list', () => {
    const { talks } = talksIn(
      'summit.md',
      `---
title: Maintainer Summit 2025
date: 2025-06-02
---

### Event Summary

The summit featured a mix of sessions, including:

* **Open Space Tracks:** Peer-led deep dives.
* **Project Meetings:** Teams align on their roadmaps.

### Recordings

* **Watch Sessions:** Recordings are on [YouTube](https://example.org/videos).
* **Event Schedule:** The full list is on [the schedule](https://example.org/schedule).
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual(['Open Space Tracks', 'Project Meetings']);
  });

  it('does not take highlights under a sentence for sessions', () => {
    const { talks } = talksIn(
      'update.md',
      `---
title: Project update
date: 2025-06-02
---

Here is what changed this month:

* **Faster builds:** Caching is on by default.
* **Meetings:** We now meet on Thursdays.
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('recaps that give each talk a heading', () => {
  it('reads a heading with the speaker opening the line under it as a talk', () => {
    const { talks } = talksIn(
      'recap.md',
      `---
title: Service Mesh Meetup 广州站回顾
date: 2019-01-08
---

#### 唯品会 Service Mesh 的实践分享

郑德惠 唯品会Java资深开发工程师，内部Service Mesh框架负责人。

#### SOFAMosn 持续演进路径及实践案例

陈逸凡 花名无钩，蚂蚁金服资深开发工程师。

## 视频回放与资料下载

视频回放见 B 站。
`,
    );
    expect(talks.map((talk) => talk.title)).toEqual([
      '唯品会 Service Mesh 的实践分享',
      'SOFAMosn 持续演进路径及实践案例',
    ]);
    expect(talks.map((talk) => talk.speakers[0]?.name)).toEqual(['郑德惠', '陈逸凡']);
  });

  it("does not take an article's sections for talks", () => {
    const { talks } = talksIn(
      'article.md',
      `---
title: 深入 SOFABolt
date: 2019-01-08
---

## SOFABolt 简介

蚂蚁金服开源的通信框架。

## 总结

王庆说得好。
`,
    );
    expect(talks).toEqual([]);
  });

  it('does not take prose that opens with a name-like word, or a picture, for a speaker line', () => {
    const { talks } = talksIn(
      'write-up.md',
      `---
title: 蚂蚁云原生应用运行时的探索和实践
date: 2021-08-01
---

### 蚂蚁 Mesh 落地过程

所以从 2017 年底开始，蚂蚁就开始探索 Service Mesh 的技术方向。

### 蚂蚁 Mesh 落地架构

目前 Mesh 化在蚂蚁落地规模是应用约数千个，也建设了一套完整的研发体系。

### 本周推荐阅读

![图片](https://example.com/cover.png)

### 💬 有问题？进群聊！

欢迎加入 SOFAStack 用户群，与开发者交流。
`,
    );
    expect(talks).toEqual([]);
  });
});

describe('a recap that numbers its talks in headings', () => {
  it('reads each "Talk N:" heading as a talk, its speaker from the "In this talk," paragraph', () => {
    const { talks } = talksIn(
      'icymi.md',
      `---
title: "ICYMI: May San Francisco Meetup"
date: 2019-05-12
---

The meetup was a fun night. All the talks were recorded!

## Talk 1: Meshing from monolith to microservices

{{< youtube 6io2YbZVmM4 >}}

In this talk, Leo Liang, engineering manager at Cruise Automation, spoke about how a startup
moved to microservices.

## Talk 2: REST to gRPC

The slides are online.

## Join us

Want to give a talk? Email us.
`,
    );
    expect(talks.map((talk) => [talk.title, talk.speakers.map((speaker) => speaker.name)])).toEqual(
      [
        ['Meshing from monolith to microservices', ['Leo Liang']],
        ['REST to gRPC', []],
      ],
    );
    expect(talks[0]?.speakers[0]).toMatchObject({ org: 'Cruise Automation' });
  });
});

describe('headings that are the speakers, over their talks in bold', () => {
  it('reads the bold line under a speaker heading as the talk, by that speaker', () => {
    const { talks } = talksIn(
      'activity.md',
      `---
title: Service Mesh Meetup 北京站
date: 2018-07-29
---

## Topic与讲师介绍

### 张亮（京东金融数据研发负责人）

个人简介：张亮，京东金融数据研发负责人。热爱开源。

**Service Mesh的延伸 —— 论道Database Mesh**

Database Mesh 是 Service Mesh 的一种延伸。

### 吴晟（Apache SkyWalking创始人）

个人简介：Apache SkyWalking 创始人，PPMC 和 Committer。

**分享主题：**

**Observability on Service Mesh —— Apache SkyWalking 6.0**
`,
    );
    expect(talks.map((talk) => [talk.title, talk.speakers[0]?.name])).toEqual([
      ['Service Mesh的延伸 —— 论道Database Mesh', '张亮'],
      ['Observability on Service Mesh —— Apache SkyWalking 6.0', '吴晟'],
    ]);
    // Whichever field it lands in, the speaker's employer is kept.
    const [zhang] = talks[0]?.speakers ?? [];
    expect(`${zhang?.org ?? ''} ${zhang?.role ?? ''}`).toContain('京东金融');
  });
});

describe('a slide list as the only listing', () => {
  it('reads 《题目》讲师-公司 rows of a one-column table as talks without times', () => {
    const { talks } = talksIn(
      'report.md',
      `---
title: 中国首次Istio meetup
date: 2021-07-20
---

| 议题 |
| --- |
| [《服务网格数据平面热升级技术分享》史泽寰-阿里云](./upgrade.pdf) |
| [《使用eBPF加速Istio/Envoy网络》钟露瑶-Intel云计算软件工程师](./ebpf.pdf) |
`,
    );
    expect(talks.map((talk) => [talk.title, talk.speakers[0]?.name, talk.start])).toEqual([
      ['服务网格数据平面热升级技术分享', '史泽寰', null],
      ['使用eBPF加速Istio/Envoy网络', '钟露瑶', null],
    ]);
  });
});

describe('numbered 《题目》 headings', () => {
  it('gives each 花名 to the person whose line it is on', () => {
    const { bundle } = compile([
      post(
        'two-speakers.md',
        `---
title: 开源四周年
date: 2022-04-10
---

### | 五、《Ark Serverless 体系助力业务极速研发》

讲师：蚂蚁集团技术专家 赵真灵（花名：有济）

讲师：蚂蚁集团技术专家刘晶（花名：飞廉）
`,
      ),
    ]);
    const aliases = Object.fromEntries(
      bundle.speakers.map((speaker) => [speaker.name, speaker.aliases]),
    );
    expect(aliases['赵真灵']).toEqual(['有济']);
    expect(aliases['刘晶']).toEqual(['飞廉']);
  });

  it('reads `### | 五、《题目》` with one speaker per 讲师 line', () => {
    const { talks } = talksIn(
      'anniversary.md',
      `---
title: 见证 SOFAStack 社区开源四周年
date: 2022-04-10
---

### | 二、《蚂蚁服务发现的大规模实践和展望》

讲师：蚂蚁集团技术专家李旭东（花名：向旭）

### | 五、《Ark Serverless 体系助力业务极速研发》

讲师：蚂蚁集团技术专家 赵真灵（花名：有济）

讲师：蚂蚁集团技术专家刘晶（花名：飞廉）

**议题简介**

Ark Serverless 的研发体系。
`,
    );
    expect(talks.map((talk) => [talk.title, talk.speakers.map((speaker) => speaker.name)])).toEqual(
      [
        ['蚂蚁服务发现的大规模实践和展望', ['李旭东']],
        ['Ark Serverless 体系助力业务极速研发', ['赵真灵', '刘晶']],
      ],
    );
    expect(talks[1]?.speakers[1]).toMatchObject({ name: '刘晶', org: '蚂蚁集团' });
  });
});
