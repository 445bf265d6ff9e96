import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every page is prerendered to plain files, so the output can be served from any static host.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
  },
};

export default config;
