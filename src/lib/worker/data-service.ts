/**
 * Everything the data worker does, with its dependencies passed in, so it runs the same in the
 * worker and in Node tests: fetch the bundle, keep it in IndexedDB (or memory), search it, and
 * answer the page's requests. It never throws into the page: failures become a `ContentStatus`.
 */
import { isBundle, type Bundle } from '$lib/schema';
import {
  ContentIndex,
  DEFAULT_SEARCH_LIMIT,
  SEARCH_INDEX_VERSION,
} from '$lib/search/content-index';
import {
  createMemoryContentStore,
  createMemoryUserStore,
  openStorage,
  type ContentStore,
  type StorageResult,
  type UserStore,
} from '$lib/storage/stores';
import { describeError } from '$lib/storage/database';
import { isSettingChange } from '$lib/settings';
import { buildContentView, buildMyAgendaView, buildSearchView } from '$lib/views/build-views';
import {
  applyStarOutcomes,
  diffStarredTalks,
  readStarredBefore,
  type StarDiffInput,
} from '$lib/views/starred-changes';
import type {
  AboutView,
  ContentStatus,
  Request,
  RequestKind,
  RequestParams,
  RequestResult,
  StorageNotice,
} from './protocol';

/** The most a page may ask for: more would only slow the reply down. */
const MAX_SEARCH_LIMIT = 200;

export interface DataServiceOptions {
  /** This build's bundle (a hashed URL: a new build means a new URL). */
  bundleUrl: string;
  fetch: (url: string) => Promise<Response>;
  /** Opens IndexedDB (`openStorage` by default); tests inject failures here. */
  openStorage?: (onClosedForUpgrade: () => void) => Promise<StorageResult>;
  /** `navigator.storage.estimate`, where the browser has it. */
  estimateStorage?: () => Promise<{ usage?: number; quota?: number }>;
  /** Told about every status change. */
  onStatus?: (status: ContentStatus) => void;
  /** Told about failures worth a developer's attention (never shown as an uncaught error). */
  onProblem?: (message: string) => void;
}

type FetchResult =
  | { kind: 'fetched'; bundle: Bundle }
  | { kind: 'failed'; reason: 'offline' | 'invalid-bundle'; detail: string };

/** True for the error a full disk or an exhausted origin quota raises. */
function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

export class DataService {
  #status: ContentStatus = { kind: 'loading' };
  #content: ContentStore = createMemoryContentStore();
  #user: UserStore = createMemoryUserStore();
  #index: Promise<ContentIndex> | null = null;
  /** Storage is open: the reader's own data (stars, settings) can be read. */
  #opened: Promise<StorageNotice | null>;
  /** The content is ready, or known to be unavailable. */
  #ready: Promise<void>;

  constructor(private readonly options: DataServiceOptions) {
    this.#opened = this.#openStorage();
    this.#ready = this.#start(this.#opened);
  }

  /** The current status, without waiting for loading to finish. */
  get status(): ContentStatus {
    return this.#status;
  }

  /** Resolves once the content is ready, or known to be unavailable. */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  #setStatus(status: ContentStatus): void {
    this.#status = status;
    this.options.onStatus?.(status);
  }

  async #fetchBundle(): Promise<FetchResult> {
    let response: Response;
    try {
      response = await this.options.fetch(this.options.bundleUrl);
    } catch (error) {
      return { kind: 'failed', reason: 'offline', detail: describeError(error) };
    }
    if (!response.ok) {
      return { kind: 'failed', reason: 'offline', detail: `HTTP ${response.status}` };
    }
    let value: unknown;
    try {
      value = await response.json();
    } catch (error) {
      return { kind: 'failed', reason: 'invalid-bundle', detail: describeError(error) };
    }
    return isBundle(value)
      ? { kind: 'fetched', bundle: value }
      : {
          kind: 'failed',
          reason: 'invalid-bundle',
          detail: `${this.options.bundleUrl} is not a bundle of this app's format`,
        };
  }

  /** Opens storage (IndexedDB, or memory when it cannot be used); says why when it falls back. */
  async #openStorage(): Promise<StorageNotice | null> {
    const open =
      this.options.openStorage ?? ((onClosed) => openStorage({ onClosedForUpgrade: onClosed }));
    const opened = await open(() => this.#restart()).catch((error: unknown): StorageResult => ({
      kind: 'failed',
      reason: 'storage-unavailable',
      detail: describeError(error),
    }));
    if (opened.kind === 'open') {
      this.#content = opened.content;
      this.#user = opened.user;
      return null;
    }
    this.options.onProblem?.(`Working from memory: ${opened.detail}`);
    this.#content = createMemoryContentStore();
    this.#user = createMemoryUserStore();
    return opened.reason;
  }

  /** Brings the stored content up to this build's bundle when it can, once storage is open. */
  async #start(opening: Promise<StorageNotice | null>): Promise<void> {
    let notice = await opening;
    let meta = await this.#content.readMeta().catch(() => undefined);
    if (meta?.bundleUrl !== this.options.bundleUrl) {
      const fetched = await this.#fetchBundle();
      if (fetched.kind === 'fetched') {
        const { bundle } = fetched;
        if (meta?.contentHash === bundle.contentHash) {
          await this.#content.setBundleUrl(this.options.bundleUrl).catch(() => {});
        } else {
          // Only a replaced version can change a star's talk: a first download has nothing to diff.
          const starsBefore = meta ? await this.#readStarsBefore() : null;
          notice = (await this.#replaceContent(bundle)) ?? notice;
          if (starsBefore) await this.#recordStarChanges(starsBefore, bundle);
        }
        meta = await this.#content.readMeta();
      } else {
        this.options.onProblem?.(`Cannot load ${this.options.bundleUrl}: ${fetched.detail}`);
        if (!meta) {
          this.#setStatus({ kind: 'unavailable', reason: fetched.reason });
          return;
        }
        notice ??= 'update-failed';
      }
    }
    if (!meta) {
      this.#setStatus({ kind: 'unavailable', reason: 'invalid-bundle' });
      return;
    }
    this.#index = null;
    this.#setStatus({
      kind: 'ready',
      contentHash: meta.contentHash,
      storage: this.#content.kind,
      notice,
    });
    // Warm the search index now, so the first query does not wait for it.
    void this.#searchIndex().catch(() => {});
  }

  /** Writes a new bundle; if IndexedDB refuses, keeps it in memory for the session. */
  async #replaceContent(bundle: Bundle): Promise<StorageNotice | null> {
    try {
      await this.#content.replaceContent(bundle, this.options.bundleUrl);
      return null;
    } catch (error) {
      this.options.onProblem?.(`Cannot store the new content: ${describeError(error)}`);
      this.#content = createMemoryContentStore();
      await this.#content.replaceContent(bundle, this.options.bundleUrl);
      return isQuotaError(error) ? 'storage-full' : 'storage-unavailable';
    }
  }

  /** The stars and their talks as the stored content has them; null if they cannot be read. */
  async #readStarsBefore(): Promise<Omit<StarDiffInput, 'next'> | null> {
    try {
      return await readStarredBefore(this.#content.reader, await this.#user.readStarRecords());
    } catch (error) {
      this.options.onProblem?.(`Cannot compare starred talks: ${describeError(error)}`);
      return null;
    }
  }

  /**
   * Records on each star what the new content did to its talk. A failure here costs the notices,
   * never the content update or the stars themselves.
   */
  async #recordStarChanges(before: Omit<StarDiffInput, 'next'>, bundle: Bundle): Promise<void> {
    try {
      const outcomes = diffStarredTalks({ ...before, next: bundle });
      const { put, remove } = applyStarOutcomes(before.stars, outcomes);
      if (put.length > 0 || remove.length > 0) await this.#user.updateStars(put, remove);
    } catch (error) {
      this.options.onProblem?.(`Cannot record changes to starred talks: ${describeError(error)}`);
    }
  }

  /** Another tab upgraded the database under us: open it again (or fall back) and reload. */
  #restart(): void {
    this.#index = null;
    this.#setStatus({ kind: 'loading' });
    const opening = this.#openStorage();
    this.#opened = opening;
    this.#ready = this.#start(opening);
  }

  #searchIndex(): Promise<ContentIndex> {
    this.#index ??= this.#loadIndex().catch((error: unknown) => {
      this.#index = null;
      throw error;
    });
    return this.#index;
  }

  /** Imports the stored index of this content, or builds it and stores it for next time. */
  async #loadIndex(): Promise<ContentIndex> {
    const content = this.#content;
    const meta = await content.readMeta();
    if (!meta) return ContentIndex.build(await content.readAll());
    const stored = await content
      .readIndex(meta.contentHash, SEARCH_INDEX_VERSION)
      .catch(() => undefined);
    if (stored) {
      try {
        return ContentIndex.load(stored);
      } catch (error) {
        this.options.onProblem?.(`Rebuilding the search index: ${describeError(error)}`);
      }
    }
    const index = ContentIndex.build(await content.readAll());
    // Storing is an optimisation for the next launch: a failure (quota) costs only time then.
    await content
      .writeIndex(meta.contentHash, SEARCH_INDEX_VERSION, await index.dump())
      .catch((error: unknown) =>
        this.options.onProblem?.(`Search index not stored: ${describeError(error)}`),
      );
    return index;
  }

  async #about(): Promise<AboutView | null> {
    const meta = await this.#content.readMeta();
    if (!meta) return null;
    const estimate = await this.options.estimateStorage?.().catch(() => undefined);
    return {
      contentHash: meta.contentHash,
      generatedAt: meta.generatedAt,
      counts: meta.counts,
      storage: this.#content.kind,
      usage:
        estimate?.usage !== undefined && estimate.quota !== undefined
          ? { usedBytes: estimate.usage, quotaBytes: estimate.quota }
          : null,
    };
  }

  async #search({ query, limit, filters = {} }: RequestParams<'search'>) {
    const index = await this.#searchIndex();
    const size = Math.min(Math.max(1, Math.floor(limit ?? DEFAULT_SEARCH_LIMIT)), MAX_SEARCH_LIMIT);
    const result = index.search(query, { limit: size, filters });
    return buildSearchView(this.#content.reader, {
      query,
      filters,
      choices: index.filterChoices(),
      result,
      marks: index.highlighter(result.terms),
    });
  }

  /** Reads or changes a setting; a change this version cannot store is refused, not half-kept. */
  async #settings(request: Extract<Request, { kind: 'settings' | 'setSetting' }>) {
    await this.#opened;
    if (request.kind === 'setSetting') {
      if (!isSettingChange(request.params)) {
        throw new Error(`Not a setting: ${JSON.stringify(request.params)}`);
      }
      await this.#user.writeSetting(request.params);
    }
    return this.#user.readSettings();
  }

  /** Answers one request from the page. */
  async handle<K extends RequestKind>(
    kind: K,
    params: RequestParams<K>,
  ): Promise<RequestResult<K>> {
    if (kind === 'status') return this.#status as RequestResult<K>;
    const request = { kind, params } as Request;
    if (request.kind === 'settings' || request.kind === 'setSetting') {
      return (await this.#settings(request)) as RequestResult<K>;
    }
    await this.#ready;
    const reader = this.#content.reader;
    let result: RequestResult<RequestKind>;
    switch (request.kind) {
      case 'status':
        result = this.#status;
        break;
      case 'home':
      case 'event':
      case 'talk':
      case 'speaker':
        result = await buildContentView(reader, request);
        break;
      case 'search':
        result = await this.#search(request.params);
        break;
      case 'myAgenda': {
        const stars = await this.#user.readStarRecords();
        const ids = stars.map((star) => star.talkId);
        result = await buildMyAgendaView(reader, ids, stars);
        break;
      }
      case 'dismissChange':
        await this.#user.dismissChange(request.params.talkId);
        result = null;
        break;
      case 'stars':
        result = await this.#user.readStars();
        break;
      case 'setStar':
        await this.#user.setStar(request.params.talkId, request.params.starred);
        result = await this.#user.readStars();
        break;
      case 'about':
        result = await this.#about();
        break;
    }
    return result as RequestResult<K>;
  }
}
