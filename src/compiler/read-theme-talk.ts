/**
 * A livestream or webinar page that is one session and says so with labels rather than an
 * agenda: `活动主题：SOFAChannel#31:RPC 框架设计的考和量` over a `## 嘉宾` list, or
 * `#### **分享主题：**` and `#### **分享嘉宾：**` headings each over its value. The theme is the
 * talk's title, the guests its speakers, and the labelled time its slot.
 */
import { cleanTitle, emptyTalk, type AgendaDraft, type TalkDraft } from './extract-agenda';
import type { EventFormat } from '../lib/schema';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { Block } from './markdown-blocks';
import { similarity } from './match-slides';
import { findTimeRange } from './parse-times';
import { parseChineseSpeaker, type SpeakerMention } from './parse-speakers';

/** Labels of the session's title. */
const THEME_LABEL = /^(活动主题|分享主题|直播主题|主题|议题)$/;

/** Labels of the people giving it. */
const GUEST_LABEL = /^(分享嘉宾|直播嘉宾|嘉宾|讲师|分享人|主讲人?)$/;

/** Labels of its time. */
const TIME_LABEL = /^(活动时间|直播时间|时间)$/;

/** More guests than this under one theme are a meetup's line-up, not one talk's speakers. */
const MAX_GUESTS = 2;

/** A series number in front of the theme: `SOFAChannel#13：`, `SOFAChannel#31 `. */
const SERIES_PREFIX = /^[A-Za-z][\w -]*?#\s*\d+\s*[：:]?\s*/;

/** A block's label and the text after it: `主题：…`, `**嘉宾**：…`, `#### **分享主题：**`. */
function readLabel(block: Block): { label: string; rest: string } | null {
  const match = /^([\p{Script=Han}A-Za-z ]{1,6}?)\s*(?:[：:]\s*(.*))?$/u.exec(block.text);
  if (!match) return null;
  const label = (match[1] ?? '').trim();
  const rest = (match[2] ?? '').trim();
  // A bare word is a label only when it stands alone as a heading: `## 嘉宾`.
  if (match[2] === undefined && block.kind !== 'heading') return null;
  return { label, rest };
}

/** What a label with nothing after it stands over: a heading its section, a line the next line. */
function blocksUnder(blocks: Block[], index: number): Block[] {
  if (blocks[index]?.kind !== 'heading') return blocks.slice(index + 1, index + 2);
  const end = blocks.findIndex((block, at) => at > index && block.kind === 'heading');
  return blocks.slice(index + 1, end === -1 ? undefined : end);
}

/** A line that is a name and nothing else but a parenthesis: `马金晶（花名：楚贤）`. */
const NAME_ONLY = /^\p{Script=Han}{2,4}\s*(?:[（(][^）)]*[）)])?$/u;

/**
 * Guests from the lines under a `嘉宾` label. A guest list gives every person a line of the same
 * shape, followed by their role and biography: when the first guest's line is a name alone, a
 * later line names another guest only when it is a name alone too (`基于 P2P 的文件…` is a
 * biography), and when it is `name，role`, every `name，role` line is a guest.
 */
function readGuests(lines: Block[]): SpeakerMention[] {
  const guests: SpeakerMention[] = [];
  let nameAlone: boolean | null = null;
  for (const block of lines) {
    if (readLabel(block)) continue;
    const mention = parseChineseSpeaker(block.text);
    if (!mention) continue;
    const shape = NAME_ONLY.test(block.text);
    nameAlone ??= shape;
    if (shape === nameAlone) guests.push(mention);
  }
  return guests;
}

/** The title a theme gives: what its 《》 hold, else the theme less its series number. */
function themeTitle(theme: string): string {
  const booked = /《(.+?)》/.exec(theme)?.[1];
  return cleanTitle(booked ?? theme.replace(SERIES_PREFIX, ''));
}

/** What a page labels about its one session: the theme, the guests and the time. */
interface LabelledSession {
  theme: { title: string; line: number } | null;
  guests: SpeakerMention[];
  time: string | null;
}

function readLabelledSession(blocks: Block[]): LabelledSession {
  const found: LabelledSession = { theme: null, guests: [], time: null };
  for (const [index, block] of blocks.entries()) {
    const label = readLabel(block);
    if (!label) continue;
    const under = label.rest ? [] : blocksUnder(blocks, index);
    if (!found.theme && THEME_LABEL.test(label.label)) {
      const title = label.rest || under[0]?.text || '';
      if (title) found.theme = { title, line: block.line };
    } else if (found.guests.length === 0 && GUEST_LABEL.test(label.label)) {
      found.guests = label.rest ? readGuests([{ ...block, text: label.rest }]) : readGuests(under);
    } else if (found.time === null && TIME_LABEL.test(label.label)) {
      found.time = label.rest;
    }
  }
  return found;
}

/** The one talk of a page that labels its theme and its guests, or no talk. */
export function readThemeTalk(blocks: Block[]): AgendaDraft {
  const { theme, guests, time } = readLabelledSession(blocks);
  if (!theme || guests.length === 0 || guests.length > MAX_GUESTS)
    return { talks: [], timezone: null, method: 'none' };
  const range = time ? findTimeRange(time) : null;
  const talk: TalkDraft = {
    ...emptyTalk(themeTitle(theme.title), theme.line),
    speakers: guests,
    start: range?.start ?? null,
    end: range?.end ?? null,
  };
  return { talks: [talk], timezone: null, method: 'theme' };
}

/** A slot for the host rather than a talk: `主持人开场`, `Opening`, a slot given by the host. */
const HOST_SLOT = /主持|开场|host|moderator|welcome|opening/i;

function isHostSlot(talk: TalkDraft): boolean {
  return (
    HOST_SLOT.test(talk.title) ||
    talk.speakers.some((speaker) => HOST_SLOT.test(speaker.role ?? ''))
  );
}

/** Below this share of common character pairs, two titles name different talks. */
const MIN_TITLE_LIKENESS = 0.3;

/** How alike two titles are (Dice over character pairs, 0 to 1), full-width letters folded. */
function titleLikeness(a: string, b: string): number {
  return similarity(a.normalize('NFKC'), b.normalize('NFKC'));
}

/**
 * An online episode of a numbered series (`活动主题：SOFAChannel#13：…`, `活动形式：线上直播`) is
 * one talk on its theme; a numbered meetup (`SOFAMeetup#12 上海站`) is not. When
 * the agenda's one talk is titled as something else entirely, the agenda was copied from an
 * earlier issue: the theme is the talk's title, and the slot is reported at its line.
 */
export function checkAgendaAgainstTheme(
  talks: TalkDraft[],
  blocks: Block[],
  file: string,
  format: EventFormat | null,
): Diagnostic[] {
  if (format !== 'online') return [];
  const { theme } = readLabelledSession(blocks);
  const talksProper = talks.filter((talk) => !isHostSlot(talk));
  const talk = talksProper[0];
  if (!theme || !SERIES_PREFIX.test(theme.title) || talksProper.length !== 1 || !talk) return [];
  const title = themeTitle(theme.title);
  if (titleLikeness(talk.title, title) >= MIN_TITLE_LIKENESS) return [];
  const copied = talk.title;
  talk.title = title;
  return [
    diagnostic(
      'warning',
      'agenda-title-mismatch',
      file,
      `The agenda's talk "${copied}" is not this episode's theme "${title}" (line ${theme.line}); it looks copied from an earlier issue, so the theme was used. Correct the agenda slot's title.`,
      talk.line,
    ),
  ];
}
