import { browser } from '$app/environment';
import { loadView } from '$lib/client/load-view';
import type { MyAgendaView } from '$lib/views';
import type { PageLoad } from './$types';

/** Stars live in this browser only, so the build prerenders a placeholder and no list. */
export const load: PageLoad = async () => {
  const agenda: MyAgendaView | null = browser ? await loadView('myAgenda', {}) : null;
  return { agenda };
};
