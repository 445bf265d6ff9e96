/**
 * The presented segments of a community-meeting recap, which gives each part of the meeting a
 * heading: `## Community convo with Fredrik Klingenberg`, `## Deep dive with Eliza: Retries with
 * message bodies`, `## Policy demo` (over `Charles demoed…`). The news, roadmap and hero parts
 * beside them name no presenter and are not talks.
 */
import { emptyTalk, type AgendaDraft, type TalkDraft } from './extract-agenda';
import type { Block } from './markdown-blocks';
import type { SpeakerMention } from './parse-speakers';

/** Kinds of segment a meeting gives a guest or maintainer: `convo with`, `Deep Dive with`. */
const SEGMENT_KIND =
  /^(?:community\s+)?(?:convo|conversation|chat|fireside chat|deep dive|timeout|interview|q&a|ama|demo|talk|workshop)$/i;

/**
 * `KIND with Name`, then maybe `from Company` and `: Topic`. The names are capitalised words
 * joined by `&` or `and`: `with Chris Campbell & Dan Duggan`, `with Sol Roberts from PlexTrac`.
 */
const SEGMENT_WITH =
  /^(.+?)\s+with\s+(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:&|and)\s+)?\p{Lu}[\p{L}'’-]*)*)(?:\s+from\s+([^:]+?))?\s*(?::\s*(.+))?$/u;

/** A heading that is a demo of something: `Policy demo`. */
const DEMO_HEADING = /^\S.*\sdemo$/i;

/** Who gave a demo, as the section's prose says: `Charles demoed this…`. */
const DEMO_GIVER =
  /\b(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)\s+(?:demoed|demonstrated|showed)\b/u;

/** The people `with` names: `Eli & Omri`, `Chris Campbell & Dan Duggan`. */
function namesOf(text: string, org: string | null): SpeakerMention[] {
  return text
    .split(/\s+(?:&|and)\s+/)
    .map((name) => ({ name: name.trim(), org, role: null, aliases: [] }));
}

/** The prose of a heading's section, up to the next heading. */
function sectionText(blocks: Block[], index: number): string {
  const texts: string[] = [];
  for (const block of blocks.slice(index + 1)) {
    if (block.kind === 'heading') break;
    texts.push(block.text);
  }
  return texts.join(' ');
}

/** The segment a heading names, with its presenters, or null for a part of the meeting. */
function readSegment(blocks: Block[], index: number): TalkDraft | null {
  const heading = blocks[index];
  if (!heading || heading.kind !== 'heading') return null;
  const withMatch = SEGMENT_WITH.exec(heading.text);
  if (withMatch && SEGMENT_KIND.test(withMatch[1] ?? '')) {
    const talk = emptyTalk(heading.text, heading.line);
    talk.speakers = namesOf(withMatch[2] ?? '', withMatch[3]?.trim() ?? null);
    return talk;
  }
  if (DEMO_HEADING.test(heading.text)) {
    const giver = DEMO_GIVER.exec(sectionText(blocks, index))?.[1];
    if (!giver) return null;
    const talk = emptyTalk(heading.text, heading.line);
    talk.speakers = [{ name: giver, org: null, role: null, aliases: [] }];
    return talk;
  }
  return null;
}

/** Talks from the presented segments of a meeting recap. */
export function readRecapSegments(blocks: Block[]): AgendaDraft {
  const talks = blocks
    .map((_, index) => readSegment(blocks, index))
    .filter((talk): talk is TalkDraft => talk !== null);
  return { talks, timezone: null, method: talks.length > 0 ? 'segments' : 'none' };
}
