/**
 * Map searches for a venue, as plain links: nothing is requested from a map service until the
 * reader follows one, and no map is embedded. Amap (高德) and Baidu Maps know Chinese addresses
 * best and open their apps on phones; OpenStreetMap works everywhere else.
 */

/** The map services a venue links to, in the order they are shown. */
export type MapService = 'amap' | 'baidu' | 'osm';

/** A search for one venue on one map service. */
export interface MapLink {
  service: MapService;
  url: string;
}

/** Names the search links after, so a request can be traced to Sidecar (the services ask). */
const SOURCE = 'sidecar';

/** What to search for: the venue, after its city when the venue does not already name it. */
function searchText(venue: string, city: string | null): string {
  return city && !venue.includes(city) ? `${city} ${venue}` : venue;
}

/** Amap's URI API search page (uri.amap.com), which opens the Amap app where installed. */
function amapUrl(venue: string, city: string | null): string {
  const url = new URL('https://uri.amap.com/search');
  url.searchParams.set('keyword', searchText(venue, city));
  if (city) url.searchParams.set('city', city);
  url.searchParams.set('src', SOURCE);
  url.searchParams.set('callnative', '1');
  return url.href;
}

/** Baidu Maps' URI API place search, as a web page (`output=html`). */
function baiduUrl(venue: string, city: string | null): string {
  const url = new URL('https://api.map.baidu.com/place/search');
  url.searchParams.set('query', venue);
  if (city) url.searchParams.set('region', city);
  url.searchParams.set('output', 'html');
  url.searchParams.set('src', SOURCE);
  return url.href;
}

/** OpenStreetMap's search (Nominatim behind its own page). */
function osmUrl(venue: string, city: string | null): string {
  const url = new URL('https://www.openstreetmap.org/search');
  url.searchParams.set('query', searchText(venue, city));
  return url.href;
}

/** Searches for `venue` (in `city`, when known) on Amap, Baidu Maps and OpenStreetMap. */
export function mapLinks(venue: string, city: string | null): MapLink[] {
  const place = venue.trim();
  const town = city?.trim() || null;
  return [
    { service: 'amap', url: amapUrl(place, town) },
    { service: 'baidu', url: baiduUrl(place, town) },
    { service: 'osm', url: osmUrl(place, town) },
  ];
}
