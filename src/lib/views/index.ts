/**
 * Views: exactly what each page shows, built from the content by the same functions wherever it
 * lives. At build time the prerenderer builds them from the bundle file; in the browser the data
 * worker builds them from IndexedDB (or memory). Both sides must produce identical views for the
 * prerendered HTML to hydrate without a flash.
 */
import type { Event, Speaker, Talk } from '$lib/schema';
import type { FilterChoices, SearchFilters } from '$lib/search/content-index';
import type { Segment } from '$lib/search/highlight';
import type { StarNotices } from './starred-changes';

/** Reads content by id, whatever holds it. Missing ids resolve to `undefined`, never throw. */
export interface ContentReader {
  listEvents(): Promise<Event[]>;
  getEvent(id: string): Promise<Event | undefined>;
  getTalk(id: string): Promise<Talk | undefined>;
  getSpeaker(id: string): Promise<Speaker | undefined>;
  /** Many records in one read (one IndexedDB transaction), in the order asked. */
  getEvents(ids: readonly string[]): Promise<(Event | undefined)[]>;
  getTalks(ids: readonly string[]): Promise<(Talk | undefined)[]>;
  getSpeakers(ids: readonly string[]): Promise<(Speaker | undefined)[]>;
}

/** An event as a line in a list: what a reader needs to recognise it. */
export interface EventSummary {
  id: string;
  title: string;
  /** BCP 47 language of the post, so a Chinese title can be marked as such. */
  lang: string;
  date: string | null;
  endDate: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
  city: string | null;
  format: Event['format'];
  talkCount: number;
}

/** A talk with the event it belongs to, for lists that span events. */
export interface TalkInEvent {
  talk: Talk;
  event: EventSummary;
}

export interface HomeView {
  /** Every event, soonest first; the page splits upcoming from past with the reader's clock. */
  events: EventSummary[];
}

export interface EventView {
  /** The event; its post HTML has images as links and headings nested (see `offline-html`). */
  event: Omit<Event, 'text'>;
  /** The agenda in the order the post gives it. */
  talks: Talk[];
}

export interface TalkView {
  talk: Talk;
  event: EventSummary;
  venue: string | null;
  /** The rest of the same event's agenda. */
  otherTalks: Talk[];
}

export interface SpeakerView {
  speaker: Speaker;
  /** Every talk across events, newest first. */
  talks: TalkInEvent[];
}

/** One search result: its id, and its title and detail line split for highlighting. */
export interface SearchHit {
  id: string;
  /**
   * BCP 47 language of the hit's text: its post's, or for a speaker their latest talk's post's
   * (null when they have none), so a screen reader reads it in that language's voice.
   */
  lang: string | null;
  title: Segment[];
  detail: Segment[];
  /** A talk's abstract around its first match, when the abstract matched. */
  snippet: Segment[] | null;
}

export interface SearchView {
  query: string;
  filters: SearchFilters;
  /** The values each filter can take in this content. */
  choices: FilterChoices;
  /** Glossary terms and typo corrections that also found results (`service mesh` for 服务网格). */
  alsoSearched: string[];
  events: SearchHit[];
  talks: SearchHit[];
  speakers: SearchHit[];
}

export interface MyAgendaView extends StarNotices {
  /** Starred talks, in date and time order; talks no longer in the content are left out. */
  talks: TalkInEvent[];
}
