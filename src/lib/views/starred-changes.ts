/**
 * What a content update did to the reader's starred talks: a new time, title or speakers, or the
 * talk gone. The data worker snapshots the starred talks before it replaces the content and
 * diffs them against the new bundle after, so "My agenda" can say what changed since the reader
 * last looked, and a removed talk stays as a tombstone instead of its star vanishing.
 *
 * A talk's id is derived from its title, so a retitled talk arrives under a new id. The diff
 * follows the star to it when exactly one talk new to the same event has the same speakers or
 * the same slot; otherwise the old talk is reported removed, never guessed at.
 */
import type { Event, Talk } from '$lib/schema';
import type { ContentReader } from './index';

/** A starred talk as the reader last saw it: enough to recognise it after it changed or went. */
export interface TalkSnapshot {
  talkId: string;
  eventId: string;
  eventTitle: string;
  title: string;
  /** Speaker names, in the talk's order. */
  speakers: string[];
  /** The talk's date (or its event's), and wall times on the event's clock. */
  date: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
}

/** What about a talk a reader would want to hear has changed. */
export type ChangedField = 'time' | 'title' | 'speakers';

/** A change the reader has not dismissed yet: the talk as last seen, and as it is now. */
export interface PendingChange {
  fields: ChangedField[];
  before: TalkSnapshot;
  after: TalkSnapshot;
}

/** A star as kept in storage, with what updates did to its talk. */
export interface StarRecord {
  talkId: string;
  starredAt: string;
  /** Set while a change to the talk waits for the reader to see it. */
  change?: PendingChange;
  /** Set when the talk is no longer in the content: its last known version (a tombstone). */
  removed?: TalkSnapshot;
}

/** What one content update means for one star. */
export type StarOutcome =
  | { kind: 'unchanged'; talkId: string }
  | {
      kind: 'changed';
      talkId: string;
      /** The id the star was on, when the talk came back under a new id (a retitle). */
      previousId: string | null;
      change: PendingChange;
    }
  | { kind: 'removed'; talkId: string; last: TalkSnapshot }
  /** Neither version, nor the star itself, knows anything about this id: left as it is. */
  | { kind: 'unknown'; talkId: string };

/** The content a snapshot needs from a talk's event. */
type EventFacts = Pick<Event, 'id' | 'title' | 'date' | 'timezone'>;

/** A talk as the reader sees it in a list. */
export function snapshotTalk(talk: Talk, event: EventFacts): TalkSnapshot {
  return {
    talkId: talk.id,
    eventId: event.id,
    eventTitle: event.title,
    title: talk.title,
    speakers: talk.speakers.map((speaker) => speaker.name),
    date: talk.date ?? event.date,
    start: talk.start,
    end: talk.end,
    timezone: event.timezone,
  };
}

function sameSpeakers(left: readonly string[], right: readonly string[]): boolean {
  return (
    left.length === right.length && [...left].sort().join('\n') === [...right].sort().join('\n')
  );
}

/** The fields that differ between two versions of a talk, in a fixed order. */
export function changedFields(before: TalkSnapshot, after: TalkSnapshot): ChangedField[] {
  const fields: ChangedField[] = [];
  if (before.date !== after.date || before.start !== after.start || before.end !== after.end) {
    fields.push('time');
  }
  if (before.title !== after.title) fields.push('title');
  if (!sameSpeakers(before.speakers, after.speakers)) fields.push('speakers');
  return fields;
}

/** What the diff is given. */
export interface StarDiffInput {
  /** Every stored star. */
  stars: readonly StarRecord[];
  /** The starred talks as the content held them before the update, by id. */
  before: ReadonlyMap<string, TalkSnapshot>;
  /** Ids of every talk the starred talks' events had before the update. */
  previousTalkIds: ReadonlySet<string>;
  /** The new content. */
  next: { events: readonly Event[]; talks: readonly Talk[] };
}

/**
 * What the diff needs from the content about to be replaced: the stars, their talks' snapshots
 * and the ids of every talk of their events. Pure apart from the reads.
 */
export async function readStarredBefore(
  reader: ContentReader,
  stars: readonly StarRecord[],
): Promise<Omit<StarDiffInput, 'next'>> {
  const talks = (await reader.getTalks(stars.map((star) => star.talkId))).filter(
    (talk) => talk !== undefined,
  );
  const eventIds = new Set(talks.map((talk) => talk.eventId));
  for (const star of stars) if (star.removed) eventIds.add(star.removed.eventId);
  const events = new Map(
    (await reader.getEvents([...eventIds]))
      .filter((event) => event !== undefined)
      .map((event) => [event.id, event]),
  );
  const before = new Map<string, TalkSnapshot>();
  for (const talk of talks) {
    const event = events.get(talk.eventId);
    if (event) before.set(talk.id, snapshotTalk(talk, event));
  }
  const previousTalkIds = new Set([...events.values()].flatMap((event) => event.talkIds));
  return { stars, before, previousTalkIds };
}

/** Whether `candidate` is plausibly `last` under a new title: same speakers, or same slot. */
function looksLikeSuccessor(last: TalkSnapshot, candidate: TalkSnapshot): boolean {
  const sameSlot =
    last.start !== null && last.date === candidate.date && last.start === candidate.start;
  const samePeople = last.speakers.length > 0 && sameSpeakers(last.speakers, candidate.speakers);
  return sameSlot || samePeople;
}

/** Each star's fate in the new content. Pure: the caller reads and writes storage. */
export function diffStarredTalks(input: StarDiffInput): StarOutcome[] {
  const events = new Map(input.next.events.map((event) => [event.id, event]));
  const snapshots = new Map<string, TalkSnapshot>();
  for (const talk of input.next.talks) {
    const event = events.get(talk.eventId);
    if (event) snapshots.set(talk.id, snapshotTalk(talk, event));
  }
  const starredIds = new Set(input.stars.map((star) => star.talkId));
  // A new talk can take over at most one star.
  const claimed = new Set<string>();

  const successorOf = (last: TalkSnapshot): TalkSnapshot | undefined => {
    const candidates = [...snapshots.values()].filter(
      (candidate) =>
        candidate.eventId === last.eventId &&
        !input.previousTalkIds.has(candidate.talkId) &&
        !starredIds.has(candidate.talkId) &&
        !claimed.has(candidate.talkId) &&
        looksLikeSuccessor(last, candidate),
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  return input.stars.map((star): StarOutcome => {
    const last = input.before.get(star.talkId) ?? star.removed;
    if (!last) return { kind: 'unknown', talkId: star.talkId };
    // What the reader last looked at: a change not yet dismissed keeps its original "before".
    const seen = star.change?.before ?? last;
    let now = snapshots.get(star.talkId);
    if (!now) {
      now = successorOf(last);
      if (now) claimed.add(now.talkId);
    }
    // A tombstone supersedes any change still pending: the talk is gone either way.
    if (!now) return { kind: 'removed', talkId: star.talkId, last };
    const fields = changedFields(seen, now);
    const previousId = now.talkId === star.talkId ? null : star.talkId;
    if (fields.length === 0 && previousId === null) {
      return { kind: 'unchanged', talkId: star.talkId };
    }
    return {
      kind: 'changed',
      talkId: now.talkId,
      previousId,
      change: { fields, before: seen, after: now },
    };
  });
}

/** The star records to write and the ids to delete, so storage matches the outcomes. */
export function applyStarOutcomes(
  stars: readonly StarRecord[],
  outcomes: readonly StarOutcome[],
): { put: StarRecord[]; remove: string[] } {
  const byId = new Map(stars.map((star) => [star.talkId, star]));
  const put: StarRecord[] = [];
  const remove: string[] = [];
  const starredAt = (talkId: string) => byId.get(talkId)?.starredAt ?? '';
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'unknown':
        break;
      case 'unchanged': {
        const star = byId.get(outcome.talkId);
        // A reverted change or a talk that came back: nothing is left to tell.
        if (star?.change || star?.removed) {
          put.push({ talkId: outcome.talkId, starredAt: starredAt(outcome.talkId) });
        }
        break;
      }
      case 'changed': {
        const from = outcome.previousId ?? outcome.talkId;
        if (outcome.previousId !== null) remove.push(outcome.previousId);
        put.push({ talkId: outcome.talkId, starredAt: starredAt(from), change: outcome.change });
        break;
      }
      case 'removed':
        put.push({
          talkId: outcome.talkId,
          starredAt: starredAt(outcome.talkId),
          removed: outcome.last,
        });
        break;
    }
  }
  return { put, remove };
}

/** What "My agenda" lists under "changed since you last looked". */
export interface StarNotices {
  /** Starred talks an update changed; `after.talkId` is the talk's id now. */
  changes: PendingChange[];
  /** Starred talks no longer in the content, as last known (tombstones). */
  removed: TalkSnapshot[];
}

/** Orders snapshots as an agenda does: by date, then start; undated last. */
function snapshotKey(snapshot: TalkSnapshot): string {
  return `${snapshot.date ?? '9999'} ${snapshot.start ?? '99:99'} ${snapshot.title}`;
}

/** The notices the stored stars carry, each list in agenda order. */
export function starNotices(stars: readonly StarRecord[]): StarNotices {
  const changes = stars.flatMap((star) => (star.change ? [star.change] : []));
  const removed = stars.flatMap((star) => (star.removed ? [star.removed] : []));
  changes.sort((a, b) => snapshotKey(a.after).localeCompare(snapshotKey(b.after)));
  removed.sort((a, b) => snapshotKey(a).localeCompare(snapshotKey(b)));
  return { changes, removed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isTalkSnapshot(value: unknown): value is TalkSnapshot {
  return (
    isRecord(value) &&
    typeof value.talkId === 'string' &&
    typeof value.eventId === 'string' &&
    typeof value.eventTitle === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.speakers) &&
    value.speakers.every((name) => typeof name === 'string') &&
    isStringOrNull(value.date) &&
    isStringOrNull(value.start) &&
    isStringOrNull(value.end) &&
    isStringOrNull(value.timezone)
  );
}

const CHANGED_FIELDS: readonly unknown[] = ['time', 'title', 'speakers'] satisfies ChangedField[];

function isPendingChange(value: unknown): value is PendingChange {
  return (
    isRecord(value) &&
    Array.isArray(value.fields) &&
    value.fields.every((field) => CHANGED_FIELDS.includes(field)) &&
    isTalkSnapshot(value.before) &&
    isTalkSnapshot(value.after)
  );
}

/**
 * A star as read back from storage. A star written before changes were tracked has neither
 * `change` nor `removed`; a malformed notice is dropped and the star itself kept.
 */
export function asStarRecord(value: unknown): StarRecord | undefined {
  if (!isRecord(value) || typeof value.talkId !== 'string') return undefined;
  const star: StarRecord = {
    talkId: value.talkId,
    starredAt: typeof value.starredAt === 'string' ? value.starredAt : '',
  };
  if (isPendingChange(value.change)) star.change = value.change;
  if (isTalkSnapshot(value.removed)) star.removed = value.removed;
  return star;
}
