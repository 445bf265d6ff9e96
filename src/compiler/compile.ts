/**
 * The compiler's pipeline, one verb per step: decode → split front matter → render Markdown →
 * extract the event → extract the agenda → match slides → build the bundle. Pure: the CLI owns
 * all I/O, and every problem comes back as a diagnostic rather than an exception, so one bad
 * post never stops the others.
 */
import type { Bundle } from '../lib/schema';
import { decodeText, type DecodedText } from './decode-text';
import { diagnostic, type Diagnostic } from './diagnostics';
import { extractAgenda, type TalkDraft } from './extract-agenda';
import { extractEvent, nameEventOfTalk } from './extract-event';
import { parseGlossary, type GlossarySource } from './glossary';
import { toBlocks } from './markdown-blocks';
import { findSlideLinks, matchSlides } from './match-slides';
import { parseFrontMatter, lineOfKey } from './parse-front-matter';
import { minutesOf } from './parse-times';
import type { EventDraft } from './extract-event';
import { readSingleTalk } from './read-single-talk';
import { checkAgendaAgainstTheme } from './read-theme-talk';
import {
  mergeSectionPages,
  pagePart,
  sessionFromPage,
  sessionsFromHeadings,
  sessionsUnderEventsHeading,
} from './merge-pages';
import { readSessions } from './read-sessions';
import { parseSpeakersFile, type SpeakersSource } from './read-speakers';
import type { SourceFile } from './read-content';
import { renderMarkdown } from './render-markdown';
import { resolveAuthorProfiles } from './author-profiles';
import { buildBundle, type PostDraft } from './build-bundle';
import type { DictionaryWord, WordDictionary } from './word-dictionary';
import { repairDamagedPosts } from './repair-posts';

/** Settings of one compilation. */
export interface CompileOptions {
  /** ISO 8601 time stamped into the bundle; the only part of the output that may vary. */
  generatedAt: string;
  /** The project's glossary (src/compiler/data/glossary.yaml, read by the CLI); none when absent. */
  glossary?: GlossarySource;
  /** The content's speakers file (`speakers.yaml`, read by the CLI): names that are one person. */
  speakers?: SpeakersSource;
  /**
   * Loads jieba's dictionary (`readDictionary`, read by the CLI) for restoring posts whose double
   * encoding lost bytes; called only when one did. Without it, the other posts alone are the model.
   */
  dictionary?: () => readonly DictionaryWord[] | WordDictionary;
}

/** One line of the report: what a post became. */
export interface PostReport {
  source: string;
  eventId: string | null;
  title: string | null;
  date: string | null;
  talkCount: number;
  diagnostics: Diagnostic[];
}

/** The bundle and everything said about the posts on the way. */
export interface CompileResult {
  bundle: Bundle;
  posts: PostReport[];
  diagnostics: Diagnostic[];
}

/**
 * Posts larger than this are not compiled: no event page is this long, and Markdown parsing
 * time grows with size. A post this big is almost always a pasted dump or a misnamed file.
 */
export const MAX_POST_BYTES = 2 * 1024 * 1024;

/** Share of control characters above which a file is binary, whatever its name. */
const MAX_CONTROL_SHARE = 0.01;

function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/** Checks that talk time ranges run forwards. */
function checkTalkTimes(talks: TalkDraft[], file: string, diagnostics: Diagnostic[]): void {
  for (const talk of talks) {
    if (talk.start && talk.end && minutesOf(talk.end) < minutesOf(talk.start)) {
      diagnostics.push(
        diagnostic(
          'warning',
          'time-range-reversed',
          file,
          `"${talk.title}" ends at ${talk.end}, before it starts at ${talk.start}; the end time was dropped. Correct the slot, e.g. 13:10-13:50.`,
          talk.line,
        ),
      );
      talk.end = null;
    }
  }
}

/**
 * What the agenda says about the event when the post does not say it itself: the days its
 * talks are on, and the end of the last talk of a one-day event.
 */
function fillEventFromTalks(event: EventDraft, talks: readonly TalkDraft[]): void {
  const days = talks
    .map((talk) => talk.date)
    .filter((day): day is string => day !== null)
    .sort();
  const first = days[0];
  const last = days.at(-1);
  if (!event.date && first) event.date = first;
  if (event.date && last && last > event.date && !event.endDate) event.endDate = last;
  if (event.end || !event.start || event.endDate) return;
  const ends = talks
    .map((talk) => talk.end)
    .filter((end): end is string => end !== null)
    .sort();
  const latest = ends.at(-1);
  if (latest && latest > event.start) event.end = latest;
}

/** Front-matter keys that date a page: a page with none of them may be part of another's event. */
const FRONT_MATTER_DATES = [
  'date',
  'publishdate',
  'publishDate',
  'pubDate',
  'eventDate',
  'event_date',
];

/** What compiling one post gave: its drafts (null when nothing could be made of it) and findings. */
export interface PostOutcome {
  source: string;
  draft: PostDraft | null;
  diagnostics: Diagnostic[];
}

/**
 * Compiles one post into drafts; null when nothing can be made of it (with an error saying why).
 * `repaired` is its restored text when its double encoding lost bytes (see `repair-posts`).
 */
function compilePost(file: SourceFile, repaired?: DecodedText): Omit<PostOutcome, 'source'> {
  const path = file.path;
  if (file.bytes.length === 0) {
    return {
      draft: null,
      diagnostics: [
        diagnostic(
          'error',
          'empty-post',
          path,
          'The file is empty: write front matter with a title and date, then the agenda, or delete the file.',
          1,
        ),
      ],
    };
  }
  if (file.bytes.length > MAX_POST_BYTES) {
    const megabytes = (file.bytes.length / 1024 / 1024).toFixed(1);
    return {
      draft: null,
      diagnostics: [
        diagnostic(
          'error',
          'post-too-large',
          path,
          `The post is ${megabytes} MB, over the ${MAX_POST_BYTES / 1024 / 1024} MB limit for one event; split it or move attachments out of the Markdown.`,
          1,
        ),
      ],
    };
  }
  if (isBinary(file.bytes)) {
    return {
      draft: null,
      diagnostics: [
        diagnostic(
          'error',
          'binary-file',
          path,
          'This is a binary file, not a Markdown post: rename it or move it out of the content folder.',
          1,
        ),
      ],
    };
  }
  const decoded = repaired ?? decodeText(file.bytes, path);
  const post = parseFrontMatter(decoded.text, path);
  const diagnostics = [...decoded.diagnostics, ...post.diagnostics];
  if (post.kind === 'none') {
    diagnostics.push(
      diagnostic(
        'warning',
        'no-front-matter',
        path,
        'The post has no front matter, so its title and date were guessed from the text; add --- title: … date: YYYY-MM-DD --- at the top.',
        1,
      ),
    );
  }
  const rendered = renderMarkdown(post.body, path, post.bodyLine);
  diagnostics.push(...rendered.diagnostics);
  const blocks = toBlocks(rendered.tokens, post.bodyLine);
  const {
    event,
    diagnostics: eventDiagnostics,
    isListing,
  } = extractEvent({
    file: path,
    post,
    blocks,
    text: rendered.text,
    videos: rendered.videos,
  });
  diagnostics.push(...eventDiagnostics);

  // A page with no date in its front matter may be one part of its folder's event (merge-pages).
  const partOfEvent = !FRONT_MATTER_DATES.some((key) => post.data[key] !== undefined);
  const sessions = readSessions(post, path);
  let talks: TalkDraft[];
  if (sessions) {
    talks = sessions.talks;
    diagnostics.push(...sessions.diagnostics);
  } else {
    const agenda = extractAgenda(blocks, { postDate: event.postDate });
    talks = agenda.talks;
    diagnostics.push(...checkAgendaAgainstTheme(talks, blocks, path, event.format));
    // A slide deck saved as a post is its one talk: its heading is a file name, not an event's.
    if (agenda.method === 'deck' && post.kind === 'none' && talks[0]) event.title = talks[0].title;
    if (agenda.timezone && !post.data.timezone && event.date) event.timezone = agenda.timezone;
    // A talk's own page or write-up: the post's title is the talk's, the event the one it names.
    // Its sections may read as talk headings (a speaker's name opening a paragraph); the post
    // saying it is one talk's write-up outweighs that.
    const single =
      talks.length === 0 || agenda.method === 'headings'
        ? readSingleTalk(post.data, blocks, post.bodyLine)
        : null;
    if (single) {
      talks = [{ ...single.talk, start: single.talk.start ?? event.start }];
      if (single.eventTitle) nameEventOfTalk(event, single.eventTitle, rendered.text);
      if (single.kind === 'talk-page') event.date ??= event.postDate;
    }
    // An undated page of a multi-page event (see merge-pages): its schedule, venue, activities
    // or social.
    const part = partOfEvent ? pagePart(path, event.title) : null;
    if (part === 'schedule' && talks.length === 0)
      talks = sessionsFromHeadings(blocks, post.bodyLine);
    if (part === 'activities' && talks.length === 0) talks = sessionsUnderEventsHeading(blocks);
    if (part === 'social' && talks.length === 0)
      talks = [sessionFromPage(event.title, rendered.text, post.bodyLine)];
    if (part === 'location')
      event.venue ??= blocks.find((block) => block.kind === 'heading')?.text ?? null;
  }
  // A newsletter's talks are other events' (extract-event's isListing): they date none of its own.
  if (!isListing) {
    fillEventFromTalks(event, talks);
    // A timetable with no day but the post's: the post was published for (or on) that day.
    if (!event.date && event.postDate && talks.some((talk) => talk.start))
      event.date = event.postDate;
  }
  const unmatched = matchSlides(talks, findSlideLinks(blocks));
  for (const link of unmatched) {
    if (!event.links.some((known) => known.url === link.url))
      event.links.push({ kind: 'slides', url: link.url, label: link.label });
  }
  checkTalkTimes(talks, path, diagnostics);
  if (talks.length === 0) {
    diagnostics.push(
      diagnostic(
        'warning',
        'no-talks',
        path,
        `No agenda was found: list the talks under sessions: in the front matter (see docs/content-format.md), or ${
          event.lang === 'zh'
            ? 'as a table, 《题目》 sections or bold 姓名（公司）：题目 lines'
            : 'as a table, or as "- 14:00 Title by Name (Company)" lines'
        }.`,
        post.bodyLine,
      ),
    );
  }
  if (!event.date) {
    diagnostics.push(
      diagnostic(
        'warning',
        'no-date',
        path,
        `The event has no date: write ${
          event.lang === 'zh' ? '活动时间：YYYY 年 MM 月 DD 日' : '"Date: September 26, 2023"'
        } in the post or eventDate: YYYY-MM-DD in the front matter.`,
        lineOfKey(post, 'date') ?? 1,
      ),
    );
  }
  const requestedId = typeof post.data.id === 'string' ? post.data.id : null;
  const slug = typeof post.data.slug === 'string' ? post.data.slug : null;
  return {
    draft: {
      source: path,
      event,
      talks,
      html: rendered.html,
      text: rendered.text,
      requestedId,
      slug,
      partOfEvent,
    },
    diagnostics,
  };
}

/**
 * Compiles one post, turning a crash in any step into an error on that post. Pure, so posts may
 * be compiled in any order or thread; the outcome is plain, structured-cloneable data.
 */
export function compilePostSafely(file: SourceFile, repaired?: DecodedText): PostOutcome {
  try {
    return { source: file.path, ...compilePost(file, repaired) };
  } catch (error) {
    // A bug in a step must cost one post, not the build; the message says where to report it.
    return {
      source: file.path,
      draft: null,
      diagnostics: [
        diagnostic(
          'error',
          'internal-error',
          file.path,
          `The compiler failed on this post (${(error as Error).message}); please report it with the post attached.`,
          1,
        ),
      ],
    };
  }
}

/**
 * The files in path order, whatever order they came in: who "first" names a speaker, or which of
 * two posts keeps a contested id, must not depend on how a file system lists a folder.
 */
export function sortByPath(files: readonly SourceFile[]): SourceFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Builds the bundle and the report from every post's outcome. The outcomes must be in path order
 * (see `sortByPath`): however they were compiled, the same outcomes give the same bundle.
 */
export function assembleResult(outcomes: PostOutcome[], options: CompileOptions): CompileResult {
  const reports: PostReport[] = [];
  const drafts: PostDraft[] = [];
  const draftReports: PostReport[] = [];
  for (const { source, draft, diagnostics } of outcomes) {
    const report: PostReport = {
      source,
      eventId: null,
      title: draft?.event.title ?? null,
      date: draft?.event.date ?? null,
      talkCount: draft?.talks.length ?? 0,
      diagnostics,
    };
    reports.push(report);
    if (draft) {
      drafts.push(draft);
      draftReports.push(report);
    }
  }
  const glossary = options.glossary
    ? parseGlossary(options.glossary)
    : { groups: [], diagnostics: [] };
  const declaredSpeakers = options.speakers
    ? parseSpeakersFile(options.speakers)
    : { speakers: [], diagnostics: [] };
  const profileDiagnostics = resolveAuthorProfiles(drafts, declaredSpeakers.speakers);
  const merged = mergeSectionPages(drafts);
  const {
    bundle,
    eventIds,
    diagnostics: bundleDiagnostics,
  } = buildBundle(merged.drafts, {
    generatedAt: options.generatedAt,
    glossary: glossary.groups,
    speakers: declaredSpeakers.speakers,
  });
  const eventIdBySource = new Map(
    merged.drafts.map((draft, index) => [draft.source, eventIds[index]]),
  );
  // Grouped once by file, in their order, rather than filtered once per post.
  const bundleDiagnosticsByFile = new Map<string, Diagnostic[]>();
  for (const item of [...profileDiagnostics, ...bundleDiagnostics]) {
    const group = bundleDiagnosticsByFile.get(item.file);
    if (group) group.push(item);
    else bundleDiagnosticsByFile.set(item.file, [item]);
  }
  const talkCountBySource = new Map(
    merged.drafts.map((draft) => [draft.source, draft.talks.length]),
  );
  draftReports.forEach((report) => {
    // A page folded into its section's event reports that event, and is not one on its own.
    const into = merged.mergedInto.get(report.source);
    const source = into ?? report.source;
    report.eventId = eventIdBySource.get(source) ?? null;
    report.talkCount = talkCountBySource.get(source) ?? report.talkCount;
    report.diagnostics = report.diagnostics.filter(
      (item) =>
        !(into && (item.code === 'no-talks' || item.code === 'no-date')) &&
        !(item.code === 'no-talks' && report.talkCount > 0),
    );
    report.diagnostics.push(...(bundleDiagnosticsByFile.get(report.source) ?? []));
  });
  return {
    bundle,
    posts: reports,
    diagnostics: [
      ...reports.flatMap((report) => report.diagnostics),
      ...glossary.diagnostics,
      ...declaredSpeakers.diagnostics,
    ],
  };
}

/** Compiles posts into a bundle. Pure: the same files, in any order, and options give the same result. */
export function compileContent(files: SourceFile[], options: CompileOptions): CompileResult {
  const repaired = repairPosts(files, options);
  const outcomes = sortByPath(files).map((file) =>
    compilePostSafely(file, repaired.get(file.path)),
  );
  return assembleResult(outcomes, options);
}

/** The restored text of each post that lost bytes, by path (see `repair-posts`). */
export function repairPosts(
  files: readonly SourceFile[],
  options: CompileOptions,
): Map<string, DecodedText> {
  return repairDamagedPosts(files, options.dictionary ?? (() => []), MAX_POST_BYTES);
}
