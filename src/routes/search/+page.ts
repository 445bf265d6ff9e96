import { browser } from '$app/environment';
import { loadView } from '$lib/client/load-view';
import type { SearchView } from '$lib/views';
import type { PageLoad } from './$types';

/**
 * Results exist only in the browser: a prerendered page has no query string (reading
 * `url.searchParams` while prerendering is an error), so the build renders the empty search form.
 */
export const load: PageLoad = async ({ url }) => {
  const query = browser ? (url.searchParams.get('q') ?? '').trim() : '';
  const results: SearchView | null = query ? await loadView('search', { query }) : null;
  return { query, results };
};
