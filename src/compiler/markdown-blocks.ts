import type { Token } from 'markdown-it';

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

/** The text, bold spans and links of one inline token (a paragraph's, a heading's, a cell's). */
interface InlineContent {
  text: string;
  strong: string[];
  links: BlockLink[];
}

/**
 * Reads an inline token's children as the author's text: images by their alt text, raw inline
 * HTML as written, a hard line break as nothing (the words on either side were split by it).
 */
function readInline(inline: Token | undefined): InlineContent {
  const content: InlineContent = { text: '', strong: [], links: [] };
  /** Text of the bold span and of the link open at this point, if any. */
  let strong: string | null = null;
  let strongDepth = 0;
  let link: { url: string; label: string } | null = null;
  const add = (text: string) => {
    content.text += text;
    if (strong !== null) strong += text;
    if (link) link.label += text;
  };
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        add(child.content);
        break;
      case 'image':
        add(readInline(child).text);
        break;
      case 'softbreak':
        add('\n');
        break;
      case 'strong_open':
        if (strongDepth++ === 0) strong = '';
        break;
      case 'strong_close':
        if (--strongDepth === 0 && strong !== null) {
          content.strong.push(squash(strong));
          strong = null;
        }
        break;
      case 'link_open':
        link = { url: String(child.attrGet('href') ?? ''), label: '' };
        break;
      case 'link_close':
        if (link) content.links.push({ url: link.url, label: squash(link.label) });
        link = null;
        break;
      default:
    }
  }
  return content;
}

function makeBlock(kind: Block['kind'], content: InlineContent, line: number, depth = 0): Block {
  const text = squash(content.text);
  const { strong, links } = content;
  return {
    kind,
    depth,
    text,
    strong,
    allStrong: strong.length === 1 && strong[0] === text && text !== '',
    links,
    cells: [],
    header: [],
    line,
  };
}

/** The content of several inline tokens read as one, as a table row reads its cells. */
function joinInline(parts: InlineContent[]): InlineContent {
  return {
    text: parts.map((part) => part.text).join(''),
    strong: parts.flatMap((part) => part.strong),
    links: parts.flatMap((part) => part.links),
  };
}

/** A list item being read: its line, and whether its first child (the item itself) was read. */
interface OpenItem {
  line: number;
  read: boolean;
}

/**
 * Flattens a post's Markdown tokens into blocks in reading order; `bodyLine` maps the tokens'
 * lines to the file. A list item's first paragraph (or heading, or code) is the item; whatever
 * follows it in the item (nested lists, more paragraphs) comes as blocks of its own.
 */
export function toBlocks(tokens: Token[], bodyLine: number): Block[] {
  const blocks: Block[] = [];
  const items: OpenItem[] = [];
  let quoteDepth = 0;
  const fileLine = (token: Token) => (token.map?.[0] ?? 0) + bodyLine;
  /** Adds a block, as its list item when it is the item's first child. */
  const push = (kind: Block['kind'], content: InlineContent, token: Token, depth = 0) => {
    const item = items.at(-1);
    if (item && !item.read) {
      item.read = true;
      blocks.push(makeBlock(quoteDepth > 0 ? 'quote' : 'list-item', content, item.line));
      return;
    }
    const shown = kind === 'paragraph' && quoteDepth > 0 ? 'quote' : kind;
    blocks.push(makeBlock(shown, content, fileLine(token), depth));
  };
  const noText: InlineContent = { text: '', strong: [], links: [] };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    switch (token.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'list_item_open':
        items.push({ line: fileLine(token), read: false });
        break;
      case 'list_item_close':
        items.pop();
        break;
      case 'heading_open':
        push('heading', readInline(tokens[index + 1]), token, Number(token.tag.slice(1)));
        break;
      case 'paragraph_open':
        push('paragraph', readInline(tokens[index + 1]), token);
        break;
      case 'fence':
      case 'code_block':
        push('code', { ...noText, text: token.content }, token);
        break;
      case 'hr':
        push('break', noText, token);
        break;
      case 'table_open':
        index = readTable(tokens, index, (row, cells, header, line) => {
          const item = items.at(-1);
          if (item) item.read = true;
          blocks.push({ ...makeBlock('table-row', row, line + bodyLine), cells, header });
        });
        break;
      default:
    }
  }
  return blocks.filter((block) => block.text !== '' || block.kind === 'break');
}

/**
 * Reads the table opening at `start`, calling `onRow` for each body row with the row's content,
 * its cell texts, the header's cell texts and its 0-based line; returns the index of the table's
 * closing token.
 */
function readTable(
  tokens: Token[],
  start: number,
  onRow: (row: InlineContent, cells: string[], header: string[], line: number) => void,
): number {
  let header: string[] = [];
  let row: InlineContent[] = [];
  let rowLine = 0;
  let inHead = false;
  for (let index = start + 1; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    switch (token.type) {
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        row = [];
        rowLine = token.map?.[0] ?? 0;
        break;
      case 'inline':
        row.push(readInline(token));
        break;
      case 'tr_close': {
        const cells = row.map((cell) => squash(cell.text));
        if (inHead) header = cells;
        else onRow(joinInline(row), cells, header, rowLine);
        break;
      }
      case 'table_close':
        return index;
      default:
    }
  }
  return tokens.length;
}
