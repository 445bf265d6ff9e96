/**
 * The typed message protocol between the page and the data worker. The page side of it is
 * `$lib/client/worker-bridge`; the worker side is `$lib/worker/data-worker`. Nothing else posts
 * messages across this boundary.
 */
import type { SearchFilters } from '$lib/search/content-index';
import type { SettingChange, Settings } from '$lib/settings';
import type {
  EventView,
  HomeView,
  MyAgendaView,
  SearchView,
  SpeakerView,
  TalkView,
} from '$lib/views';

/** Where the content is being served from, and anything the reader should be told about it. */
export type ContentStatus =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      contentHash: string;
      /** 'memory' means nothing will be kept after this session: the page says so in one line. */
      storage: 'indexeddb' | 'memory';
      /** Why storage is 'memory', or why the content may be older than this build's. */
      notice: StorageNotice | null;
    }
  | {
      /** Nothing stored yet and the bundle could not be fetched: connect once to download it. */
      kind: 'unavailable';
      reason: 'offline' | 'invalid-bundle';
    };

/** A one-line notice about storage or freshness. */
export type StorageNotice =
  /** IndexedDB cannot be opened at all (private mode, disabled, or a newer schema elsewhere). */
  | 'storage-unavailable'
  /** Another tab holds an older version of the database open and will not let go. */
  | 'storage-blocked'
  /** The device has no room left for this content. */
  | 'storage-full'
  /** This build's bundle could not be fetched; the stored (older) content is shown. */
  | 'update-failed';

/** Data version and storage figures for the About page. */
export interface AboutView {
  contentHash: string;
  generatedAt: string;
  counts: { events: number; talks: number; speakers: number };
  storage: 'indexeddb' | 'memory';
  /** From `navigator.storage.estimate()`, when the browser tells. */
  usage: { usedBytes: number; quotaBytes: number } | null;
}

/** Every request the page can make, with its parameters and its result. */
export interface Requests {
  status: { params: Record<string, never>; result: ContentStatus };
  home: { params: Record<string, never>; result: HomeView };
  event: { params: { id: string }; result: EventView | null };
  talk: { params: { id: string }; result: TalkView | null };
  speaker: { params: { id: string }; result: SpeakerView | null };
  search: {
    params: { query: string; limit?: number; filters?: SearchFilters };
    result: SearchView;
  };
  myAgenda: { params: Record<string, never>; result: MyAgendaView };
  stars: { params: Record<string, never>; result: string[] };
  setStar: { params: { talkId: string; starred: boolean }; result: string[] };
  /** The reader has seen what an update changed about a starred talk. */
  dismissChange: { params: { talkId: string }; result: null };
  /** Answered as soon as storage is open: settings never wait for the content. */
  settings: { params: Record<string, never>; result: Partial<Settings> };
  setSetting: { params: SettingChange; result: Partial<Settings> };
  about: { params: Record<string, never>; result: AboutView | null };
}

export type RequestKind = keyof Requests;
export type RequestParams<K extends RequestKind> = Requests[K]['params'];
export type RequestResult<K extends RequestKind> = Requests[K]['result'];

/** A request as a discriminated union, for exhaustive switches over `kind`. */
export type Request = {
  [K in RequestKind]: { kind: K; params: RequestParams<K> };
}[RequestKind];

/** Requests answered from the content alone, the same way wherever it is held. */
export type ContentRequest = Extract<Request, { kind: 'home' | 'event' | 'talk' | 'speaker' }>;

/** Page → worker. `seq` pairs the reply with its request. */
export type RequestMessage = {
  [K in RequestKind]: { seq: number; kind: K; params: RequestParams<K> };
}[RequestKind];

/** Worker → page: a reply to one request, or a status change pushed unasked. */
export type WorkerMessage =
  | { type: 'reply'; seq: number; ok: true; result: unknown }
  | { type: 'reply'; seq: number; ok: false; error: string }
  | { type: 'status'; status: ContentStatus };
