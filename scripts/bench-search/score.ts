/**
 * Recall and precision at 10, per query and per class. Both engines are read per kind, as
 * Sidecar shows its results: the top 10 events, the top 10 talks and the top 10 speakers.
 */
import type { JudgedQuery } from './query-sets';
import { KINDS, type IdsByKind } from './records';

/** Results read per kind. */
export const RESULT_LIMIT = 10;

/** How one engine did on one query. */
export interface QueryScore {
  /** Share of the relevant records it could show that it showed; null when none is relevant. */
  recall: number | null;
  /** Share of what it showed that is relevant; null when it showed nothing of a wanted answer. */
  precision: number | null;
}

/** How one engine did on one class of queries: means over its queries. */
export interface ClassScore {
  queries: number;
  recall: number | null;
  precision: number | null;
}

/** Scores the top `RESULT_LIMIT` of each kind of `found` against the truth of `judged`. */
export function scoreQuery(judged: JudgedQuery, found: IdsByKind): QueryScore {
  let hits = 0;
  let wanted = 0;
  let shown = 0;
  for (const kind of KINDS) {
    const top = found[kind].slice(0, RESULT_LIMIT);
    hits += top.filter((id) => judged.relevant[kind].has(id)).length;
    wanted += Math.min(RESULT_LIMIT, judged.relevant[kind].size);
    shown += top.length;
  }
  return {
    recall: wanted > 0 ? hits / wanted : null,
    precision: shown > 0 ? hits / shown : wanted > 0 ? null : 1,
  };
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0
    ? present.reduce((sum, value) => sum + value, 0) / present.length
    : null;
}

/** Means per class, in the order classes first appear in `queries`. */
export function scoreClasses(
  queries: readonly JudgedQuery[],
  scores: readonly QueryScore[],
): Map<string, ClassScore> {
  const byClass = new Map<string, QueryScore[]>();
  queries.forEach((query, index) => {
    const score = scores[index];
    if (!score) return;
    const list = byClass.get(query.class);
    if (list) list.push(score);
    else byClass.set(query.class, [score]);
  });
  const result = new Map<string, ClassScore>();
  for (const [name, list] of byClass) {
    result.set(name, {
      queries: list.length,
      recall: mean(list.map((score) => score.recall)),
      precision: mean(list.map((score) => score.precision)),
    });
  }
  return result;
}
