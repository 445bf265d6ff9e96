/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Sidecar's service worker: the app works offline after the first visit, including pages never
 * opened before. It owns Cache Storage (and nothing else does).
 *
 * - Precached, per version: the bundle Vite emitted (JS, CSS, the data worker and the compiled
 *   content bundle), the files in `static/`, and the shell pages. Talk, speaker and event pages
 *   are not precached (thousands of them); offline, a navigation to one gets the shell,
 *   `200.html`, which renders it from IndexedDB.
 * - A new version installs beside the old one and waits until the page asks for it (the user's
 *   "Reload"), so one page never runs two versions' code.
 */
import { build, files, prerendered, version, base } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { PrecacheEntry } from 'workbox-precaching/_types';

declare const self: ServiceWorkerGlobalScope;

/** adapter-static's `fallback` page (svelte.config.js): the app with no page rendered in it. */
const SHELL = `${base}/200.html`;

/**
 * SvelteKit fetches this after a failed client-side navigation to learn whether the app was
 * redeployed; held in the precache, that check answers offline instead of logging a network error.
 */
const VERSION_FILE = `${base}/_app/version.json`;

/** Prerendered pages worth holding for every visitor: the ones the app's navigation leads to. */
const SHELL_PAGES = ['/', '/search', '/my', '/about'];

/** Those pages, and the `__data.json` a client-side navigation fetches when one has server data. */
const SHELL_PATHS = new Set(
  SHELL_PAGES.flatMap((path) => [base + path, `${base}${path.replace(/\/$/, '')}/__data.json`]),
);

/**
 * How long a navigation to a page that is not precached waits for the network before the shell
 * answers instead: venue Wi-Fi often connects and then hangs.
 */
const NAVIGATION_TIMEOUT_SECONDS = 3;

/** The message workbox-window's `messageSkipWaiting()` sends (see `src/lib/pwa/sw-bridge.ts`). */
const SKIP_WAITING = 'SKIP_WAITING';

/** Vite's `_app/immutable/` files carry their content hash in the name; the URL is the revision. */
function isHashed(url: string): boolean {
  return url.startsWith(`${base}/_app/immutable/`);
}

function precacheEntries(): PrecacheEntry[] {
  const urls = new Set([
    ...build,
    ...files,
    ...prerendered.filter((path) => SHELL_PATHS.has(path)),
    SHELL,
    VERSION_FILE,
  ]);
  return [...urls].map((url) => ({ url, revision: isHashed(url) ? null : version }));
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== SKIP_WAITING) return;
  void self.skipWaiting();
});

// The first visit is controlled as soon as the worker activates, so it works offline without a
// reload. Later versions still wait for SKIP_WAITING: claiming only happens on activation.
clientsClaim();
cleanupOutdatedCaches();

// Precached pages and assets answer from the cache first: they belong to this version, the
// hashed scripts they reference are precached beside them, and they show instantly at the venue.
// `?q=` on /search (and any other parameter) still finds the one precached copy of the page.
precacheAndRoute(precacheEntries(), { ignoreURLParametersMatching: [/.*/] });

// Other pages come from the network (its prerendered HTML is the freshest and the most complete),
// and are deliberately not cached: a page saved from an older version would reference scripts the
// next version's precache no longer holds. Offline or slow, the shell renders them instead.
registerRoute(
  new NavigationRoute(new NetworkOnly({ networkTimeoutSeconds: NAVIGATION_TIMEOUT_SECONDS })),
);

setCatchHandler(async ({ request }) => {
  if (request.mode !== 'navigate') return Response.error();
  return (await matchPrecache(SHELL)) ?? Response.error();
});
