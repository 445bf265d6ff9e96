import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Where the static site is written; the end-to-end update test builds a second version elsewhere. */
const outputDir = process.env.SIDECAR_BUILD_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every page is prerendered to plain files, so the output can be served from any static host.
    // `200.html` is the app shell: the service worker answers offline navigations to pages it
    // does not hold with it, and the shell renders them from IndexedDB.
    adapter: adapter({ pages: outputDir, assets: outputDir, fallback: '200.html', strict: true }),
    // The page registers the worker itself, through workbox-window (src/lib/pwa/sw-bridge.ts).
    serviceWorker: { register: false },
  },
};

export default config;
