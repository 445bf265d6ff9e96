/**
 * Answers page queries while prerendering, from the bundle `npm run prebuild` wrote. Runs only in
 * Node at build time (`$lib/client/query` imports it behind `import.meta.env.SSR`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isBundle, type Bundle } from '$lib/schema';
import type { ContentReader, SearchView } from '$lib/views';
import { buildContentView } from '$lib/views/build-views';
import { createMemoryReader } from '$lib/views/memory-reader';
import type { Request, RequestKind, RequestParams, RequestResult } from '$lib/worker/protocol';

/** Where `npm run prebuild` writes the bundle; `SIDECAR_BUNDLE` points elsewhere. */
const BUNDLE_PATH = path.resolve(process.env.SIDECAR_BUNDLE ?? '.sidecar/bundle.json');

let loaded: { bundle: Bundle; reader: ContentReader } | undefined;

function load(): { bundle: Bundle; reader: ContentReader } {
  if (loaded) return loaded;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read the bundle at ${BUNDLE_PATH}: ${(error as Error).message}. ` +
        'Run `npm run build` (its prebuild step compiles content/), or `npm run prebuild` first.',
    );
  }
  if (!isBundle(value)) {
    throw new Error(
      `${BUNDLE_PATH} is not a bundle of this build's format; run \`npm run prebuild\`.`,
    );
  }
  loaded = { bundle: value, reader: createMemoryReader(value) };
  return loaded;
}

/**
 * The prerendered answer to a query. Reader-specific data (stars, search results, storage) is
 * empty here: the browser fills it in from the data worker.
 */
export async function queryBundleFile<K extends RequestKind>(
  kind: K,
  params: RequestParams<K>,
): Promise<RequestResult<K>> {
  const { reader } = load();
  const request = { kind, params } as Request;
  let result: RequestResult<RequestKind>;
  switch (request.kind) {
    case 'status':
      // Storage is the browser's business: the prerendered page claims nothing about it.
      result = { kind: 'loading' };
      break;
    case 'home':
    case 'event':
    case 'talk':
    case 'speaker':
      result = await buildContentView(reader, request);
      break;
    case 'search':
      result = {
        query: request.params.query,
        filters: request.params.filters ?? {},
        choices: { years: [], cities: [], formats: [], series: [] },
        alsoSearched: [],
        events: [],
        talks: [],
        speakers: [],
      } satisfies SearchView;
      break;
    case 'myAgenda':
      result = { talks: [], changes: [], removed: [] };
      break;
    case 'stars':
    case 'setStar':
      result = [];
      break;
    case 'dismissChange':
      result = null;
      break;
    case 'about':
      result = null;
      break;
    case 'settings':
    case 'setSetting':
      // Settings belong to a browser; a build has no reader, so none are made.
      result = {};
      break;
  }
  return result as RequestResult<K>;
}
