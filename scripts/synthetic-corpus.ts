/**
 * A seeded generator of realistic Hugo meetup posts, for benchmarks and load tests.
 *
 * Half the posts are Chinese, half English, written in the agenda formats real posts use: a
 * `| 时间 | 议题 | 讲师 |` or `| Time (CST) | Session |` table, `**《题目》**` sections with
 * `**嘉宾介绍**` / `**议题简介**`, `### 《题目》` headings over a `> 姓名 职位` quote, `- 活动时间：…`
 * lists and `**Time and day:**` / `**Venue:**` lines. Speakers come from a fixed pool, so the same
 * people recur across posts (under their Chinese name in Chinese posts, pinyin in English ones).
 * The same `(posts, seed)` always writes byte-for-byte the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How many distinct people the speakers are drawn from. */
const SPEAKER_POOL_SIZE = 400;
const MIN_TALKS = 3;
const MAX_TALKS = 8;
const MIN_ABSTRACT_CHARS = 100;
const MAX_ABSTRACT_CHARS = 400;
/** Share of talks given by two speakers. */
const CO_SPEAKER_RATE = 0.1;
/** Agendas open with sign-in and pause once halfway for a tea break. */
const SIGN_IN_MINUTES = 30;
const BREAK_MINUTES = 15;
/** Events fall between these years, inclusive. */
const FIRST_YEAR = 2018;
const LAST_YEAR = 2024;

/** What was written: the ground truth a compiler's output can be compared with. */
export interface SyntheticCorpus {
  posts: number;
  talks: number;
  /** Distinct people who gave at least one talk. */
  speakers: number;
  bytes: number;
}

/** A deterministic PRNG (mulberry32): a float in [0, 1) per call. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** [汉字, pinyin] pairs. */
// prettier-ignore
const SURNAMES: readonly (readonly [string, string])[] = [
  ['张', 'Zhang'], ['王', 'Wang'], ['李', 'Li'], ['赵', 'Zhao'], ['刘', 'Liu'], ['陈', 'Chen'],
  ['杨', 'Yang'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'],
  ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'],
  ['罗', 'Luo'], ['高', 'Gao'], ['宋', 'Song'], ['敖', 'Ao'], ['钟', 'Zhong'], ['丁', 'Ding'],
];
// prettier-ignore
const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['敏', 'min'], ['静', 'jing'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['华', 'hua'], ['平', 'ping'], ['小', 'xiao'], ['剑', 'jian'],
  ['挺', 'ting'], ['庆', 'qing'], ['晨', 'chen'], ['宇', 'yu'], ['浩', 'hao'], ['婷', 'ting'],
];

/** [中文, English] pairs. */
const COMPANIES: readonly (readonly [string, string])[] = [
  ['蚂蚁集团', 'Ant Group'],
  ['阿里云', 'Alibaba Cloud'],
  ['腾讯云', 'Tencent Cloud'],
  ['华为云', 'Huawei Cloud'],
  ['字节跳动', 'ByteDance'],
  ['网易', 'NetEase'],
  ['英特尔', 'Intel'],
  ['才云科技', 'Caicloud'],
  ['谐云科技', 'Harmony Cloud'],
  ['京东', 'JD.com'],
  ['美团', 'Meituan'],
  ['百度', 'Baidu'],
  ['携程', 'Trip.com'],
  ['中国信通院', 'CAICT'],
  ['Tetrate', 'Tetrate'],
];
const ROLES: readonly (readonly [string, string])[] = [
  ['高级技术专家', 'Senior Staff Engineer'],
  ['资深工程师', 'Senior Engineer'],
  ['技术总监', 'Engineering Director'],
  ['架构师', 'Architect'],
  ['研发工程师', 'Software Engineer'],
  ['开源负责人', 'Open Source Lead'],
  ['产品经理', 'Product Manager'],
];
/** [城市, City, 中文场地, English venue]. */
const CITIES: readonly (readonly [string, string, string, string])[] = [
  [
    '北京',
    'Beijing',
    '海淀区中关村创业大街 72 号拓荒族众创空间（三层路演厅）',
    'Zhongguancun Innovation Street, Haidian District',
  ],
  ['上海', 'Shanghai', '徐汇区漕河泾开发区蚂蚁 C 空间', 'Ant C Space, Caohejing, Xuhui District'],
  ['杭州', 'Hangzhou', '西湖区蚂蚁 Z 空间', 'Ant Z Space, Xihu District'],
  ['深圳', 'Shenzhen', '南山区腾讯滨海大厦', 'Tencent Binhai Towers, Nanshan District'],
  ['成都', 'Chengdu', '高新区天府软件园 E 区', 'Tianfu Software Park, Block E, High-tech Zone'],
  ['广州', 'Guangzhou', '天河区 T.I.T 创意园', 'T.I.T Creative Park, Tianhe District'],
  ['南京', 'Nanjing', '雨花台区软件谷科创城', 'Software Valley, Yuhuatai District'],
];
const TECHNOLOGIES = [
  'Service Mesh',
  'Istio',
  'Envoy',
  'MOSN',
  'SOFARPC',
  'Layotto',
  'eBPF',
  'Kubernetes',
  'Serverless',
  'Dapr',
  'Nacos',
  'Seata',
  'WebAssembly',
  'Sidecar',
  'gRPC',
  'OpenTelemetry',
] as const;
const ZH_TOPICS = [
  '落地实践',
  '原理与实现',
  '性能优化',
  '大规模实践',
  '多集群治理',
  '可观测性建设',
  '平滑升级',
  '安全加固',
  '架构演进',
  '踩坑经验',
] as const;
const EN_TOPICS = [
  'in production',
  'under the hood',
  'at scale',
  'for multi-cluster traffic',
  'observability',
  'zero-downtime upgrades',
  'security hardening',
  'lessons learned',
] as const;
const ZH_SENTENCES = [
  '本次分享将介绍我们在生产环境中的实践经验。',
  '随着业务规模的快速增长，原有架构在性能和稳定性上都面临挑战。',
  '我们将重点讨论数据面与控制面的协同设计。',
  '分享中会结合真实案例分析常见问题及其解决方案。',
  '最后展望社区的发展方向以及未来的技术规划。',
  '听众将了解如何在现有系统中渐进式地引入新技术。',
  '演讲还会介绍配套的监控、告警与故障演练体系。',
  '这套方案已经在数万个节点上稳定运行超过一年。',
] as const;
const EN_SENTENCES = [
  'This talk shares what we learned running it in production for two years.',
  'We explain the design of the data plane and how it talks to the control plane.',
  'Real incidents illustrate the failure modes and how we fixed them.',
  'You will see how to adopt it incrementally without a big-bang migration.',
  'We close with the roadmap and how to get involved in the community.',
  'Benchmarks compare latency and memory before and after the change.',
  'The approach now runs on tens of thousands of nodes.',
] as const;
const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface Person {
  zh: string;
  en: string;
  company: readonly [string, string];
  role: readonly [string, string];
}

interface WrittenPost {
  text: string;
  talks: PlannedTalk[];
}

interface PlannedTalk {
  title: string;
  /** A tea break follows this talk. */
  breakAfter: boolean;
  speakers: Person[];
  start: string;
  end: string;
  abstract: string;
}

/** The speaker pool: distinct names built from surname and given-name syllables. */
function createPeople(random: Random): Person[] {
  const people: Person[] = [];
  const taken = new Set<string>();
  while (people.length < SPEAKER_POOL_SIZE) {
    const [surnameZh, surnameEn] = pick(random, SURNAMES);
    const given = Array.from({ length: integer(random, 1, 2) }, () => pick(random, GIVEN_NAMES));
    const zh = surnameZh + given.map(([hanzi]) => hanzi).join('');
    if (taken.has(zh)) continue;
    taken.add(zh);
    const givenEn = given.map(([, pinyin]) => pinyin).join('');
    const en = `${givenEn.charAt(0).toUpperCase()}${givenEn.slice(1)} ${surnameEn}`;
    people.push({ zh, en, company: pick(random, COMPANIES), role: pick(random, ROLES) });
  }
  return people;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The 'HH:MM' a tea break that starts at `start` ends. */
function clockAfter(start: string): string {
  const [hours = 0, minutes = 0] = start.split(':').map(Number);
  return clock(hours * 60 + minutes + BREAK_MINUTES);
}

/** Sentences drawn without immediate repeats until the text reaches a random target length. */
function writeAbstract(random: Random, sentences: readonly string[], separator: string): string {
  const target = integer(random, MIN_ABSTRACT_CHARS, MAX_ABSTRACT_CHARS);
  let text = '';
  let previous = '';
  while (text.length < target) {
    let sentence = pick(random, sentences);
    while (sentence === previous) sentence = pick(random, sentences);
    const longer = text ? text + separator + sentence : sentence;
    if (longer.length > MAX_ABSTRACT_CHARS) break;
    text = longer;
    previous = sentence;
  }
  return text;
}

function planTalks(random: Random, people: Person[], zh: boolean, dayStart: number): PlannedTalk[] {
  const count = integer(random, MIN_TALKS, MAX_TALKS);
  const talks: PlannedTalk[] = [];
  let minutes = dayStart + SIGN_IN_MINUTES;
  for (let index = 0; index < count; index += 1) {
    const technology = pick(random, TECHNOLOGIES);
    const speakers = [pick(random, people)];
    if (random() < CO_SPEAKER_RATE) {
      const other = pick(random, people);
      if (other !== speakers[0]) speakers.push(other);
    }
    const company = speakers[0]?.company ?? pick(random, COMPANIES);
    const title = zh
      ? `${technology} 在${company[0]}的${pick(random, ZH_TOPICS)}`
      : `${technology} ${pick(random, EN_TOPICS)} at ${company[1]}`;
    const length = pick(random, [30, 40, 45]);
    const breakAfter = index === Math.floor(count / 2);
    talks.push({
      title,
      breakAfter,
      speakers,
      start: clock(minutes),
      end: clock(minutes + length),
      abstract: zh
        ? writeAbstract(random, ZH_SENTENCES, '')
        : writeAbstract(random, EN_SENTENCES, ' '),
    });
    minutes += length + (breakAfter ? BREAK_MINUTES : 0);
  }
  return talks;
}

function speakerWithCompanyZh(person: Person): string {
  return `${person.zh}（${person.company[0]}）`;
}

function writeChinesePost(
  random: Random,
  people: Person[],
  number: number,
  date: Date,
): WrittenPost {
  const [city, , venue] = pick(random, CITIES);
  const series = pick(random, ['SOFAMeetup', 'Service Mesh Meetup', 'Cloud Native Meetup']);
  const theme = `${pick(random, TECHNOLOGIES)} ${pick(random, ZH_TOPICS)}专场`;
  const eventName = `${series}#${number} ${city}站：${theme}`;
  const title = random() < 0.2 ? `【活动回顾】${eventName}` : eventName;
  const dayStart = pick(random, [9 * 60 + 30, 13 * 60 + 30, 14 * 60]);
  const talks = planTalks(random, people, true, dayStart);
  const lastEnd = talks.at(-1)?.end ?? clock(dayStart + 180);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const online = random() < 0.25;
  const layout = pick(random, ['table+sections', 'sections', 'heading-quote'] as const);

  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'author: "SOFA 团队"',
    `description: ${JSON.stringify(`${series} ${city}站`)}`,
    `categories: ${JSON.stringify(series)}`,
    `tags: [${JSON.stringify(series)}, "Meetup"]`,
    `date: ${postDate(date)}`,
    '---',
    '',
    '## 概要',
    '',
    `- 活动主题：${eventName}`,
    '',
    `- 活动时间：${year} 年 ${pad(month)} 月 ${pad(day)} 日（${ZH_WEEKDAYS[date.getUTCDay()]}）${clock(dayStart)}-${lastEnd}`,
    '',
    online ? '- 活动地点：线上直播' : `- 活动地点：${city}${venue}`,
    '',
    `- 活动形式：${online ? '线上直播' : '线下活动'}`,
    '',
    '## 活动介绍',
    '',
    `${city}的朋友们，我们又见面啦！本期 ${series} 邀请了 ${talks.length} 位讲师，围绕 ${theme} 展开分享。`,
    '',
    '### 活动议程',
    '',
  ];
  if (layout === 'table+sections') {
    lines.push('| 时间 | 议题 | 讲师 |', '| --- | --- | --- |');
    lines.push(`| ${clock(dayStart)} - ${clock(dayStart + SIGN_IN_MINUTES)} | 签到 | |`);
    for (const talk of talks) {
      const speakers = talk.speakers.map(speakerWithCompanyZh).join('、');
      lines.push(`| ${talk.start} - ${talk.end} | ${talk.title} | ${speakers} |`);
      if (talk.breakAfter) lines.push(`| ${talk.end} - ${clockAfter(talk.end)} | 茶歇 | |`);
    }
    lines.push('');
  } else {
    // Many real posts publish the agenda only as a picture.
    lines.push(`![](https://example.com/agenda/${number}.png)`, '');
  }
  lines.push('### 本期议题以及嘉宾详解', '');
  for (const talk of talks) {
    if (layout === 'heading-quote') {
      lines.push(`### 《${talk.title}》`, '');
      for (const person of talk.speakers) {
        lines.push(`>${person.zh} ${person.company[0]}${person.role[0]}`, '');
      }
      lines.push('议题简介：', '', talk.abstract, '');
    } else {
      lines.push(`**《${talk.title}》**`, '', '**嘉宾介绍**', '');
      for (const person of talk.speakers) {
        lines.push(`${person.zh}，${person.company[0]}${person.role[0]}`, '');
      }
      lines.push('**议题简介**', '', talk.abstract, '');
    }
  }
  lines.push('## 加入社区', '', '欢迎扫码加入钉钉群，第一时间获取活动信息。', '');
  return { text: lines.join('\n'), talks };
}

function writeEnglishPost(
  random: Random,
  people: Person[],
  number: number,
  date: Date,
): WrittenPost {
  const [, city, , venue] = pick(random, CITIES);
  const series = pick(random, ['Istio Meetup China', 'Cloud Native Meetup', 'Service Mesh Day']);
  const title = `${series} #${number}: ${city}`;
  const dayStart = pick(random, [9 * 60 + 30, 13 * 60 + 30, 14 * 60]);
  const talks = planTalks(random, people, false, dayStart);
  const lastEnd = talks.at(-1)?.end ?? clock(dayStart + 180);
  const month = EN_MONTHS[date.getUTCMonth()];

  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(`Join ${series} in ${city}`)}`,
    `date: ${postDate(date)}`,
    'keywords: [community, meetup]',
    '---',
    '',
    `The ${series} community is coming to ${city}! Seats are limited, so we will operate on a first-come, first-served basis.`,
    '',
    `**Time and day:** ${clock(dayStart)}-${lastEnd} (CST), ${month} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
    '',
    `**Venue:** ${venue}, ${city}`,
    '',
    '### Agenda',
    '',
    '| Time (CST) | Session |',
    '| --- | --- |',
    `| ${clock(dayStart)} - ${clock(dayStart + SIGN_IN_MINUTES)} | Sign in |`,
  ];
  for (const talk of talks) {
    const speakers = talk.speakers.map((person) => `${person.en} (${person.company[1]})`);
    lines.push(`| ${talk.start} - ${talk.end} | ${talk.title} - ${speakers.join(', ')} |`);
    if (talk.breakAfter) lines.push(`| ${talk.end} - ${clockAfter(talk.end)} | Coffee break |`);
  }
  lines.push('', '### Sessions', '');
  for (const talk of talks) {
    lines.push(`#### ${talk.title}`, '');
    for (const person of talk.speakers) {
      lines.push(`> ${person.en}, ${person.role[1]}, ${person.company[1]}`, '');
    }
    lines.push(talk.abstract, '');
  }
  return { text: lines.join('\n'), talks };
}

/** The post's own date in Hugo's front-matter form: a week or two before the event, at +08:00. */
function postDate(eventDate: Date): string {
  const posted = new Date(eventDate.getTime() - 10 * 24 * 3600 * 1000);
  const [year, month, day] = [
    posted.getUTCFullYear(),
    posted.getUTCMonth() + 1,
    posted.getUTCDate(),
  ];
  return `${year}-${pad(month)}-${pad(day)}T15:00:00+08:00`;
}

function randomEventDate(random: Random): Date {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(LAST_YEAR, 11, 31) - start;
  const day = Math.floor((random() * span) / (24 * 3600 * 1000));
  return new Date(start + day * 24 * 3600 * 1000);
}

/**
 * Writes `posts` posts under `dir` (page bundles and single files, by year) from `seed`, and
 * returns what was written.
 */
export async function writeSyntheticCorpus(
  dir: string,
  posts: number,
  seed: number,
): Promise<SyntheticCorpus> {
  return writePosts(dir, seed, (written) => written.posts < posts);
}

/**
 * Writes posts under `dir` from `seed` until they hold at least `talks` talks. The posts are the
 * first ones `writeSyntheticCorpus` writes for the same seed, so a corpus sized by talks is a
 * prefix of one sized by posts.
 */
export async function writeSyntheticCorpusOfTalks(
  dir: string,
  talks: number,
  seed: number,
): Promise<SyntheticCorpus> {
  return writePosts(dir, seed, (written) => written.talks < talks);
}

/** Writes post after post while `more` says so, given what was written so far. */
async function writePosts(
  dir: string,
  seed: number,
  more: (written: { posts: number; talks: number }) => boolean,
): Promise<SyntheticCorpus> {
  const random = mulberry32(seed);
  const people = createPeople(random);
  const speakersSeen = new Set<Person>();
  let talks = 0;
  let bytes = 0;
  let number = 1;
  for (; more({ posts: number - 1, talks }); number += 1) {
    const date = randomEventDate(random);
    const zh = number % 2 === 1;
    // Each post gets its own generator so its text does not depend on how long the last one was.
    const postRandom = mulberry32(Math.floor(random() * 2 ** 32));
    const post = zh
      ? writeChinesePost(postRandom, people, number, date)
      : writeEnglishPost(postRandom, people, number, date);
    talks += post.talks.length;
    for (const talk of post.talks) for (const person of talk.speakers) speakersSeen.add(person);
    const slug = `${zh ? 'meetup' : 'event'}-${String(number).padStart(5, '0')}`;
    const year = String(date.getUTCFullYear());
    const file =
      number % 3 === 0
        ? path.join(dir, year, `${slug}.md`)
        : path.join(dir, year, slug, 'index.md');
    await mkdir(path.dirname(file), { recursive: true });
    const encoded = Buffer.from(post.text, 'utf8');
    await writeFile(file, encoded);
    bytes += encoded.length;
  }
  return { posts: number - 1, talks, speakers: speakersSeen.size, bytes };
}
