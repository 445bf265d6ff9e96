/**
 * The search page's address: `/search?q=…&year=…&city=…&format=…&series=…`. The address is the
 * page's whole state, so a search can be shared, bookmarked and reloaded offline.
 */
import type { EventFormat } from '$lib/schema';
import type { SearchFilters } from '$lib/search/content-index';

/** The filters, in the order the page shows them. */
export const FILTER_KEYS = ['year', 'city', 'format', 'series'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const FORMATS: readonly EventFormat[] = ['offline', 'online', 'hybrid'];

/** The query and filters of a search address; values that cannot be right are dropped. */
export function readSearch(params: URLSearchParams): { query: string; filters: SearchFilters } {
  const value = (key: string) => params.get(key)?.trim() || undefined;
  const filters: SearchFilters = {};
  const year = value('year');
  if (year && /^\d{4}$/.test(year)) filters.year = year;
  const city = value('city');
  if (city) filters.city = city;
  const format = value('format');
  if (format && (FORMATS as readonly string[]).includes(format))
    filters.format = format as EventFormat;
  const series = value('series');
  if (series) filters.series = series;
  return { query: value('q') ?? '', filters };
}

/** True when any filter is set. */
export function hasFilters(filters: SearchFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/** The address of a search: `path` plus the query string, or `path` alone when empty. */
export function searchHref(path: string, query: string, filters: SearchFilters): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
