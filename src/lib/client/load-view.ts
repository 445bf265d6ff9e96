/**
 * The pages' `load` helper: a view, a 404 when the content has no such thing, or a 503 when the
 * content cannot be reached at all. Failures become SvelteKit HTTP errors, which render the error
 * page without being logged as crashes, so no uncaught error reaches the console.
 */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { RequestKind, RequestParams, RequestResult } from '$lib/worker/protocol';
import { query } from './query';

/** The error `message` pages pass to `+error.svelte`, which words it in the reader's language. */
export const ERROR_NOT_FOUND = 'not-found';
export const ERROR_UNAVAILABLE = 'content-unavailable';

/**
 * Answers `kind` like `query`, but turns a worker failure into a 503. While prerendering a failure
 * is left to throw: a build that cannot read its own bundle must fail loudly.
 */
export async function loadView<K extends RequestKind>(
  kind: K,
  params: RequestParams<K>,
): Promise<RequestResult<K>> {
  if (!browser) return query(kind, params);
  try {
    return await query(kind, params);
  } catch {
    error(503, ERROR_UNAVAILABLE);
  }
}

/** Like `loadView`, for views that are null when the id is unknown: null becomes a 404. */
export async function loadFound<K extends RequestKind>(
  kind: K,
  params: RequestParams<K>,
): Promise<NonNullable<RequestResult<K>>> {
  const view = await loadView(kind, params);
  if (view === null || view === undefined) error(404, ERROR_NOT_FOUND);
  return view;
}
