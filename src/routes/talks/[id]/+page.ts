import { loadFound } from '$lib/client/load-view';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => ({
  view: await loadFound('talk', { id: params.id }),
});
