/**
 * Reads an agenda out of a post body, for each way posts write one: a table of times and
 * sessions, `《题目》` sections with 嘉宾介绍 and 议题简介, bold `姓名（公司）：题目` lines, and a
 * slide deck that is nothing but a heading. Extraction is heuristic by nature; front matter
 * `sessions:` always wins over it (see `docs/content-format.md`).
 */
import type { Talk } from '../lib/schema';
import type { Block } from './markdown-blocks';
import { readRecapSegments } from './read-recap-segments';
import { readSessionKinds } from './read-session-kinds';
import { readThemeTalk } from './read-theme-talk';
import { findDates, findTimeRange, findTimezone } from './parse-times';
import {
  isHanName,
  namesAJob,
  parseChineseSpeaker,
  parseEnglishSpeaker,
  parseSpeakers,
  splitOrgRole,
  splitSessionCell,
  splitSpeakerList,
  findNicknames,
  type SpeakerMention,
} from './parse-speakers';

/** A talk as read from one post, before ids are given: speakers are still mentions, not people. */
export type TalkDraft = Omit<Talk, 'id' | 'eventId' | 'speakers'> & {
  speakers: SpeakerMention[];
  /** 1-based line of the post where the talk is written, for diagnostics. */
  line: number;
};

/** The agenda and, when a table header names one, the zone its times are in. */
export interface AgendaDraft {
  talks: TalkDraft[];
  timezone: string | null;
  /** Which reading found the talks, for the report. */
  method:
    | 'table'
    | 'sections'
    | 'bold-lines'
    | 'timed-slots'
    | 'talk-lines'
    | 'headings'
    | 'deck'
    | 'theme'
    | 'segments'
    | 'session-kinds'
    | 'none';
}

/** Agenda slots that are not talks: sign-in, breaks, meals, photos, raffles. */
const NOT_A_TALK =
  /^(sign[\s-]?in|check[\s-]?in|registration|签到|入场|茶歇|coffee|tea\b|break|lunch|午餐|午休|晚餐|dinner|休息|合影|group photo|photos?\b|抽奖|raffle|lucky draw|networking|自由交流|交流时间|closing$|结束)/i;

/** The longest slot text that can still be a break rather than a talk. */
const MAX_BREAK_LENGTH = 30;

/** Header cells that name the columns of an agenda table. */
const TIME_HEADER = /time|时间|时段/i;
const SESSION_HEADER = /session|topic|title|talk|agenda|议题|主题|题目|内容|分享|演讲/i;
const SPEAKER_HEADER = /speaker|presenter|讲师|嘉宾|分享人|演讲者|讲者/i;

/** Labels that open a part of a talk section. */
const SPEAKER_LABEL =
  /^(嘉宾|讲师|分享嘉宾|演讲嘉宾|讲者)(介绍|简介)?|^speakers?\b|^about the speaker/i;
const ABSTRACT_LABEL =
  /^(议题|演讲|分享|内容|话题)(简介|介绍|内容|概要)|^(abstract|description|summary)\b/i;

/** A label line is short: `**嘉宾介绍**`, `议题简介：`, `听众收获`. */
const MAX_LABEL_LENGTH = 8;

/** A session text that opens with its title in 《》. */
const BOOKED_TITLE = /^\s*《.+?》/;

/** `《题目》` alone on a heading or bold line. */
const BOOK_TITLE = /^《(.+)》$/;

/** `姓名（公司）：题目`, the bold line of recap posts. */
const NAME_ORG_TITLE = /^([^（()）：:]{2,24}?)\s*[（(]([^）)]+)[）)]\s*[：:]\s*(.+)$/;

/** A time or time range opening a line: `14:00 `, `13:30-14:10 `. */
const LEADING_TIME = /^\s*\d{1,2}[:：]\d{2}(?:\s*[-~～－—–至]\s*\d{1,2}[:：]\d{2})?\s*/;

/** Version words that slide-deck file names carry: `最终版-敖小剑-…`. */
const VERSION_WORDS = /^(最终版|终版|定稿|final|v\d+(\.\d+)*|修订版|更新版)$/i;

/** Strips 《》 and whitespace noise from a title. */
export function cleanTitle(text: string): string {
  return (
    text
      .replace(/^[\s#*]+|[\s*]+$/g, '')
      .replace(/^《(.+)》$/, '$1')
      // A book-title mark the author left unpaired: `基于5G管理网络的服务网格实践》`.
      .replace(/^《([^》]+)$|^([^《]+)》$/, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function isBreak(text: string): boolean {
  return text.length <= MAX_BREAK_LENGTH && NOT_A_TALK.test(text.trim());
}

/** A talk with only its title and line known, for a reading to fill in. */
export function emptyTalk(title: string, line: number): TalkDraft {
  return {
    title,
    speakers: [],
    date: null,
    start: null,
    end: null,
    abstract: null,
    slidesUrl: null,
    videoUrl: null,
    line,
  };
}

/** Roles that a slot names instead of a title: `主持人`, `Host`. */
const HOST_WORD = /^(主持人?|出品人|host|moderator|MC)$/i;

/** Endings of company and team names, which a four-character name test lets through: `蚂蚁金服`. */
const ORGANISATION_WORD =
  /(集团|金服|公司|科技|团队|银行|大学|学院|研究院|实验室|社区|基金会|技术|软件|网络|主持)$/;

/**
 * One speaker as a line after a talk writes them: `响风 蚂蚁金服 SOFALookout 开源负责人`,
 * `张成龙（花名：刻一），蚂蚁集团技术专家`, or company first, `蚂蚁金服 SOFA 团队 碧远`.
 */
function parseSpeakerLine(text: string): SpeakerMention | null {
  const words = text.trim().split(/\s+/);
  const last = words.at(-1) ?? '';
  // `SOFAGirl 主持人`: a host named by a nickname, the role after it.
  if (words.length > 1 && HOST_WORD.test(last)) {
    return { name: words.slice(0, -1).join(' '), org: null, role: last, aliases: [] };
  }
  const mention = parseChineseSpeaker(text);
  if (mention && !ORGANISATION_WORD.test(mention.name)) return mention;
  if (words.length > 1 && isHanName(last) && !ORGANISATION_WORD.test(last)) {
    const { org, role } = splitOrgRole(words.slice(0, -1).join(' '));
    return { name: last, org, role, aliases: [] };
  }
  return parseEnglishSpeaker(text);
}

/** Every speaker a text names, several joined by 、, /, & or `and`. */
function parseSpeakerText(text: string): SpeakerMention[] {
  // `史泽寰-阿里云`, as slide lists write a speaker: name, dash, company and role.
  const dashed = /^(\p{Script=Han}{2,4})\s*[-－—–]\s*(\S.*)$/u.exec(text.trim());
  // `小助手-泡椒 主持人` is a host's handle and role, read by parseSpeakerLine below.
  const hostLine = HOST_WORD.test(text.trim().split(/\s+/).at(-1) ?? '');
  if (dashed?.[1] && isHanName(dashed[1]) && !hostLine)
    return [{ name: dashed[1], ...splitOrgRole(dashed[2] ?? ''), aliases: [] }];
  const people = parseSpeakers(text);
  if (people.length > 0) return people;
  const one = parseSpeakerLine(text);
  return one ? [one] : [];
}

/** Speakers from a table's speaker cell: `张三（蚂蚁集团）`, `蚂蚁金服技术总监 杨冰`, a panel. */
function parseSpeakerCell(cell: string): SpeakerMention[] {
  return parseSpeakers(cell);
}

function columnIndex(header: string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell));
}

/** A cell that is nothing but a time or time range: `19:00-20:00`, `下午 2:00`. */
const TIME_CELL =
  /^[^\p{L}\d]*(上午|下午|晚上?|早上?)?\s*\d{1,2}[:：]\d{2}[^\p{Script=Han}\p{L}]*$/u;

/**
 * The time and session columns of a table whose header does not name them (the header row is
 * often the event's title): the time column is the one whose cells are times, the session
 * column the one with the longest text beside it.
 */
function guessColumns(rows: Block[]): { time: number; session: number } | null {
  const width = Math.max(...rows.map((row) => row.cells.length));
  const timeCounts = Array.from(
    { length: width },
    (_, column) => rows.filter((row) => TIME_CELL.test(row.cells[column] ?? '')).length,
  );
  const time = timeCounts.indexOf(Math.max(...timeCounts));
  if ((timeCounts[time] ?? 0) < Math.ceil(rows.length / 2)) return null;
  let session = -1;
  let longest = 0;
  for (let column = 0; column < width; column++) {
    if (column === time) continue;
    const length = rows.reduce((sum, row) => sum + (row.cells[column] ?? '').length, 0);
    if (length > longest) [session, longest] = [column, length];
  }
  return session === -1 ? null : { time, session };
}

/** Consecutive rows of one table, recognised by sharing a header row. */
function groupTables(blocks: Block[]): Block[][] {
  const tables: Block[][] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    if (block.kind !== 'table-row') {
      previous = null;
      continue;
    }
    if (previous && previous.header === block.header) tables.at(-1)?.push(block);
    else tables.push([block]);
    previous = block;
  }
  return tables;
}

/** Talks from agenda tables: a time column and a session column, maybe a speaker column. */
function readTables(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  let timezone: string | null = null;
  for (const rows of groupTables(blocks)) {
    const header = rows[0]?.header ?? [];
    let timeColumn = columnIndex(header, TIME_HEADER);
    let sessionColumn = columnIndex(header, SESSION_HEADER);
    let speakerColumn = columnIndex(header, SPEAKER_HEADER);
    // A slide list as a table (`| 议题 |` over `《题目》讲师-公司` links): talks with no times.
    const titledRows = rows.filter((row) => BOOKED_TITLE.test(row.cells[sessionColumn] ?? ''));
    const slideList = timeColumn === -1 && sessionColumn !== -1 && titledRows.length >= 2;
    if (!slideList && (timeColumn === -1 || sessionColumn === -1 || timeColumn === sessionColumn)) {
      const guessed = guessColumns(rows);
      if (!guessed) continue;
      ({ time: timeColumn, session: sessionColumn } = guessed);
      speakerColumn = -1;
    }
    timezone ??= findTimezone(header[timeColumn] ?? '');
    for (const row of rows) {
      const session = row.cells[sessionColumn] ?? '';
      if (!session || isBreak(session)) continue;
      const range = findTimeRange(row.cells[timeColumn] ?? '');
      let title = session;
      let speakers: SpeakerMention[] = [];
      if (speakerColumn !== -1 && speakerColumn !== sessionColumn) {
        speakers = parseSpeakerCell(row.cells[speakerColumn] ?? '');
      } else {
        ({ title, speakers } = splitTitleAndSpeakers(session));
      }
      talks.push({
        ...emptyTalk(cleanTitle(title), row.line),
        speakers,
        start: range?.start ?? null,
        end: range?.end ?? null,
      });
    }
  }
  return { talks, timezone, method: talks.length > 0 ? 'table' : 'none' };
}

/**
 * A session text that holds the title and its speakers: `《题目》 蚂蚁金服 SOFA 团队 碧远`,
 * `题目 —— 张三（蚂蚁集团）`, or the English `"Title" Name: Company` forms of `splitSessionCell`.
 */
function splitTitleAndSpeakers(text: string): { title: string; speakers: SpeakerMention[] } {
  const booked = /^\s*《(.+?)》\s*(.*)$/.exec(text);
  if (booked) {
    const rest = booked[2] ?? '';
    return { title: booked[1] ?? text, speakers: rest ? parseSpeakerText(rest) : [] };
  }
  return splitSessionCell(text);
}
/** The label a block opens with, and any text after it on the same line. */
function readLabel(block: Block): { label: string; rest: string } | null {
  const match = /^([^：:]{1,20}?)\s*[：:]\s*(.*)$/.exec(block.text);
  if (match && (match[1] ?? '').length <= MAX_LABEL_LENGTH)
    return { label: match[1] ?? '', rest: match[2] ?? '' };
  if (block.allStrong && block.text.length <= MAX_LABEL_LENGTH)
    return { label: block.text, rest: '' };
  return null;
}

/** What a talk heading may open with before its 《题目》: `| `, `二、`, `3.`, `第一场：`. */
const HEADING_NUMBERING =
  /^[|｜\s]*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．)]|第[一二三四五六七八九十\d]+场[：:]?)?\s*/;

/** A heading's text without the bar and numbering in front of its 《题目》. */
function headingTitle(block: Block): string {
  return block.text.replace(HEADING_NUMBERING, '');
}

function isTalkHeading(block: Block): boolean {
  return (
    (block.kind === 'heading' || (block.kind === 'paragraph' && block.allStrong)) &&
    BOOK_TITLE.test(headingTitle(block))
  );
}

/** Talks from `《题目》` sections followed by speaker lines, 嘉宾介绍 and 议题简介 labels. */
function readSections(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  let talk: TalkDraft | null = null;
  let depth = 0;
  let mode: 'start' | 'speaker' | 'abstract' | 'other' = 'start';
  let abstract: string[] = [];
  const finish = () => {
    if (talk) talk.abstract = abstract.join('\n').trim() || null;
    talk = null;
    abstract = [];
  };
  for (const block of blocks) {
    if (isTalkHeading(block)) {
      finish();
      talk = emptyTalk(cleanTitle(headingTitle(block)), block.line);
      talks.push(talk);
      depth = block.kind === 'heading' ? block.depth : 7;
      mode = 'start';
      continue;
    }
    if (!talk) continue;
    const current: TalkDraft = talk;
    if (block.kind === 'break' || (block.kind === 'heading' && block.depth <= depth)) {
      finish();
      continue;
    }
    const label = readLabel(block);
    if (label && SPEAKER_LABEL.test(label.label)) mode = 'speaker';
    else if (label && ABSTRACT_LABEL.test(label.label)) mode = 'abstract';
    else if (label && !(mode === 'start' && block.kind === 'quote')) mode = 'other';
    const text = label ? label.rest : block.text;
    if (!text) continue;
    if ((mode === 'start' && block.kind === 'quote') || mode === 'speaker') {
      const mentions = parseSpeakerText(text.split(/[。；;]/)[0] ?? '');
      const mention = mentions[0] ?? null;
      const known = current.speakers.find((speaker) => speaker.name === mention?.name);
      // Each `讲师：` line names a speaker; after the first, unlabelled lines are biography.
      const labelled = label !== null && SPEAKER_LABEL.test(label.label);
      for (const person of mentions) {
        const isNew = !current.speakers.some((speaker) => speaker.name === person.name);
        if (isNew && (current.speakers.length === 0 || labelled)) current.speakers.push(person);
      }
      // A 花名 in a biography line (`周群力（花名：仪式）目前在…`) belongs to the person the line
      // names, or, when it names none, to the talk's first speaker.
      const named = current.speakers.find((speaker) => speaker.name === mention?.name);
      for (const alias of findNicknames(text)) {
        const speaker = known ?? named ?? current.speakers[0];
        if (speaker && !speaker.aliases.includes(alias)) speaker.aliases.push(alias);
      }
    } else if (mode === 'abstract') {
      abstract.push(text.replace(/^[-*]\s*/, ''));
    }
  }
  finish();
  return { talks, timezone: null, method: talks.length > 0 ? 'sections' : 'none' };
}

/** Talks from bold `姓名（公司）：题目` lines, with a time when the line starts with one. */
function readBoldLines(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    for (const strong of block.strong) {
      // `**14:00 张三（小米）：题目**`: a leading time belongs to the slot, not the name.
      const timePrefix = LEADING_TIME.exec(strong)?.[0] ?? '';
      const match = NAME_ORG_TITLE.exec(strong.slice(timePrefix.length));
      if (!match) continue;
      const mention = parseChineseSpeaker(`${match[1]}（${match[2]}）`);
      if (!mention) continue;
      const range = findTimeRange(timePrefix || block.text.slice(0, block.text.indexOf(strong)));
      talks.push({
        ...emptyTalk(cleanTitle(match[3] ?? ''), block.line),
        speakers: [mention],
        start: range?.start ?? null,
        end: range?.end ?? null,
      });
    }
  }
  return { talks, timezone: null, method: talks.length > 0 ? 'bold-lines' : 'none' };
}

/** A slot line: a time or range, then what happens: `19:05-20:00 轻量级监控分析系统…`. */
const SLOT_LINE =
  /^\s*((?:上午|下午|晚上?)?\s*\d{1,2}[:：]\d{2}(?:\s*[-~～－—–至]+\s*(?:上午|下午|晚上?)?\s*\d{1,2}[:：]\d{2})?)\s*(?:[|｜:：]\s*)?(.+)$/;

/** Words that end the agenda when a heading says them: what follows is no longer a talk. */
const AFTER_AGENDA =
  /^(你将收获|听众收获|本期分享大纲|分享大纲|了解更多|直播回放|视频回放|嘉宾|加入|报名|如何参与|合作伙伴|主办|协办)/;

/**
 * A block that can open a slot: a heading, a list item, a bold line, or a paragraph that sets
 * its talk in bold after the time, with the speaker after it (`**14:00 Title** by Name`,
 * `14:00 **Title** by Name`).
 */
function canOpenSlot(block: Block): boolean {
  if (block.kind === 'heading' || block.kind === 'list-item' || block.allStrong) return true;
  const bold = block.strong[0];
  if (block.kind !== 'paragraph' || !bold) return false;
  return block.text.startsWith(bold) || block.text.replace(LEADING_TIME, '').startsWith(bold);
}

/** The time, text, title and speakers of a block that opens a slot, or null. */
function readSlot(block: Block) {
  const slot = canOpenSlot(block) ? SLOT_LINE.exec(block.text) : null;
  if (!slot) return null;
  const text = (slot[2] ?? '').trim();
  const { title, speakers } = splitTitleAndSpeakers(text);
  // A paragraph is a slot only when it names its speakers too; otherwise it is prose that
  // opens with a time (`19:00 **准时开始**，请提前签到`).
  if (block.kind === 'paragraph' && !block.allStrong && speakers.length === 0) return null;
  return { range: findTimeRange(slot[1] ?? ''), text, title, speakers };
}

/**
 * Talks from slot lines, each a heading, bold line or list item opening with its time
 * (`### 19:05-20:00 轻量级监控分析系统…`), followed by the speaker line and an abstract.
 */
function readTimedSlots(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  let talk: TalkDraft | null = null;
  let depth = 0;
  let abstract: string[] = [];
  const finish = () => {
    if (talk) talk.abstract = abstract.join('\n').trim() || null;
    talk = null;
    abstract = [];
  };
  for (const block of blocks) {
    const slot = readSlot(block);
    if (slot) {
      finish();
      const { range, text, title, speakers } = slot;
      if (isBreak(text)) continue;
      talk = {
        ...emptyTalk(cleanTitle(title), block.line),
        speakers,
        start: range?.start ?? null,
        end: range?.end ?? null,
      };
      talks.push(talk);
      depth = block.kind === 'heading' ? block.depth : 7;
      continue;
    }
    if (!talk) continue;
    const current: TalkDraft = talk;
    if (
      block.kind === 'break' ||
      (block.kind === 'heading' && (block.depth <= depth || AFTER_AGENDA.test(block.text)))
    ) {
      finish();
      continue;
    }
    const label = readLabel(block);
    const text = label && SPEAKER_LABEL.test(label.label) ? label.rest : block.text;
    if (current.speakers.length === 0 && abstract.length === 0) {
      const speakers = parseSpeakerText(text);
      if (speakers.length > 0) {
        current.speakers = speakers;
        continue;
      }
    }
    if (!label || ABSTRACT_LABEL.test(label.label)) abstract.push(label ? label.rest : block.text);
  }
  finish();
  return { talks, timezone: null, method: talks.length > 0 ? 'timed-slots' : 'none' };
}

/** A time opening an English agenda line: `9:45 - 10:15 `, `9:20am: `, `2:00pm – 2:30pm PT `. */
const LEADING_CLOCK = new RegExp(
  String.raw`^\s*\d{1,2}(?::\d{2})?\s*(?:[ap]m)?(?:\s*[-–—~]\s*\d{1,2}(?::\d{2})?\s*(?:[ap]m)?)?` +
    // A zone after the time is one of these, not any short word (`11:00 Flux Maturity Update`).
    String.raw`(?:\s*(?:P[SD]?T|E[SD]?T|C[SD]?T|M[SD]?T|UTC|GMT|CES?T|BST|IST|JST|KST|SGT|HKT|AE[SD]T)\b)?\s*:?\s+`,
  'i',
);

/** Separators between a title and its speakers on one line: ` -- `, ` — `, ` – `, ` - `. */
const TITLE_SPEAKER_DASH = /\s+(?:--|—|–|-)\s+/;

/** The shortest link text that can be a talk title rather than `here` or `slides`. */
const MIN_TITLE_LENGTH = 12;

/** A track or room naming the session line, not a speaker: `GitOpsCon:`, `Prometheus Days:`. */
function isTrackLabel(text: string): boolean {
  return /^[\w&+ .-]{2,30}$/.test(text) && !/,/.test(text) && splitSpeakerList(text).length === 1;
}

/** English speakers after a talk: `Tiffany Wang (Weaveworks) & Joaquin Rodriguez (Microsoft)`. */
function parseEnglishSpeakers(text: string): SpeakerMention[] {
  // An English talk line names people in Latin letters; Han text after its dash is prose.
  return parseSpeakers(text).filter((mention) => !/\p{Script=Han}/u.test(mention.name));
}

/**
 * The text of the quote under a talk line, every paragraph of it: a long panel is written
 * `> A & B (VMware), C (Weaveworks),` `>` `> D (Red Hat)`.
 */
function quoteAfter(blocks: Block[], index: number): string {
  const quote: string[] = [];
  for (const block of blocks.slice(index + 1)) {
    if (block.kind !== 'quote') break;
    quote.push(block.text);
  }
  return quote.join(' ');
}

/** A URL with no scheme: a page of the post's own site, such as `/blog/sofa-channel-12-retrospect/`. */
function isSiteLink(url: string): boolean {
  return !/^([a-z][\w+.-]*:|\/\/|#)/i.test(url);
}

/**
 * Where a sentence before a linked title turns from who to what: `J Evans, Infrastructure
 * Engineer at Strava, will share how Strava built…`. The people are named before the verb.
 */
const SPEAKERS_VERB =
  /,?\s+(?:will|shared?|shares|spoke|speaks?|talk(?:s|ed)?|gave|gives?|join(?:s|ed)?|present(?:s|ed)?|demonstrat(?:es?|ed)|walk(?:s|ed)?|dives?|dove|discuss(?:es|ed)?|explain(?:s|ed)?|show(?:s|ed)?|described?|covered)\b.*$/s;

/** Text before a link that runs into it as a sentence does, with no `:`, `-` or `,` between. */
const IN_SENTENCE = /\p{L}\s*$/u;

/** One English agenda line read as a talk, or null. */
function readTalkLine(block: Block, quote: string): TalkDraft | null {
  const clock = LEADING_CLOCK.exec(block.text);
  const range = clock ? findTimeRange(clock[0]) : null;
  const text = clock ? block.text.slice(clock[0].length) : block.text;
  const titleLink = block.links.find(
    (link) => link.label.length >= MIN_TITLE_LENGTH && !/^https?:/.test(link.label),
  );
  let title: string;
  let speakers: SpeakerMention[];
  if (titleLink && text.includes(titleLink.label)) {
    const at = text.indexOf(titleLink.label);
    // A link into the site is another post (a list of past recaps), and an untimed link in the
    // middle of a sentence (`take a look at our [Get Started guide]`) is a reference.
    if (isSiteLink(titleLink.url) || (!range && IN_SENTENCE.test(text.slice(0, at)))) return null;
    const before = text.slice(0, at).replace(/[\s:：|-]+$/, '');
    const after = text.slice(at + titleLink.label.length).replace(/^[\s:：|,–—-]+/, '');
    title = titleLink.label;
    speakers = after ? parseEnglishSpeakers(after) : [];
    // A sentence running on after the title (`… with Linkerd.`, `on Kubernetes`) may name a
    // product in one word; people named there are named in full.
    if (/^\p{Ll}/u.test(after) && speakers.some((speaker) => !/\s/.test(speaker.name)))
      speakers = [];
    if (speakers.length === 0 && before && !isTrackLabel(before))
      speakers = parseEnglishSpeakers(before.replace(SPEAKERS_VERB, ''));
    if (speakers.length === 0 && quote) speakers = parseEnglishSpeakers(quote);
    // A linked line with neither a time nor a speaker is a reference, not a session.
    if (speakers.length === 0 && !range) return null;
  } else {
    const parts = text.split(TITLE_SPEAKER_DASH);
    const named = parts.at(-1) ?? '';
    // `Server - PromQL 与多种存储层的设计与实现` is an outline point, not a talk by `PromQL`.
    if (parts.length < 2 || /\p{Script=Han}/u.test(named)) return null;
    speakers = parseEnglishSpeakers(named);
    if (speakers.length === 0 || speakers.some((speaker) => !/\s/.test(speaker.name))) return null;
    title = parts.slice(0, -1).join(' - ');
  }
  if (isBreak(title)) return null;
  return {
    ...emptyTalk(cleanTitle(title), block.line),
    speakers,
    start: range?.start ?? null,
    end: range?.end ?? null,
  };
}

/** Fewer talk lines than this are links in prose, not an agenda. */
const MIN_TALK_LINES = 2;

/**
 * Talks from English agenda lines: list items or timed paragraphs naming a linked title and its
 * speakers (`- [Title](https://sched.co/…) - Name, Company`, `9:45 - 10:15 Track: [Title](…)`
 * over a `> Name (Company)` quote, `- Title -- Name (Company)`). A day heading
 * (`## Tuesday, October 25`) dates the lines under it.
 */
function readTalkLines(blocks: Block[], context: AgendaContext): AgendaDraft {
  const talks: TalkDraft[] = [];
  let day: string | null = null;
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      day = findDates(block.text, context.postDate)[0]?.date ?? day;
      continue;
    }
    if (
      block.kind !== 'list-item' &&
      !(block.kind === 'paragraph' && LEADING_CLOCK.test(block.text))
    )
      continue;
    const talk = readTalkLine(block, quoteAfter(blocks, index));
    if (talk) talks.push({ ...talk, date: day });
  }
  if (talks.length < MIN_TALK_LINES) return { talks: [], timezone: null, method: 'none' };
  return { talks, timezone: null, method: 'talk-lines' };
}

/** Headings that name a part of an article, not a talk: `SOFABolt 简介`, `总结`, `Step1：…`. */
const SECTION_HEADING = /(简介|介绍|总结|回顾|前言|背景|规划|展望|理由|功能|步骤|^step\s*\d)/i;

/** Fewer titled headings than this are a post's own sections, not an agenda. */
const MIN_HEADING_TALKS = 2;

/** A label before a speaker's biography: `个人简介：张亮，京东金融数据研发负责人。` */
const BIOGRAPHY_LABEL = /^(?:个人简介|个人介绍|简介|嘉宾介绍|讲师介绍|讲师简介)\s*[：:]\s*/;

/**
 * The speaker a line under a talk heading introduces, `陈逸凡 花名无钩，蚂蚁金服资深开发工程师`: it
 * opens with a Chinese name and says what the person does. Prose that opens with a word that
 * could be a name (`目前，Mesh 化在蚂蚁…`, `欢迎加入 SOFAStack 用户群`) names no job.
 */
function readBiographyLine(text: string): SpeakerMention[] {
  const line = text.replace(/^[>\s]+/, '').replace(BIOGRAPHY_LABEL, '');
  const clause = line.split(/[。；;]/)[0] ?? '';
  const speakers = parseSpeakerText(clause);
  // The line must open with a Chinese name: English prose opens with capitalised words that
  // read as names.
  const name = speakers[0]?.name ?? '';
  if (!isHanName(name) || !line.startsWith(name) || !namesAJob(clause)) return [];
  return speakers;
}

/**
 * A heading that is a person, `### 张亮（京东金融数据研发负责人）`, over their talk's title in bold
 * further down the section (`**Service Mesh的延伸 —— 论道Database Mesh**`), as some meetup
 * pages introduce their speakers.
 */
function readSpeakerHeading(blocks: Block[], index: number): TalkDraft | null {
  const heading = blocks[index];
  const person = /^(\p{Script=Han}{2,4})\s*[（(]([^）)]+)[）)]$/u.exec(heading?.text ?? '');
  if (!heading || !person || !isHanName(person[1] ?? '')) return null;
  for (const block of blocks.slice(index + 1)) {
    if (block.kind === 'heading' && block.depth <= heading.depth) return null;
    // A bold label (`**分享主题：**`) announces the title rather than being it.
    if (!block.allStrong || /[：:]$/.test(block.text)) continue;
    const [speaker] = parseSpeakerText(heading.text);
    return { ...emptyTalk(cleanTitle(block.text), block.line), speakers: speaker ? [speaker] : [] };
  }
  return null;
}

/** A heading that numbers its talk: `## Talk 1: Meshing from monolith to microservices`. */
const NUMBERED_TALK = /^(?:talk|session|keynote|议题|分享)\s*\d{1,2}\s*[:：]\s*(.+)$/i;

/** How a recap's paragraph opens before naming the speaker: `In this talk, Leo Liang, …`. */
const RECAP_LEAD = /^(?:in (?:this|that|his|her|their) (?:talk|session|presentation),?\s*)/i;

/**
 * A talk under a heading that says it is one (`## Talk 2: REST to gRPC with Linkerd`), its
 * speakers those a paragraph under it names before its verb (`In this talk, Kevin Lingerfelt, a
 * software engineer at Buoyant, shared how…`), or none.
 */
function readNumberedTalk(blocks: Block[], index: number): TalkDraft | null {
  const heading = blocks[index];
  const title = NUMBERED_TALK.exec(heading?.text ?? '')?.[1];
  if (!heading || !title) return null;
  const section = blocks.slice(index + 1);
  const end = section.findIndex((block) => block.kind === 'heading');
  // The recording often comes first (a video link); the paragraph that says who spoke follows.
  const recap = section
    .slice(0, end === -1 ? undefined : end)
    .find((block) => block.kind === 'paragraph' && RECAP_LEAD.test(block.text));
  const who = recap?.text.replace(RECAP_LEAD, '').replace(SPEAKERS_VERB, '') ?? '';
  const speakers = who ? parseEnglishSpeakers(who) : [];
  return { ...emptyTalk(cleanTitle(title), heading.line), speakers };
}

/**
 * Talks as headings, each with its speaker on the first line under it, as recaps write them:
 * `#### SOFAMosn 持续演进路径及实践案例` over `陈逸凡 花名无钩，蚂蚁金服资深开发工程师…`; or headings
 * that are the speakers, over their talks' titles in bold (`readSpeakerHeading`).
 */
function readHeadingTalks(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'heading' || AFTER_AGENDA.test(block.text) || isBreak(block.text)) continue;
    const byPerson = readSpeakerHeading(blocks, index) ?? readNumberedTalk(blocks, index);
    if (byPerson) {
      talks.push(byPerson);
      continue;
    }
    const next = blocks.slice(index + 1).find((candidate) => candidate.text !== '');
    if (!next || (next.kind !== 'paragraph' && next.kind !== 'quote')) continue;
    const speakers = readBiographyLine(next.text);
    if (speakers.length === 0 || SECTION_HEADING.test(block.text)) continue;
    talks.push({ ...emptyTalk(cleanTitle(block.text), block.line), speakers });
  }
  if (talks.length < MIN_HEADING_TALKS) return { talks: [], timezone: null, method: 'none' };
  return { talks, timezone: null, method: 'headings' };
}

/**
 * A slide deck saved as a post: a lone H1 such as `最终版-敖小剑-长路漫漫踏歌而行：蚂蚁金服Service+Mesh实践探索`
 * (a file name, `+` for spaces) over a run of slide images. One talk, by the name in it.
 */
function readDeck(blocks: Block[]): AgendaDraft {
  const texts = blocks.filter((block) => block.text !== '');
  const heading = texts[0];
  if (texts.length !== 1 || !heading || heading.kind !== 'heading')
    return { talks: [], timezone: null, method: 'none' };
  const parts = heading.text
    .replace(/\.(pptx?|pdf|key)$/i, '')
    .replace(/\+/g, ' ')
    .split(/\s*[-_—]\s*/)
    .filter((part) => part && !VERSION_WORDS.test(part));
  const names = parts.filter((part) => isHanName(part));
  const title = parts.filter((part) => !isHanName(part)).join(' - ') || heading.text;
  const talk = emptyTalk(cleanTitle(title), heading.line);
  talk.speakers = names.map((name) => ({ name, org: null, role: null, aliases: [] }));
  return { talks: [talk], timezone: null, method: 'deck' };
}

/** What a reading may need besides the blocks. */
export interface AgendaContext {
  /** YYYY-MM-DD the post was published: the year of a day written without one. */
  postDate: string | null;
}

/** Reads the agenda with the first reading that finds talks. */
export function extractAgenda(
  blocks: Block[],
  context: AgendaContext = { postDate: null },
): AgendaDraft {
  const readings = [
    readTables,
    readSections,
    readBoldLines,
    // English lines may open with a time too (`9:20am: Name, Company: [Title](…)`): they are
    // read as talk lines first, so the am/pm and the linked title are understood.
    readTalkLines,
    readTimedSlots,
    readHeadingTalks,
    readDeck,
    readThemeTalk,
    readRecapSegments,
    readSessionKinds,
  ];
  for (const read of readings) {
    const agenda = read(blocks, context);
    const talks = agenda.talks.filter((talk) => !saysOnlyWhen(talk.title));
    if (talks.length > 0) return { ...agenda, talks };
  }
  return { talks: [], timezone: null, method: 'none' };
}

/** Words that say when and nothing else: months, weekdays, day parts, zones. */
const WHEN_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|day|time|pacific|eastern|central|mountain|[A-Z]{1,4}T|UTC|GMT)\b|(?<=\d)(?:st|nd|rd|th|am|pm)\b|[年月日号周星期上下午晚早时点分至到]/gi;

/**
 * True for a "title" that only says when, as a day or hours heading does (`October 10th`,
 * `09:00 am - 12:30pm Pacific time`, `10月23日 周六`): what remains without its dates, times and
 * their words is no word at all.
 */
export function saysOnlyWhen(title: string): boolean {
  return !/\p{L}/u.test(title.replace(WHEN_WORDS, ''));
}
