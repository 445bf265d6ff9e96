/**
 * Gives talks their slides from a post's download list. The labels are written separately from
 * the agenda and rarely equal the talk titles (`《SOFAStack 三周年分享》下载链接` for
 * `SOFA 三周年 ---- 一起做些有趣的事儿吧！`), so links are matched by similarity first and then,
 * when exactly as many talks as links are left, in order.
 */
import type { TalkDraft } from './extract-agenda';
import type { Block, BlockLink } from './markdown-blocks';

/** Links to slide files, or labelled as a talk in 《》. */
const SLIDE_URL = /\.(pdf|pptx?|key|odp)(?:[?#]|$)/i;
const BOOK_LABEL = /《.+》/;

/** Below this Dice similarity, a label and a title are not the same talk. */
const MIN_SIMILARITY = 0.5;

/** Lower-cased letters, digits and Han characters only. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < text.length; index++) {
    const gram = text.slice(index, index + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const left = bigrams(normalise(a));
  const right = bigrams(normalise(b));
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The title a download label names: `[《注册中心 6.0 新特性》下载链接]` → `注册中心 6.0 新特性`. */
function labelTitle(label: string): string {
  const book = /《(.+?)》/.exec(label);
  return (book?.[1] ?? label).replace(/(下载链接|下载|slides?|ppt)$/i, '').trim();
}

/** True for a link to a slide file, or one labelled with a talk title in 《》. */
export function isSlideLink(link: BlockLink): boolean {
  return SLIDE_URL.test(link.url) || BOOK_LABEL.test(link.label);
}

/** Links that look like one talk's slides, in the order the post lists them. */
export function findSlideLinks(blocks: Block[]): BlockLink[] {
  const links: BlockLink[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'table-row') continue;
    for (const link of block.links) if (isSlideLink(link)) links.push(link);
  }
  return links;
}

/** Sets `slidesUrl` on talks that have none, from `links`; returns the links left unmatched. */
export function matchSlides(talks: TalkDraft[], links: BlockLink[]): BlockLink[] {
  const openTalks = new Set(talks.filter((talk) => talk.slidesUrl === null));
  const openLinks = new Set(links);
  const pairs: { talk: TalkDraft; link: BlockLink; score: number }[] = [];
  for (const talk of openTalks) {
    for (const link of openLinks)
      pairs.push({ talk, link, score: similarity(talk.title, labelTitle(link.label)) });
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const { talk, link, score } of pairs) {
    if (score < MIN_SIMILARITY) break;
    if (!openTalks.has(talk) || !openLinks.has(link)) continue;
    talk.slidesUrl = link.url;
    openTalks.delete(talk);
    openLinks.delete(link);
  }
  if (openTalks.size > 0 && openTalks.size === openLinks.size) {
    const remaining = [...openLinks];
    [...openTalks].forEach((talk, index) => {
      talk.slidesUrl = remaining[index]?.url ?? null;
    });
    openLinks.clear();
  }
  return [...openLinks];
}
