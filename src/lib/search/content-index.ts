/**
 * The search over events, talks and speakers: FlexSearch finds candidates, this module ranks and
 * filters them. It owns the index options: FlexSearch's export does not carry its configuration,
 * so whoever imports a dump must build the index with exactly these options, and only this
 * module does either. The same module runs in the data worker, in the prerenderer and in
 * `npm run search`.
 */
import { Index } from 'flexsearch';
import type { Bundle, EventFormat, SearchAids } from '$lib/schema';
import {
  createEncoder,
  encodeText,
  normalizeText,
  splitRuns,
  type CharacterFolds,
} from './encoder';
import { Glossary } from './glossary';
import { Highlighter } from './highlight';
import {
  FIELD_WEIGHT,
  matchField,
  SOURCE_WEIGHT,
  UPCOMING_BONUS,
  type MatchSource,
  type RankedFields,
} from './ranking';
import { Vocabulary } from './typos';

/**
 * Raise whenever the encoder, the options, the indexed text or the dump's layout change: a
 * stored dump of another version is rebuilt, never imported.
 */
export const SEARCH_INDEX_VERSION = 3;

/** The kinds of record a query can find. */
export type SearchKind = 'events' | 'talks' | 'speakers';
const KINDS: readonly SearchKind[] = ['events', 'talks', 'speakers'];

/** Ids found per kind, best first. */
export type SearchIds = Record<SearchKind, string[]>;

/** What a query found, and the normalised phrases that found it (for highlighting). */
export interface SearchResult extends SearchIds {
  /** The query as searched, then any glossary terms and typo corrections that found results. */
  terms: string[];
}

/** Narrows results to events of a year, city, format or series (and their talks and speakers). */
export interface SearchFilters {
  year?: string;
  city?: string;
  format?: EventFormat;
  series?: string;
}

export interface SearchOptions {
  /** Results per kind; 20 when not given. */
  limit?: number;
  /** YYYY-MM-DD, for upcoming-first; the local date when not given. */
  today?: string;
  filters?: SearchFilters;
}

/** The values the filters can take in this content, most common first (years newest first). */
export interface FilterChoices {
  years: string[];
  cities: string[];
  formats: EventFormat[];
  series: string[];
}

/** A serialised index: FlexSearch's export chunks keyed `kind/key`, plus this module's own. */
export type IndexDump = [key: string, data: string][];

/** Results per kind when the caller does not say: a phone screen's worth and a little more. */
export const DEFAULT_SEARCH_LIMIT = 20;
/**
 * Candidates taken from FlexSearch per query variant before ranking. FlexSearch orders by how
 * early a term appears, and titles and names come first in the indexed text, so the best hits are
 * among the first few hundred even when a common word matches thousands of talks.
 */
const CANDIDATES = 300;
/** Typo hits kept per kind: a correction is a guess, and a guess must not crowd the page. */
const MAX_TYPO_HITS = 5;

/** One record as ranking and filtering see it. */
interface SearchDocument extends RankedFields {
  /** YYYY-MM-DD the record happens (a speaker: their latest talk), or null. */
  date: string | null;
  /** Positions of the events the record belongs to (an event: its own). */
  events: number[];
}

/** What the filters test, per event position. */
interface EventFacts {
  year: string | null;
  city: string | null;
  format: EventFormat | null;
  series: string | null;
}

/** One FlexSearch index, the record ids its numbers stand for, and the records' ranked fields. */
interface KindIndex {
  index: Index;
  ids: string[];
  documents: SearchDocument[];
}

/** Everything a dump holds besides FlexSearch's chunks. */
interface SharedState {
  aids: SearchAids;
  vocabulary: [string, number][];
  facts: EventFacts[];
}

/** The texts indexed for each record: what a free-text query can find it by. */
function recordTexts(bundle: Bundle): Record<SearchKind, string[]> {
  const { placePinyin } = bundle.search;
  const eventTitles = new Map(bundle.events.map((event) => [event.id, event.title]));
  const speakersById = new Map(bundle.speakers.map((speaker) => [speaker.id, speaker]));
  const join = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' \n ');
  return {
    events: bundle.events.map((event) =>
      join([
        event.title,
        event.city,
        ...(event.city ? (placePinyin[event.city] ?? []) : []),
        event.venue,
        event.series,
        ...event.tags,
        event.summary,
      ]),
    ),
    // The title comes first: FlexSearch ranks earlier terms higher, and only its first
    // `CANDIDATES` hits are ranked here.
    talks: bundle.talks.map((talk) =>
      join([
        talk.title,
        ...talk.speakers.flatMap((person) => {
          const speaker = speakersById.get(person.id);
          return [person.name, person.org, ...(speaker?.aliases ?? []), ...(speaker?.pinyin ?? [])];
        }),
        eventTitles.get(talk.eventId),
        talk.abstract,
      ]),
    ),
    speakers: bundle.speakers.map((speaker) =>
      join([speaker.name, ...speaker.aliases, ...speaker.pinyin, ...speaker.orgs]),
    ),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** The ranked fields and filter facts of every record. */
function rankedDocuments(
  bundle: Bundle,
  folds: CharacterFolds,
): { documents: Record<SearchKind, SearchDocument[]>; facts: EventFacts[] } {
  const normalize = (text: string | null | undefined) => normalizeText(text ?? '', folds);
  const eventAt = new Map(bundle.events.map((event, position) => [event.id, position]));
  const talkAt = new Map(bundle.talks.map((talk, position) => [talk.id, position]));
  const speakersById = new Map(bundle.speakers.map((speaker) => [speaker.id, speaker]));
  const talkDates = bundle.talks.map(
    (talk) => talk.date ?? bundle.events[eventAt.get(talk.eventId) ?? -1]?.date ?? null,
  );
  const { placePinyin } = bundle.search;

  const events = bundle.events.map((event, position) => ({
    title: normalize(event.title),
    names: unique(
      [event.city, event.venue, ...(event.city ? (placePinyin[event.city] ?? []) : [])].map(
        normalize,
      ),
    ),
    orgs: '',
    date: event.date,
    events: [position],
  }));
  const talks = bundle.talks.map((talk, position) => {
    const people = talk.speakers.flatMap((person) => {
      const speaker = speakersById.get(person.id);
      return [person.name, ...(speaker?.aliases ?? []), ...(speaker?.pinyin ?? [])];
    });
    const event = eventAt.get(talk.eventId);
    return {
      title: normalize(talk.title),
      names: unique(people.map(normalize)),
      orgs: normalize(talk.speakers.map((person) => person.org ?? '').join(' ')),
      date: talkDates[position] ?? null,
      events: event === undefined ? [] : [event],
    };
  });
  const speakers = bundle.speakers.map((speaker) => {
    const positions = speaker.talkIds.flatMap((id) => talkAt.get(id) ?? []);
    const dates = positions.flatMap((position) => talkDates[position] ?? []).sort();
    const name = normalize(speaker.name);
    return {
      title: name,
      names: unique([name, ...[...speaker.aliases, ...speaker.pinyin].map(normalize)]),
      orgs: normalize(speaker.orgs.join(' ')),
      date: dates[dates.length - 1] ?? null,
      events: [...new Set(positions.flatMap((position) => talks[position]?.events ?? []))],
    };
  });
  const facts = bundle.events.map((event) => ({
    year: event.date?.slice(0, 4) ?? null,
    city: event.city,
    format: event.format,
    series: event.series,
  }));
  return { documents: { events, talks, speakers }, facts };
}

function createIndex(folds: CharacterFolds): Index {
  // 'forward' indexes every prefix of a term: `kube` finds Kubernetes. The encoder's Han bigrams
  // make 'full' (every substring) unnecessary; the spike measured 135 MB for it at 5,000 talks.
  return new Index({ tokenize: 'forward', encode: createEncoder(folds), cache: false });
}

function localDate(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One way of asking the index: the reader's words, a glossary swap or a typo correction. */
interface QueryVariant {
  phrase: string;
  runs: string[];
  source: MatchSource;
}

/** A candidate with its score and what breaks ties. */
interface Scored {
  position: number;
  score: number;
  source: MatchSource;
  /** The variant's phrase that gave this score. */
  phrase: string;
  date: string | null;
  upcoming: boolean;
  /** Rank in FlexSearch's own order, the last tie-breaker. */
  order: number;
}

/** Best score first; equal scores: upcoming soonest first, past newest first, then the index's order. */
function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    const sooner = a.date < b.date ? -1 : 1;
    return a.upcoming ? sooner : -sooner;
  }
  return a.order - b.order;
}

const KIND_CHUNK = { ids: 'ids', documents: 'documents' } as const;
const SHARED = 'shared';

/**
 * A searchable index of one version of the content. Records are indexed under their position,
 * not their id: FlexSearch repeats the id in every posting, and ids such as
 * `2021-istio-meetup-china-beijing--securing-workload-deployment-with-istio-cni-f8d7` made a
 * 5,000-talk dump ten times larger and its import as much slower.
 */
export class ContentIndex {
  private readonly folds: CharacterFolds;
  private readonly glossary: Glossary;
  private readonly vocabulary: Vocabulary;
  private choices: FilterChoices | undefined;

  private constructor(
    private readonly kinds: Record<SearchKind, KindIndex>,
    private readonly shared: SharedState,
  ) {
    this.folds = new Map(Object.entries(shared.aids.characterFolds));
    this.glossary = new Glossary(shared.aids.glossary, this.folds);
    this.vocabulary = Vocabulary.fromJSON(shared.vocabulary);
  }

  /** Indexes every event, talk and speaker of `bundle`. */
  static build(bundle: Bundle): ContentIndex {
    const aids = bundle.search;
    const folds: CharacterFolds = new Map(Object.entries(aids.characterFolds));
    const texts = recordTexts(bundle);
    const { documents, facts } = rankedDocuments(bundle, folds);
    const ids: Record<SearchKind, string[]> = {
      events: bundle.events.map((event) => event.id),
      talks: bundle.talks.map((talk) => talk.id),
      speakers: bundle.speakers.map((speaker) => speaker.id),
    };
    const kinds = {} as Record<SearchKind, KindIndex>;
    for (const kind of KINDS) {
      const index = createIndex(folds);
      texts[kind].forEach((text, position) => index.add(position, text));
      kinds[kind] = { index, ids: ids[kind], documents: documents[kind] };
    }
    const vocabulary = Vocabulary.collect(
      KINDS.flatMap((kind) => texts[kind]).map((text) => encodeText(text, folds)),
    );
    return new ContentIndex(kinds, { aids, vocabulary: vocabulary.toJSON(), facts });
  }

  /** Restores an index from `dump()` of the same `SEARCH_INDEX_VERSION`; throws on a bad dump. */
  static load(dump: IndexDump): ContentIndex {
    const chunks = new Map(dump);
    const sharedChunk = chunks.get(SHARED);
    if (sharedChunk === undefined) throw new Error('The search index dump has no shared chunk');
    const shared = JSON.parse(sharedChunk) as SharedState;
    const folds: CharacterFolds = new Map(Object.entries(shared.aids.characterFolds));
    const kinds = {} as Record<SearchKind, KindIndex>;
    for (const kind of KINDS) kinds[kind] = { index: createIndex(folds), ids: [], documents: [] };
    for (const [key, data] of dump) {
      if (key === SHARED) continue;
      const slash = key.indexOf('/');
      const kind = key.slice(0, slash) as SearchKind;
      const part = key.slice(slash + 1);
      const target = kinds[kind];
      if (!KINDS.includes(kind) || !target) throw new Error(`Unknown search index chunk "${key}"`);
      if (part === KIND_CHUNK.ids) target.ids = JSON.parse(data) as string[];
      else if (part === KIND_CHUNK.documents)
        target.documents = JSON.parse(data) as SearchDocument[];
      else target.index.import(part, data);
    }
    return new ContentIndex(kinds, shared);
  }

  /** Serialises the index for storage; `ContentIndex.load` restores it. */
  async dump(): Promise<IndexDump> {
    const chunks: IndexDump = [[SHARED, JSON.stringify(this.shared)]];
    for (const kind of KINDS) {
      const { index, ids, documents } = this.kinds[kind];
      chunks.push([`${kind}/${KIND_CHUNK.ids}`, JSON.stringify(ids)]);
      chunks.push([`${kind}/${KIND_CHUNK.documents}`, JSON.stringify(documents)]);
      await index.export((key: string, data: string) => {
        chunks.push([`${kind}/${key}`, data]);
      });
    }
    return chunks;
  }

  /** Ids of every kind matching `query`, ranked, filtered, at most `limit` per kind. */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
    const today = options.today ?? localDate();
    const passes = this.filterTest(options.filters ?? {});
    const variants = this.variants(query);
    if (variants.length === 0) {
      const browse = (kind: SearchKind) => (passes ? this.browse(kind, passes, today, limit) : []);
      return {
        events: browse('events'),
        talks: browse('talks'),
        speakers: browse('speakers'),
        terms: [],
      };
    }
    const usedPhrases = new Set<string>();
    const found = (kind: SearchKind) => {
      const ranked = this.rank(kind, variants, passes, today);
      const kept: Scored[] = [];
      let typos = 0;
      for (const hit of ranked) {
        if (kept.length >= limit) break;
        if (hit.source === 'typo' && ++typos > MAX_TYPO_HITS) continue;
        kept.push(hit);
      }
      for (const hit of kept) usedPhrases.add(hit.phrase);
      return kept.map((hit) => this.kinds[kind].ids[hit.position] ?? '');
    };
    const result = { events: found('events'), talks: found('talks'), speakers: found('speakers') };
    const terms = variants
      .filter((variant) => variant.source === 'direct' || usedPhrases.has(variant.phrase))
      .map((variant) => variant.phrase);
    return { ...result, terms };
  }

  /** Marks what `terms` (from `search`) matched in a result's text. */
  highlighter(terms: readonly string[]): Highlighter {
    return new Highlighter(terms, this.folds);
  }

  /** The years, cities, formats and series the events have, for the filter controls. */
  filterChoices(): FilterChoices {
    this.choices ??= this.countChoices();
    return this.choices;
  }

  private countChoices(): FilterChoices {
    const byCount = (values: (string | null)[]) => {
      const counts = new Map<string, number>();
      for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
    };
    const facts = this.shared.facts;
    return {
      years: byCount(facts.map((fact) => fact.year))
        .sort()
        .reverse(),
      cities: byCount(facts.map((fact) => fact.city)),
      formats: byCount(facts.map((fact) => fact.format)) as EventFormat[],
      series: byCount(facts.map((fact) => fact.series)),
    };
  }

  /** The reader's query, then its glossary swaps, then its typo corrections. */
  private variants(query: string): QueryVariant[] {
    const runs = splitRuns(query, this.folds);
    if (runs.length === 0) return [];
    const phrase = runs.join(' ');
    const variant = (text: string, source: MatchSource) => ({
      phrase: text,
      runs: text.split(' '),
      source,
    });
    const variants: QueryVariant[] = [variant(phrase, 'direct')];
    for (const alternative of this.glossary.alternatives(phrase)) {
      variants.push(variant(alternative, 'glossary'));
    }
    const corrections = runs.map((run) => this.vocabulary.corrections(run));
    const tries = Math.max(0, ...corrections.map((list) => list.length));
    for (let attempt = 0; attempt < tries; attempt += 1) {
      const corrected = runs.map((run, at) => {
        const list = corrections[at] ?? [];
        return list[Math.min(attempt, list.length - 1)] ?? run;
      });
      variants.push(variant(corrected.join(' '), 'typo'));
    }
    return variants;
  }

  /** Every candidate of `kind` for the variants, scored, filtered and sorted. */
  private rank(
    kind: SearchKind,
    variants: readonly QueryVariant[],
    passes: ((documentEvents: readonly number[]) => boolean) | null,
    today: string,
  ): Scored[] {
    const { index, documents } = this.kinds[kind];
    const best = new Map<number, Scored>();
    let order = 0;
    for (const variant of variants) {
      const positions = index.search(variant.phrase, { limit: CANDIDATES }) as number[];
      for (const position of positions) {
        order += 1;
        const document = documents[position];
        if (!document || (passes && !passes(document.events))) continue;
        const upcoming = document.date !== null && document.date >= today;
        const score =
          SOURCE_WEIGHT[variant.source] +
          FIELD_WEIGHT[matchField(document, variant.phrase, variant.runs)] +
          (upcoming ? UPCOMING_BONUS : 0);
        const previous = best.get(position);
        if (!previous || score > previous.score) {
          best.set(position, {
            position,
            score,
            source: variant.source,
            phrase: variant.phrase,
            date: document.date,
            upcoming,
            order: previous?.order ?? order,
          });
        }
      }
    }
    return [...best.values()].sort(compareScored);
  }

  /** With filters and no query: the matching records, upcoming soonest first, then newest. */
  private browse(
    kind: SearchKind,
    passes: (documentEvents: readonly number[]) => boolean,
    today: string,
    limit: number,
  ): string[] {
    const { ids, documents } = this.kinds[kind];
    const scored: Scored[] = [];
    documents.forEach((document, position) => {
      if (!passes(document.events)) return;
      const upcoming = document.date !== null && document.date >= today;
      const score = upcoming ? UPCOMING_BONUS : 0;
      scored.push({
        position,
        score,
        source: 'direct',
        phrase: '',
        date: document.date,
        upcoming,
        order: position,
      });
    });
    return scored
      .sort(compareScored)
      .slice(0, limit)
      .map((hit) => ids[hit.position] ?? '');
  }

  /** A test of a record's events against `filters`, or null when no filter is set. */
  private filterTest(filters: SearchFilters): ((events: readonly number[]) => boolean) | null {
    const wanted = Object.entries(filters).filter(
      (entry): entry is [keyof EventFacts, string] =>
        typeof entry[1] === 'string' && entry[1] !== '',
    );
    if (wanted.length === 0) return null;
    const facts = this.shared.facts;
    const eventPasses = (position: number) => {
      const fact = facts[position];
      return fact !== undefined && wanted.every(([key, value]) => fact[key] === value);
    };
    return (events) => events.some(eventPasses);
  }
}
