/** The evaluation's report: the figures as a table, then the posts most worth a look. Pure. */
import {
  f1Of,
  overallOf,
  type EventField,
  type MatchCounts,
  type PostScore,
  type Summary,
  type Tally,
} from './score';

/** How the corpus compiled: how long, and whether any post was lost. */
export interface CompileHealth {
  posts: number;
  milliseconds: number;
  /** Posts on which a step of the compiler threw (`internal-error`). */
  crashed: number;
  /** Posts that could not be read at all: empty, binary or too large. */
  unreadable: number;
  errors: number;
  warnings: number;
}

/** Where the figures came from, for the report's first lines. */
export interface EvaluationContext {
  corpus: string;
  labels: string;
  health: CompileHealth;
}

const DIGITS = 3;

function ratio(value: number | null): string {
  return value === null ? '—' : value.toFixed(DIGITS);
}

/** `0.873 (P 0.910 R 0.840, 412/453 gold, 440 predicted)` */
export function describeF1(counts: MatchCounts): string {
  const score = f1Of(counts);
  return `${score.f1.toFixed(DIGITS)} (P ${ratio(score.precision)} R ${ratio(score.recall)}, ${counts.matched}/${counts.gold} gold, ${counts.predicted} predicted)`;
}

function accuracy(correct: number, total: number): string {
  return ratio(total === 0 ? null : correct / total);
}

/** `0.947 (54/57; 1/3 stated)`: all answers, then those where the label gives a value. */
export function describeTally({ correct, total, statedCorrect, stated }: Tally): string {
  return `${accuracy(correct, total)} (${correct}/${total}; ${statedCorrect}/${stated} stated)`;
}

/** The metrics table's rows, name and figure, in the order they are printed. */
export function metricRows(summary: Summary): [string, string][] {
  const fieldRows = (Object.keys(summary.fields) as EventField[]).map((field): [string, string] => [
    `event ${field}`,
    describeTally(summary.fields[field]),
  ]);
  return [
    ['talk-title F1', describeF1(summary.titles)],
    ['speaker-name F1', describeF1(summary.speakers)],
    ...fieldRows,
    ['talk start (matched talks)', describeTally(summary.talkStart)],
    ['talk end (matched talks)', describeTally(summary.talkEnd)],
    ['speaker company (matched speakers)', describeTally(summary.company)],
  ];
}

function describeHealth({
  posts,
  milliseconds,
  crashed,
  unreadable,
  errors,
  warnings,
}: CompileHealth): string {
  return `${posts} posts compiled in ${(milliseconds / 1000).toFixed(1)} s: ${crashed} crashed, ${unreadable} unreadable, ${errors} error(s), ${warnings} warning(s)`;
}

function show(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/** The lines about one post in the worst-posts list. */
export function describePost(score: PostScore, rank: number): string[] {
  const fields = score.fields.filter((item) => item.correct).length;
  const lines = [
    `${rank}. ${overallOf(score).toFixed(2)}  ${score.source} (${score.kind})`,
    `   talks F1 ${describeF1(score.titles)}; speakers F1 ${f1Of(score.speakers).f1.toFixed(DIGITS)}; fields ${fields}/${score.fields.length}`,
  ];
  const wrong = score.fields.filter((item) => !item.correct);
  if (wrong.length > 0) {
    lines.push(
      `   wrong fields: ${wrong.map((item) => `${item.field} ${show(item.predicted)} (label ${show(item.gold)})`).join('; ')}`,
    );
  }
  for (const title of score.missingTalks) lines.push(`   missing  ${title}`);
  for (const title of score.spuriousTalks) lines.push(`   spurious ${title}`);
  return lines;
}

/** The whole text report: context, the metrics table, then the `worst` posts. */
export function formatReport(
  context: EvaluationContext,
  summary: Summary,
  worst: readonly PostScore[],
): string {
  const rows = metricRows(summary);
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    `Extraction of ${context.corpus} against ${summary.posts} labelled post(s) in ${context.labels}`,
    describeHealth(context.health),
    '',
    ...rows.map(([name, figure]) => `${name.padEnd(width)}  ${figure}`),
  ];
  if (worst.length > 0) {
    lines.push('', `The ${worst.length} worst post(s):`);
    worst.forEach((score, index) => lines.push(...describePost(score, index + 1)));
  }
  return lines.join('\n') + '\n';
}

/** The same as `formatReport`, as data: figures with their counts, and every post's score. */
export function reportAsJson(
  context: EvaluationContext,
  summary: Summary,
  scores: readonly PostScore[],
  worst: readonly PostScore[],
) {
  const withRatio = (tally: Tally) => ({
    ...tally,
    accuracy: tally.total === 0 ? null : tally.correct / tally.total,
    statedAccuracy: tally.stated === 0 ? null : tally.statedCorrect / tally.stated,
  });
  return {
    ...context,
    metrics: {
      posts: summary.posts,
      talkTitles: { ...summary.titles, ...f1Of(summary.titles) },
      speakerNames: { ...summary.speakers, ...f1Of(summary.speakers) },
      eventFields: Object.fromEntries(
        Object.entries(summary.fields).map(([field, tally]) => [field, withRatio(tally)]),
      ),
      talkStart: withRatio(summary.talkStart),
      talkEnd: withRatio(summary.talkEnd),
      speakerCompany: withRatio(summary.company),
    },
    worst: worst.map((score) => score.source),
    posts: scores.map((score) => ({ ...score, overall: overallOf(score) })),
  };
}
