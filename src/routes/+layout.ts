import { browser } from '$app/environment';
import { detectLocale, type Locale } from '$lib/client/i18n';
import type { LayoutLoad } from './$types';

/** Every page is prerendered at build time; adapter-static (strict) refuses any that is not. */
export const prerender = true;

/**
 * The interface language. Prerendered HTML is English (a build has no reader); in the browser this
 * load runs again before hydration, so the first paint the reader's script makes is already in
 * their language and the page never flips from English after it is interactive.
 */
export const load: LayoutLoad = () => {
  const locale: Locale = browser ? detectLocale(navigator.languages) : 'en';
  return { locale };
};
