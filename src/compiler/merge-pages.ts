/**
 * Events split over several pages of one folder, as Hugo docs sites write them: the section's
 * `_index.md` names the event and its date, and sibling pages with no date in their front matter (`schedule.md`,
 * `location.md`, `social.md`) each add a part. They compile into one event: the section page's,
 * with the parts' talks, venue and links.
 */
import path from 'node:path';
import type { PostDraft } from './build-bundle';
import { emptyTalk, saysOnlyWhen, type TalkDraft } from './extract-agenda';
import type { Block } from './markdown-blocks';
import { findTimeRange } from './parse-times';
import { readSessionHosts } from './read-session-hosts';

/** A Hugo section's own page. */
const SECTION_PAGE = '_index.md';

/** What part of an event an undated page of its folder describes, read from its title. */
export type PagePart = 'schedule' | 'location' | 'social' | 'activities' | null;

const PART_TITLES: [RegExp, Exclude<PagePart, null>][] = [
  [/^(schedule|agenda|program(me)?|议程|日程)\b/i, 'schedule'],
  [/^(location|venue)\b|场地|地点/i, 'location'],
  [/^(events? and activities|activities)\b/i, 'activities'],
  [/\b(social|party|reception|celebration)\b|晚宴|聚会/i, 'social'],
];

/**
 * The part a page is, from its title; null for a page that is an event of its own, and for the
 * section's own page, which names the event however its title reads (`Contributor Celebration`).
 */
export function pagePart(source: string, title: string): PagePart {
  if (path.posix.basename(source) === SECTION_PAGE) return null;
  return PART_TITLES.find(([pattern]) => pattern.test(title.trim()))?.[1] ?? null;
}

/** Headings of a schedule page that are about the page, not a session on it. */
const NOT_A_SESSION =
  /^(schedule|agenda|cfp|call for (papers|proposals)|registration|register|faq|code of conduct|health|covid|recordings?|photos?|sponsors?|note)\b/i;

/** The blocks under a heading, up to the next heading. */
function blocksUnder(blocks: Block[], heading: Block): Block[] {
  const under = blocks.slice(blocks.indexOf(heading) + 1);
  const next = under.findIndex((block) => block.kind === 'heading');
  return next === -1 ? under : under.slice(0, next);
}

/** A link to one day's run of a session held more than once: `Friday Session Link`. */
const DAY_SESSION_LINK =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*\bsession\b/i;

/**
 * A session named by a heading, run by the people its prose says host or take part in it; one
 * per day when its links say it runs on several days (`Friday Session Link`, `Saturday Session
 * Link`), as a session repeated for time zones does.
 */
function sessionsUnder(blocks: Block[], heading: Block, line = heading.line): TalkDraft[] {
  const under = blocksUnder(blocks, heading);
  const speakers = readSessionHosts(under.map((block) => block.text).join(' '));
  const days = under.flatMap((block) =>
    block.links.filter((link) => DAY_SESSION_LINK.test(link.label)),
  );
  const runs = days.length >= 2 ? days.length : 1;
  return Array.from({ length: runs }, () => ({
    ...emptyTalk(heading.text, line),
    speakers: structuredClone(speakers),
  }));
}

/**
 * Sessions of a schedule page that lists program blocks as headings (`## Steering AMA`,
 * `## Unconference`), for sites whose real timetable is an embedded widget.
 */
export function sessionsFromHeadings(blocks: Block[], line: number): TalkDraft[] {
  const headings = blocks.filter((block) => block.kind === 'heading');
  const depth = Math.min(...headings.map((heading) => heading.depth));
  return headings
    .filter(
      (heading) =>
        heading.depth === depth &&
        !NOT_A_SESSION.test(heading.text) &&
        // A day heading (`### October 10th`) over registration hours names no session.
        !saysOnlyWhen(heading.text),
    )
    .flatMap((heading) => sessionsUnder(blocks, heading, heading.line || line));
}

/** The heading of an activities page over its scheduled events, as against its games or photo booth. */
const EVENTS_HEADING = /^(events|sessions|talks|program(me)?)$/i;

/**
 * Sessions of an activities page: the headings one level under its `## Events` heading
 * (`### Kubernetes Contributor Awards`), not the party games and board games beside it.
 */
export function sessionsUnderEventsHeading(blocks: Block[]): TalkDraft[] {
  const sessions: TalkDraft[] = [];
  let depth: number | null = null;
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    if (depth !== null && block.depth <= depth) depth = null;
    if (depth === null && EVENTS_HEADING.test(block.text)) depth = block.depth;
    else if (depth !== null && block.depth === depth + 1)
      sessions.push(...sessionsUnder(blocks, block));
  }
  return sessions;
}

/** A social evening page as one session: its title, and the hours its text gives (`from 6pm to 9pm`). */
export function sessionFromPage(title: string, text: string, line: number): TalkDraft {
  const range = findTimeRange(text);
  return { ...emptyTalk(title, line), start: range?.start ?? null, end: range?.end ?? null };
}

/** The merged drafts, and for every folded page the source of the event it joined. */
export interface MergedPages {
  drafts: PostDraft[];
  mergedInto: Map<string, string>;
}

/** Folds each section's undated sibling pages into the section's `_index.md` event. */
export function mergeSectionPages(drafts: readonly PostDraft[]): MergedPages {
  const sections = new Map<string, PostDraft>();
  for (const draft of drafts) {
    if (path.posix.basename(draft.source) === SECTION_PAGE)
      sections.set(path.posix.dirname(draft.source), draft);
  }
  const mergedInto = new Map<string, string>();
  const merged = new Map<PostDraft, PostDraft>();
  const result: PostDraft[] = [];
  for (const draft of drafts) {
    const section = sections.get(path.posix.dirname(draft.source));
    if (!section || section === draft || !draft.partOfEvent) {
      result.push(draft);
      continue;
    }
    const target = merged.get(section) ?? structuredClone(section);
    merged.set(section, target);
    target.talks.push(...draft.talks);
    const event = target.event;
    event.venue ??= draft.event.venue;
    event.city ??= draft.event.city;
    event.format ??= draft.event.format;
    for (const link of draft.event.links)
      if (!event.links.some((known) => known.url === link.url)) event.links.push(link);
    mergedInto.set(draft.source, section.source);
  }
  return {
    drafts: result.map((draft) => merged.get(draft) ?? draft),
    mergedInto,
  };
}
