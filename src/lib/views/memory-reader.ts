/** A `ContentReader` over a bundle held in memory: the prerenderer's, and the data worker's when IndexedDB is out. */
import type { Bundle, Event, Speaker, Talk } from '$lib/schema';
import type { ContentReader } from './index';

export function createMemoryReader(bundle: Bundle): ContentReader {
  const events = new Map<string, Event>(bundle.events.map((event) => [event.id, event]));
  const talks = new Map<string, Talk>(bundle.talks.map((talk) => [talk.id, talk]));
  const speakers = new Map<string, Speaker>(
    bundle.speakers.map((speaker) => [speaker.id, speaker]),
  );
  return {
    listEvents: async () => bundle.events,
    getEvent: async (id) => events.get(id),
    getTalk: async (id) => talks.get(id),
    getSpeaker: async (id) => speakers.get(id),
    getEvents: async (ids) => ids.map((id) => events.get(id)),
    getTalks: async (ids) => ids.map((id) => talks.get(id)),
    getSpeakers: async (ids) => ids.map((id) => speakers.get(id)),
  };
}
