import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isBundle } from '$lib/schema';
import type { PageServerLoad } from './$types';

/** Where `npm run prebuild` writes the compiled bundle; read here only while prerendering. */
const BUNDLE_PATH = path.resolve('static/data/bundle.json');

/** One line of the home page: what a reader needs to recognise an event. */
export interface EventSummary {
  id: string;
  title: string;
  date: string | null;
  city: string | null;
  talkCount: number;
}

export const prerender = true;

async function readBundle(): Promise<unknown> {
  try {
    return JSON.parse(await readFile(BUNDLE_PATH, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(
      `Cannot read the bundle at ${BUNDLE_PATH}: ${(error as Error).message}. ` +
        'Run `npm run build` (its prebuild step compiles content/), or `npm run prebuild` first.',
    );
  }
}

// Only the summaries are returned: the page inlines its data, and the full bundle does not belong
// in the HTML.
export const load: PageServerLoad = async () => {
  const bundle = await readBundle();
  if (!isBundle(bundle)) {
    throw new Error(
      `${BUNDLE_PATH} is not a bundle of this build's format; rebuild it with \`npm run prebuild\`.`,
    );
  }
  const events: EventSummary[] = bundle.events.map((event) => ({
    id: event.id,
    title: event.title,
    date: event.date,
    city: event.city,
    talkCount: event.talkIds.length,
  }));
  return { events };
};
