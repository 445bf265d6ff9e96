/**
 * A recap that names only the kinds of session its event held, in a list under a sentence that
 * introduces them: `The Summit featured a mix of technical sessions, including:` over
 * `* **Unconference Tracks:** Several hours of…` and `* **SIG & WG Meetings:** In-person…`.
 * Each kind is a session of the event; the list of links beside it (`**Watch Sessions:**`,
 * `**Event Schedule:**`) is not.
 */
import { emptyTalk, type AgendaDraft, type TalkDraft } from './extract-agenda';
import type { Block } from './markdown-blocks';

/** A bold lead-in that names a kind of session: `Unconference Tracks:`, `SIG & WG Meetings:`. */
const SESSION_KIND =
  /\b(tracks?|meetings?|sessions?|workshops?|keynotes?|panels?|talks?|demos?|unconference|lightning|AMA|office hours)\b/i;

/** Fewer kinds than this are a remark, not the event's programme. */
const MIN_KINDS = 2;

/** The lead-in of a list item that opens with bold text and a colon (`**Label:**`, `**Label**:`). */
function leadIn(block: Block): string | null {
  const lead = block.strong[0];
  if (block.kind !== 'list-item' || !lead || !block.text.startsWith(lead)) return null;
  const colonAfter = /^\s*[:：]/.test(block.text.slice(lead.length));
  if (!/[:：]$/.test(lead) && !colonAfter) return null;
  return lead.replace(/\s*[:：]$/, '');
}

/** Talks from the session kinds listed under an introducing sentence. */
export function readSessionKinds(blocks: Block[]): AgendaDraft {
  const talks: TalkDraft[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'paragraph' || !/[:：]$/.test(block.text)) continue;
    const items: Block[] = [];
    for (const next of blocks.slice(index + 1)) {
      if (leadIn(next) === null) break;
      items.push(next);
    }
    const kinds = items.map((item) => leadIn(item) ?? '');
    if (kinds.length < MIN_KINDS || !kinds.every((kind) => SESSION_KIND.test(kind))) continue;
    talks.push(...items.map((item, at) => emptyTalk(kinds[at] ?? '', item.line)));
  }
  return { talks, timezone: null, method: talks.length > 0 ? 'session-kinds' : 'none' };
}
