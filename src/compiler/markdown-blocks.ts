import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A link in a block, with the text it was written as. */
export interface BlockLink {
  url: string;
  label: string;
}

/**
 * One line-like unit of a post body, flattened out of the Markdown tree. The agenda extractors
 * read posts as an author writes them: a heading, a bold line, a quote, a list item, a table row.
 */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item' | 'quote' | 'table-row' | 'break' | 'code';
  /** Heading depth; 0 for other kinds. */
  depth: number;
  /** Plain text, whitespace collapsed. */
  text: string;
  /** Text of the bold spans, in order. */
  strong: string[];
  /** True when the block's text is nothing but one bold span (ignoring surrounding spaces). */
  allStrong: boolean;
  links: BlockLink[];
  /** Table rows only: the cell texts, and the header row's cell texts. */
  cells: string[];
  header: string[];
  /** 1-based line in the post file. */
  line: number;
}

/** Collapses runs of white space, keeping the text on one line. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function collectLinks(node: Nodes, links: BlockLink[]): void {
  if (node.type === 'link') links.push({ url: node.url, label: squash(toString(node)) });
  if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links);
}

function collectStrong(node: Nodes, strong: string[]): void {
  if (node.type === 'strong') {
    strong.push(squash(toString(node)));
    return;
  }
  if ('children' in node) for (const child of node.children) collectStrong(child as Nodes, strong);
}

function makeBlock(kind: Block['kind'], node: Nodes, bodyLine: number, depth = 0): Block {
  const text = squash(toString(node));
  const strong: string[] = [];
  const links: BlockLink[] = [];
  collectStrong(node, strong);
  collectLinks(node, links);
  return {
    kind,
    depth,
    text,
    strong,
    allStrong: strong.length === 1 && strong[0] === text && text !== '',
    links,
    cells: [],
    header: [],
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
  };
}

/** Flattens a Markdown tree into blocks in reading order; `bodyLine` maps lines to the file. */
export function toBlocks(tree: Root, bodyLine: number): Block[] {
  const blocks: Block[] = [];
  const walk = (node: Nodes, inQuote: boolean): void => {
    switch (node.type) {
      case 'heading':
        blocks.push(makeBlock('heading', node, bodyLine, node.depth));
        return;
      case 'paragraph':
        blocks.push(makeBlock(inQuote ? 'quote' : 'paragraph', node, bodyLine));
        return;
      case 'thematicBreak':
        blocks.push(makeBlock('break', node, bodyLine));
        return;
      case 'code':
        blocks.push(makeBlock('code', node, bodyLine));
        return;
      case 'listItem': {
        // A list item's first paragraph is the item; nested lists follow as items of their own.
        const [first, ...rest] = node.children;
        if (first)
          blocks.push({
            ...makeBlock(inQuote ? 'quote' : 'list-item', first, bodyLine),
            line: (node.position?.start.line ?? 1) + bodyLine - 1,
          });
        for (const child of rest) walk(child, inQuote);
        return;
      }
      case 'table': {
        const [head, ...rows] = node.children;
        const header = head ? head.children.map((cell) => squash(toString(cell))) : [];
        for (const row of rows) {
          blocks.push({
            ...makeBlock('table-row', row, bodyLine),
            cells: row.children.map((cell) => squash(toString(cell))),
            header,
          });
        }
        return;
      }
      case 'blockquote':
        for (const child of node.children) walk(child, true);
        return;
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, inQuote);
    }
  };
  walk(tree, false);
  return blocks.filter((block) => block.text !== '' || block.kind === 'break');
}
