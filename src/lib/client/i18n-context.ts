/**
 * The interface language, handed from the root layout to every component below it. The layout
 * owns the value (from its `load`); components only read it.
 */
import { createContext } from 'svelte';
import type { Locale, Messages } from './i18n';

/** The reader's language and its messages; getters, so a new layout `data` is seen at once. */
export interface I18n {
  readonly locale: Locale;
  readonly m: Messages;
}

/** `getI18n()` in any component under the root layout; `setI18n` is for the layout alone. */
export const [getI18n, setI18n] = createContext<I18n>();
