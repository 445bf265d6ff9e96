import { compileContent, type CompileOptions } from '../../src/compiler/compile';
import type { GlossarySource } from '../../src/compiler/glossary';
import { readContentTree, type SourceFile } from '../../src/compiler/read-content';
import { readDictionary } from '../../src/compiler/read-dictionary';
import { readGlossary } from '../../src/compiler/read-glossary';
import type { Bundle, Event, Talk } from '../../src/lib/schema';

/** The build time every test compiles with, so bundles can be compared byte for byte. */
export const FIXED_TIME = '2026-01-01T00:00:00.000Z';

/** A source file from a string, as the content walk would read it. */
export function post(path: string, text: string | Uint8Array): SourceFile {
  return { path, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text };
}

/** Compiles in-memory posts, with no glossary unless one is given. */
export function compile(files: SourceFile[], options: Partial<CompileOptions> = {}) {
  return compileContent(files, { generatedAt: FIXED_TIME, ...options });
}

/** A glossary given as its YAML text, reported as `glossary.yaml`. */
export function glossary(text: string): GlossarySource {
  return { file: 'glossary.yaml', text };
}

/**
 * Compiles the repository's `content/` folder with the project's glossary and jieba's dictionary,
 * as `npm run content` does.
 */
export async function compileSeeds() {
  const tree = await readContentTree('content');
  const projectGlossary = await readGlossary();
  return compile(tree.files, {
    ...(projectGlossary && { glossary: projectGlossary }),
    dictionary: readDictionary,
  });
}

/** The talks of one event, in agenda order. */
export function talksOf(bundle: Bundle, event: Event): Talk[] {
  return event.talkIds.map((id) => {
    const talk = bundle.talks.find((candidate) => candidate.id === id);
    if (!talk) throw new Error(`event ${event.id} lists missing talk ${id}`);
    return talk;
  });
}

/** The event compiled from `source`, failing the test when there is none. */
export function eventFrom(bundle: Bundle, source: string): Event {
  const event = bundle.events.find((candidate) => candidate.source === source);
  if (!event) throw new Error(`no event compiled from ${source}`);
  return event;
}
