/**
 * Scoring extraction against labels: pure functions from a label and what the compiler made of
 * the same post to counts, and from counts to the figures the report prints.
 *
 * Titles and names are compared after `normaliseText`, so that a title written 《服务网格入门》 in
 * one place and 服务网格入门 in another, or Ｋｕｂｅｒｎｅｔｅｓ and kubernetes, count as the same.
 */
import { isSameCity } from '../../src/compiler/places';
import type { Bundle, Event, Talk } from '../../src/lib/schema';
import type { Label, LabelEvent, LabelSpeaker, LabelTalk } from './labels';

/**
 * The comparable form of a title or name: NFKC (full-width letters and digits become ASCII),
 * lower case, with every punctuation mark and symbol (ASCII and CJK: 《》“”「」【】：-—·) and all
 * whitespace removed. Whitespace goes entirely because authors space mixed Chinese and Latin text
 * inconsistently ("在 Kubernetes 上" and "在Kubernetes上" are one title).
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

/** What a one-to-one matching paired, and what it left over on each side. */
export interface Matching<G, P> {
  pairs: [G, P][];
  missing: G[];
  spurious: P[];
}

/**
 * Pairs gold and predicted items whose keys are equal, each item at most once, in gold order.
 * With equality as the only test, taking the first unused predicted item with the same key is a
 * maximum matching: items with equal keys are interchangeable.
 */
export function matchOneToOne<G, P>(
  gold: readonly G[],
  predicted: readonly P[],
  keyOfGold: (item: G) => string,
  keyOfPredicted: (item: P) => string,
): Matching<G, P> {
  // Indices rather than items, so that equal primitives (two speakers both named 张三) stay apart.
  const unused = new Map<string, number[]>();
  predicted.forEach((item, index) => {
    const key = keyOfPredicted(item);
    const bucket = unused.get(key);
    if (bucket) bucket.push(index);
    else unused.set(key, [index]);
  });
  const pairs: [G, P][] = [];
  const missing: G[] = [];
  const paired = new Set<number>();
  for (const item of gold) {
    const index = unused.get(keyOfGold(item))?.shift();
    if (index === undefined) {
      missing.push(item);
    } else {
      pairs.push([item, predicted[index] as P]);
      paired.add(index);
    }
  }
  return { pairs, missing, spurious: predicted.filter((_, index) => !paired.has(index)) };
}

/** Counts behind a precision, recall and F1: items matched, predicted and in the gold labels. */
export interface MatchCounts {
  matched: number;
  predicted: number;
  gold: number;
}

/** Precision, recall and F1 of counts; null where a ratio has nothing to divide by. */
export interface F1Score {
  precision: number | null;
  recall: number | null;
  /** 1 when both sides are empty (nothing to find, nothing found), 0 when only one is. */
  f1: number;
}

/** Scores counts. Micro-averaging is summing counts over posts first, then calling this. */
export function f1Of({ matched, predicted, gold }: MatchCounts): F1Score {
  return {
    precision: predicted === 0 ? null : matched / predicted,
    recall: gold === 0 ? null : matched / gold,
    f1: predicted + gold === 0 ? 1 : (2 * matched) / (predicted + gold),
  };
}

/** Adds counts together, as micro-averaging over posts does. */
export function sumCounts(counts: readonly MatchCounts[]): MatchCounts {
  return counts.reduce(
    (total, item) => ({
      matched: total.matched + item.matched,
      predicted: total.predicted + item.predicted,
      gold: total.gold + item.gold,
    }),
    { matched: 0, predicted: 0, gold: 0 },
  );
}

/**
 * Right answers out of questions asked, and the same among the questions whose labelled answer is a
 * value: where most labels say null, the second pair shows whether the compiler finds the facts
 * that are there, not only whether it leaves absent ones alone.
 */
export interface Tally {
  correct: number;
  total: number;
  statedCorrect: number;
  stated: number;
}

/** One fact checked: the label's value (null when the post does not give it) and the verdict. */
export interface Outcome {
  gold: string | null;
  correct: boolean;
}

/** Counts the right answers among `outcomes`, overall and where the label gives a value. */
export function tally(outcomes: readonly Outcome[]): Tally {
  const stated = outcomes.filter((outcome) => outcome.gold !== null);
  return {
    correct: outcomes.filter((outcome) => outcome.correct).length,
    total: outcomes.length,
    statedCorrect: stated.filter((outcome) => outcome.correct).length,
    stated: stated.length,
  };
}

/** Adds tallies together, as summing over posts does. */
export function addTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (sum, item) => ({
      correct: sum.correct + item.correct,
      total: sum.total + item.total,
      statedCorrect: sum.statedCorrect + item.statedCorrect,
      stated: sum.stated + item.stated,
    }),
    { correct: 0, total: 0, statedCorrect: 0, stated: 0 },
  );
}

/** True when two facts agree; a fact neither side has (null and null) agrees too. */
function agree(
  gold: string | null,
  predicted: string | null,
  same: (a: string, b: string) => boolean,
): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  return same(gold, predicted);
}

const exactly = (a: string, b: string) => a === b;
const asText = (a: string, b: string) => normaliseText(a) === normaliseText(b);
/** Spellings of one known city agree (上海, Shanghai); other names agree when their text does. */
const asCity = (a: string, b: string) => isSameCity(a, b) || asText(a, b);

/** The event fields scored, each with how its values are compared. */
export const EVENT_FIELDS = {
  title: asText,
  date: exactly,
  endDate: exactly,
  start: exactly,
  end: exactly,
  timezone: exactly,
  city: asCity,
  venue: asText,
  format: exactly,
} satisfies Record<keyof LabelEvent, (a: string, b: string) => boolean>;

/** A scored event field: title, date, endDate, start, end, timezone, city, venue or format. */
export type EventField = keyof typeof EVENT_FIELDS;

/** True when the compiled value of `field` agrees with the label (null and null agree). */
export function fieldAgrees(
  field: EventField,
  gold: string | null,
  predicted: string | null,
): boolean {
  return agree(gold, predicted, EVENT_FIELDS[field]);
}

/** One event field as labelled and as compiled. */
export interface FieldOutcome extends Outcome {
  field: EventField;
  predicted: string | null;
}

/** What the compiler made of one labelled post: its event (if any) and its talks in agenda order. */
export interface Prediction {
  event: Event | null;
  talks: Talk[];
}

/** A bundle's events by source path and talks by id, looked up once for every label. */
export interface CompiledIndex {
  eventsBySource: Map<string, Event>;
  talksById: Map<string, Talk>;
}

/** Indexes a bundle's events by source and talks by id. */
export function indexCompiled(bundle: Pick<Bundle, 'events' | 'talks'>): CompiledIndex {
  return {
    eventsBySource: new Map(bundle.events.map((event) => [event.source, event])),
    talksById: new Map(bundle.talks.map((talk) => [talk.id, talk])),
  };
}

/**
 * What the compiler made of a label's post: the event compiled from its `source`, and the talks of
 * every one of its pages, in page order. A multi-page event whose agenda is on `schedule.md` is
 * scored on those talks whether the compiler joins the pages into one event or not.
 */
export function predictionFor(label: Label, compiled: CompiledIndex): Prediction {
  const talks = label.pages.flatMap((page) =>
    (compiled.eventsBySource.get(page)?.talkIds ?? []).flatMap(
      (id) => compiled.talksById.get(id) ?? [],
    ),
  );
  return { event: compiled.eventsBySource.get(label.source) ?? null, talks };
}

/** The label paths (sources and pages) that name no file of the corpus, each with its label. */
export function findUnknownPaths(
  labels: readonly Label[],
  corpusPaths: ReadonlySet<string>,
): string[] {
  return labels.flatMap((label, index) =>
    label.pages
      .filter((page) => !corpusPaths.has(page))
      .map((page) => `posts[${index}]${page === label.source ? '.source' : '.pages'}: ${page}`),
  );
}

/** Every figure for one labelled post, and the talks to look at when it scores badly. */
export interface PostScore {
  source: string;
  kind: Label['kind'];
  titles: MatchCounts;
  speakers: MatchCounts;
  /** Empty for a post that is not about an event: it has no event facts to get right. */
  fields: FieldOutcome[];
  talkStart: Tally;
  talkEnd: Tally;
  company: Tally;
  missingTalks: string[];
  spuriousTalks: string[];
}

function speakerNamesOf(talks: readonly (LabelTalk | Talk)[]): string[] {
  return talks.flatMap((talk) => talk.speakers.map((speaker) => speaker.name));
}

/** Counts the names two multisets share: each name matches at most as often as it occurs in both. */
export function countSharedNames(
  gold: readonly string[],
  predicted: readonly string[],
): MatchCounts {
  const { pairs } = matchOneToOne(gold, predicted, normaliseText, normaliseText);
  return { matched: pairs.length, predicted: predicted.length, gold: gold.length };
}

/** Company agreement of the speakers of matched talks, speakers paired by name. */
function scoreCompanies(pairs: readonly [LabelTalk, Talk][]): Tally {
  const outcomes = pairs.flatMap(([gold, predicted]) =>
    matchOneToOne(
      gold.speakers,
      predicted.speakers,
      (speaker: LabelSpeaker) => normaliseText(speaker.name),
      (speaker) => normaliseText(speaker.name),
    ).pairs.map(([goldSpeaker, predictedSpeaker]) => ({
      gold: goldSpeaker.company,
      correct: agree(goldSpeaker.company, predictedSpeaker.org, asText),
    })),
  );
  return tally(outcomes);
}

/** True when two talks name a speaker in common. */
function shareASpeaker(gold: LabelTalk, predicted: Talk): boolean {
  const names = new Set(gold.speakers.map((speaker) => normaliseText(speaker.name)));
  return predicted.speakers.some((speaker) => names.has(normaliseText(speaker.name)));
}

/** How a post's labelled talks were found among its compiled ones. */
export interface TalkMatching {
  /** Labelled talks with a title, paired with the compiled talk of the same title. */
  byTitle: [LabelTalk, Talk][];
  /** Untitled labelled talks, paired with a leftover compiled talk that shares a speaker. */
  bySpeaker: [LabelTalk, Talk][];
  missing: LabelTalk[];
  spurious: Talk[];
}

/**
 * Pairs labelled talks with compiled ones: first by title, then each untitled labelled talk (a
 * session the post describes without a title) with a leftover compiled talk that shares one of its
 * speakers. Whatever title the compiler gave such a session, it found it, so it is not spurious.
 */
export function matchTalks(gold: readonly LabelTalk[], predicted: readonly Talk[]): TalkMatching {
  const titled = gold.filter((talk): talk is LabelTalk & { title: string } => talk.title !== null);
  const byTitle = matchOneToOne(
    titled,
    predicted,
    (talk) => normaliseText(talk.title),
    (talk) => normaliseText(talk.title),
  );
  const leftover = [...byTitle.spurious];
  const bySpeaker: [LabelTalk, Talk][] = [];
  const missing: LabelTalk[] = [...byTitle.missing];
  for (const talk of gold.filter((item) => item.title === null)) {
    const index = leftover.findIndex((candidate) => shareASpeaker(talk, candidate));
    if (index === -1) missing.push(talk);
    else bySpeaker.push([talk, ...leftover.splice(index, 1)] as [LabelTalk, Talk]);
  }
  return { byTitle: byTitle.pairs, bySpeaker, missing, spurious: leftover };
}

/** How a missing talk is listed: its title, or its speakers when the post gives it no title. */
function describeMissing(talk: LabelTalk): string {
  if (talk.title !== null) return talk.title;
  const names = talk.speakers.map((speaker) => speaker.name).join(', ');
  return `(untitled${names ? `, by ${names}` : ''})`;
}

/**
 * Scores one labelled post against what the compiler made of it. Talk-title F1 counts the titled
 * labelled talks and every compiled talk except those paired with an untitled one: a title cannot
 * be right or wrong where the post gives none.
 */
export function scorePost(label: Label, prediction: Prediction): PostScore {
  const talks = matchTalks(label.talks, prediction.talks);
  const paired = [...talks.byTitle, ...talks.bySpeaker];
  const fields =
    label.kind === 'not-an-event'
      ? []
      : (Object.keys(EVENT_FIELDS) as EventField[]).map((field) => {
          const gold = label.event[field];
          const predicted = prediction.event?.[field] ?? null;
          return { field, gold, predicted, correct: fieldAgrees(field, gold, predicted) };
        });
  return {
    source: label.source,
    kind: label.kind,
    titles: {
      matched: talks.byTitle.length,
      predicted: prediction.talks.length - talks.bySpeaker.length,
      gold: label.talks.filter((talk) => talk.title !== null).length,
    },
    speakers: countSharedNames(speakerNamesOf(label.talks), speakerNamesOf(prediction.talks)),
    fields,
    talkStart: tally(
      paired.map(([gold, predicted]) => ({
        gold: gold.start,
        correct: gold.start === predicted.start,
      })),
    ),
    talkEnd: tally(
      paired.map(([gold, predicted]) => ({ gold: gold.end, correct: gold.end === predicted.end })),
    ),
    company: scoreCompanies(paired),
    missingTalks: talks.missing.map(describeMissing),
    spuriousTalks: talks.spurious.map((talk) => talk.title),
  };
}

/**
 * How well one post went, from 0 to 1, to rank the posts most worth an engineer's look: the mean
 * of its talk-title F1, speaker F1 and share of event fields right (the fields only when it has
 * an event).
 */
export function overallOf(score: PostScore): number {
  const parts = [f1Of(score.titles).f1, f1Of(score.speakers).f1];
  const fields = tally(score.fields);
  if (fields.total > 0) parts.push(fields.correct / fields.total);
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

/**
 * The `count` worst posts, lowest overall score first; among equals, the one with more labelled
 * talks first, since there is more to fix there.
 */
export function worstPosts(scores: readonly PostScore[], count: number): PostScore[] {
  return [...scores]
    .sort(
      (a, b) =>
        overallOf(a) - overallOf(b) ||
        b.titles.gold - a.titles.gold ||
        (a.source < b.source ? -1 : 1),
    )
    .slice(0, count);
}

/** The corpus-wide figures: every count summed over the labelled posts. */
export interface Summary {
  posts: number;
  titles: MatchCounts;
  speakers: MatchCounts;
  fields: Record<EventField, Tally>;
  talkStart: Tally;
  talkEnd: Tally;
  company: Tally;
}

/** Sums post scores into the corpus-wide figures (micro-averages). */
export function summarise(scores: readonly PostScore[]): Summary {
  const fields = Object.fromEntries(
    (Object.keys(EVENT_FIELDS) as EventField[]).map((field) => [
      field,
      tally(scores.flatMap((score) => score.fields.filter((item) => item.field === field))),
    ]),
  ) as Record<EventField, Tally>;
  return {
    posts: scores.length,
    titles: sumCounts(scores.map((score) => score.titles)),
    speakers: sumCounts(scores.map((score) => score.speakers)),
    fields,
    talkStart: addTallies(scores.map((score) => score.talkStart)),
    talkEnd: addTallies(scores.map((score) => score.talkEnd)),
    company: addTallies(scores.map((score) => score.company)),
  };
}
