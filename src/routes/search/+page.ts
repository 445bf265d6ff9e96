import { browser } from '$app/environment';
import { loadView } from '$lib/client/load-view';
import { hasFilters, readSearch } from '$lib/client/search-url';
import type { PageLoad } from './$types';

/**
 * Results exist only in the browser: a prerendered page has no query string (reading
 * `url.searchParams` while prerendering is an error), so the build renders the empty search form.
 * An empty search waits for nothing, so the form is ready to type in at once; the page asks for
 * the filters' choices after it shows.
 */
export const load: PageLoad = async ({ url }) => {
  if (!browser) return { query: '', filters: {}, results: null };
  const { query, filters } = readSearch(url.searchParams);
  const asked = query !== '' || hasFilters(filters);
  return { query, filters, results: asked ? await loadView('search', { query, filters }) : null };
};
