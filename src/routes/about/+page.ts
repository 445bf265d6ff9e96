import { loadView } from '$lib/client/load-view';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ about: await loadView('about', {}) });
