import { Parser } from 'htmlparser2';

/**
 * The plain text of a post's sanitised HTML, as a browser's `innerText` lays it out with white
 * space collapsed: a paragraph stands apart by a blank line, other blocks (headings, list items,
 * table rows) by a line break, table cells by a tab, and `<br>` breaks the line.
 *
 * Written here rather than taken from a library: hast-util-to-text implements the same rules but
 * needs an HTML syntax tree (parse5), which cost more than the whole Markdown pass, and html-to-text
 * lays text out for e-mail (wrapped lines, upper-case headings, padded tables). The input is the
 * sanitiser's output, so only the few block tags it lets through need a rule.
 */

/** Blocks that a paragraph break (a blank line) sets apart. */
const PARAGRAPH_TAGS = new Set(['p']);

/** Blocks that start on a line of their own. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
]);

const CELL_TAGS = new Set(['td', 'th']);

/** Where white space is kept as written. */
const PREFORMATTED_TAGS = new Set(['pre']);

/** A piece of the laid-out text: a run of text, or a break of at least this many line feeds. */
type Piece = string | number;

/** Joins the pieces: adjacent breaks merge into the larger, and none lead or trail. */
function layOut(pieces: Piece[]): string {
  let text = '';
  let pendingBreak = 0;
  for (const piece of pieces) {
    if (typeof piece === 'number') {
      pendingBreak = Math.max(pendingBreak, piece);
      continue;
    }
    if (text !== '' && pendingBreak > 0) text += '\n'.repeat(pendingBreak);
    pendingBreak = 0;
    text += piece;
  }
  return text;
}

/** Collapses white space within each line and trims it around line breaks and tabs. */
function collapseLine(line: string): string {
  return line
    .split('\t')
    .map((cell) => cell.replace(/[ \n\r\f]+/g, ' ').trim())
    .join('\t');
}

export function htmlToText(html: string): string {
  const pieces: Piece[] = [];
  /** Text since the last break, collapsed when the line ends. */
  let line = '';
  let preformatted = 0;
  const endLine = (breaks: number) => {
    const text = preformatted > 0 ? line : collapseLine(line);
    if (text.replace(/\t/g, '') !== '') pieces.push(text);
    line = '';
    pieces.push(breaks);
  };
  const parser = new Parser({
    onopentag(name) {
      if (PARAGRAPH_TAGS.has(name)) endLine(2);
      else if (BLOCK_TAGS.has(name)) endLine(1);
      else if (name === 'br') endLine(1);
      if (PREFORMATTED_TAGS.has(name)) preformatted++;
    },
    ontext(text) {
      line += text;
    },
    onclosetag(name, isImplied) {
      if (PREFORMATTED_TAGS.has(name)) {
        endLine(1);
        preformatted--;
      } else if (PARAGRAPH_TAGS.has(name)) endLine(2);
      else if (BLOCK_TAGS.has(name)) endLine(1);
      else if (CELL_TAGS.has(name) && !isImplied) line += '\t';
    },
  });
  parser.write(html);
  parser.end();
  endLine(0);
  // A row's last cell leaves a tab before the row's end; the row's line drops it in collapseLine.
  return layOut(
    pieces.map((piece) => (typeof piece === 'string' ? piece.replace(/\t+$/, '') : piece)),
  );
}
