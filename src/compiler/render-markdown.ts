import MarkdownIt, { type Env, type Token } from 'markdown-it';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import sanitizeHtml from 'sanitize-html';
import { diagnostic, type Diagnostic } from './diagnostics';
import { htmlToText } from './html-text';

/** A post body parsed once and rendered for the page and for search. */
export interface RenderedBody {
  /** The Markdown tokens; their `map` lines count from 0 at the body's first line. */
  tokens: Token[];
  /** Sanitised HTML: no scripts, no event handlers, no `javascript:` URLs. */
  html: string;
  /** Plain text with block breaks as newlines, for search and summaries. */
  text: string;
  /** Video links that shortcodes stood for. */
  videos: { url: string; label: string }[];
  diagnostics: Diagnostic[];
}

/** `{{< name args >}}` and `{{% name args %}}`, opening or closing (`{{< /name >}}`). */
const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w.-]+)([^]*?)\s*[>%]\}\}/g;

/** Raw HTML that the sanitiser will drop, found first so the author hears about it. */
const UNSAFE_HTML = /<\s*(script|iframe|object|embed|style)\b|\son[a-z]+\s*=|javascript:/i;

/** The schemes a link or image may use; relative links have none. Others are dropped. */
const KEPT_SCHEMES = ['http', 'https', 'mailto'];

/** A link target the sanitiser drops: `javascript:`, `data:`, any scheme but the kept ones. */
function isDroppedUrl(url: string): boolean {
  const scheme = /^\s*([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
  return scheme !== undefined && !KEPT_SCHEMES.includes(scheme.toLowerCase());
}

/**
 * Dropped targets the author hears about: the ones that could run code. `<SOFA:Channel/>`, a
 * brand name CommonMark reads as a link, loses its unknown target quietly and keeps its text.
 */
const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

/** Where each video shortcode points, given its first argument. */
const VIDEO_SHORTCODES: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  bilibili: (id) =>
    /^\d+$/.test(id)
      ? `https://www.bilibili.com/video/av${id}`
      : `https://www.bilibili.com/video/${encodeURIComponent(id)}`,
};

/**
 * CommonMark with GFM tables and strikethrough, bare URLs as links, raw HTML passed on to the
 * sanitiser, and emphasis that works next to Chinese punctuation (`**敖小剑（蚂蚁金服）：…**`).
 * markdown-it rather than micromark (remark): on the 251 corpus posts it finds the same blocks,
 * talks and speakers more than ten times faster, and the Markdown pass was half of a compile.
 */
const markdown = new MarkdownIt({ html: true, linkify: true }).use(markdownItCjkFriendly);
// Every link is parsed as a link, so that an unsafe one is reported below and its text kept;
// the sanitiser then drops what it points to.
markdown.validateLink = () => true;

/**
 * What the post's HTML may keep: GitHub's choice for rendered Markdown, roughly. Images stay (the
 * app turns them into links, see `offline-html`); table cells keep only their alignment.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'details', 'summary'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    td: ['style'],
    th: ['style'],
  },
  allowedStyles: { '*': { 'text-align': [/^(?:left|right|center)$/] } },
  allowedSchemes: KEPT_SCHEMES,
};

/** 1-based line within `text` of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  )
    line++;
  return line;
}

/** The first argument of a shortcode: positional (`abc`) or named (`id="abc"`). */
function firstArgument(args: string): string | null {
  const match = /^\s*(?:(?:id|src|bvid|vid)\s*=\s*)?["']?([^"'\s]+)["']?/.exec(args);
  return match?.[1] ?? null;
}

/**
 * Replaces Hugo shortcodes: video shortcodes become links, paired ones keep their inner text,
 * everything else is removed with a warning. Hugo renders shortcodes with templates Sidecar
 * does not have, so no general renderer exists to call.
 */
function replaceShortcodes(body: string, file: string, bodyLine: number) {
  const diagnostics: Diagnostic[] = [];
  const videos: { url: string; label: string }[] = [];
  const markdown = body.replace(
    SHORTCODE,
    (match, _delimiter: string, closing: string, name: string, args: string, offset: number) => {
      const line = bodyLine + lineAt(body, offset) - 1;
      // A shortcode may span lines; its replacement keeps them, so later tree positions still map.
      const keptLines = '\n'.repeat(match.split('\n').length - 1);
      const video = VIDEO_SHORTCODES[name.toLowerCase()];
      if (video && !closing) {
        const id = firstArgument(args);
        if (id) {
          const url = video(id);
          videos.push({ url, label: name });
          return `[${name === 'youtube' ? 'YouTube' : 'Bilibili'}](${url})${keptLines}`;
        }
      }
      if (!closing) {
        diagnostics.push(
          diagnostic(
            'warning',
            'shortcode-removed',
            file,
            `Hugo shortcode "${name}" has no meaning in Sidecar and was removed; write plain Markdown (a link or an image) if its content matters.`,
            line,
            null,
          ),
        );
      }
      return match.startsWith('{{%') || match.startsWith('{{<') ? keptLines : match;
    },
  );
  return { markdown, videos, diagnostics };
}

/**
 * Where `needle` first occurs in the block spanning the given 0-based `lines`, as a 1-based
 * line and column; elsewhere in the text when the block does not spell it (a link that
 * takes its target from a reference definition), or at the block's first line.
 */
function locate(
  lines: string[],
  needle: string,
  [first, last]: [number, number],
): { line: number; column: number | null } {
  const find = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const column = lines[index]?.indexOf(needle) ?? -1;
      if (column !== -1) return { line: index + 1, column: column + 1 };
    }
    return null;
  };
  return find(first, last) ?? find(0, lines.length) ?? { line: first + 1, column: null };
}

/**
 * Finds what the sanitiser has to look at: raw HTML anywhere, and link targets it drops. Those
 * that could run code are reported at their lines in the file.
 */
function inspect(
  tokens: Token[],
  markdownText: string,
  file: string,
  bodyLine: number,
): { hasRawHtml: boolean; hasDroppedUrl: boolean; diagnostics: Diagnostic[] } {
  const lines = markdownText.split('\n');
  const diagnostics: Diagnostic[] = [];
  let hasRawHtml = false;
  let hasDroppedUrl = false;
  const warn = (place: { line: number; column: number | null }, message: string) =>
    diagnostics.push(
      diagnostic(
        'warning',
        'unsafe-html-removed',
        file,
        message,
        place.line + bodyLine - 1,
        place.column,
      ),
    );
  const checkHtml = (html: string, map: [number, number]) => {
    hasRawHtml = true;
    const unsafe = UNSAFE_HTML.exec(html);
    if (unsafe)
      warn(
        locate(lines, unsafe[0].trim(), map),
        'Raw HTML with a script, an event handler (on…=) or a javascript: URL was removed; use plain Markdown links and images instead.',
      );
  };
  const checkUrl = (url: string, map: [number, number]) => {
    if (!isDroppedUrl(url)) return;
    hasDroppedUrl = true;
    if (UNSAFE_URL.test(url))
      warn(
        locate(lines, url, map),
        `A link to "${url.slice(0, 40)}" was removed: only http(s), mailto and relative links are kept.`,
      );
  };
  for (const token of tokens) {
    const map = (token.map as [number, number] | null) ?? [0, 0];
    if (token.type === 'html_block') checkHtml(token.content, map);
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') checkHtml(child.content, map);
      if (child.type === 'link_open') checkUrl(String(child.attrGet('href')), map);
      if (child.type === 'image') checkUrl(String(child.attrGet('src')), map);
    }
  }
  return { hasRawHtml, hasDroppedUrl, diagnostics };
}

/** Parses a Markdown body and renders it to sanitised HTML and plain text. */
export function renderMarkdown(body: string, file: string, bodyLine: number): RenderedBody {
  const { markdown: markdownText, videos, diagnostics } = replaceShortcodes(body, file, bodyLine);
  const env: Env = {};
  const tokens = markdown.parse(markdownText, env);
  const found = inspect(tokens, markdownText, file, bodyLine);
  diagnostics.push(...found.diagnostics);
  let html = markdown.renderer.render(tokens, markdown.options, env).trim();
  // markdown-it escapes all text it renders, so its HTML can only be unsafe through raw HTML or a
  // link target of another scheme; only then is the sanitiser's second parse of it needed (one
  // post in five).
  if (found.hasRawHtml || found.hasDroppedUrl) html = sanitizeHtml(html, SANITIZE);
  const text = htmlToText(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { tokens, html, text, videos, diagnostics };
}
