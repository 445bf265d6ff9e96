import { loadView } from '$lib/client/load-view';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({ home: await loadView('home', {}) });
