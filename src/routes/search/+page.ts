import { browser } from '$app/environment';
import { loadView } from '$lib/client/load-view';
import { readSearch } from '$lib/client/search-url';
import type { PageLoad } from './$types';

/**
 * Results exist only in the browser: a prerendered page has no query string (reading
 * `url.searchParams` while prerendering is an error), so the build renders the empty search form.
 * In the browser the worker answers even an empty search, with the filters' choices.
 */
export const load: PageLoad = async ({ url }) => {
  if (!browser) return { query: '', filters: {}, results: null };
  const { query, filters } = readSearch(url.searchParams);
  return { query, filters, results: await loadView('search', { query, filters }) };
};
