/**
 * Talk views for a list of ids, as the data worker answers them: a shared agenda's preview and
 * the starred talks' calendar file both need each talk with its event and venue.
 */
import { query } from '$lib/client/query';
import type { TalkView } from '$lib/views';

/** The talks found, in the order asked, and the ids the content does not have. */
export interface FoundTalks {
  found: TalkView[];
  unknown: string[];
}

/** Looks up every id; an id the content lacks is reported in `unknown`, never dropped. */
export async function findTalks(ids: readonly string[]): Promise<FoundTalks> {
  const views = await Promise.all(ids.map((id) => query('talk', { id })));
  const found: TalkView[] = [];
  const unknown: string[] = [];
  views.forEach((view, index) => {
    if (view) found.push(view);
    else unknown.push(ids[index] ?? '');
  });
  return { found, unknown };
}
