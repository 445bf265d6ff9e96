import type { Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Nodes, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from './diagnostics';

/** A post body parsed once and rendered for the page and for search. */
export interface RenderedBody {
  /** The Markdown syntax tree; positions are lines of the body, see `bodyLine`. */
  tree: MdastRoot;
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

/** Link targets the sanitiser drops. */
const UNSAFE_URL = /^\s*(javascript|vbscript|data:text\/html)/i;

/** Where each video shortcode points, given its first argument. */
const VIDEO_SHORTCODES: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  bilibili: (id) =>
    /^\d+$/.test(id)
      ? `https://www.bilibili.com/video/av${id}`
      : `https://www.bilibili.com/video/${encodeURIComponent(id)}`,
};

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

const renderer = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize);

/** Most posts have no raw HTML; re-parsing the tree as HTML (rehype-raw) is then wasted work. */
const rendererWithoutRaw = unified().use(remarkRehype).use(rehypeSanitize);

const serialiser = unified().use(rehypeStringify);

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

/** Parses a Markdown body and renders it to sanitised HTML and plain text. */
export function renderMarkdown(body: string, file: string, bodyLine: number): RenderedBody {
  const { markdown, videos, diagnostics } = replaceShortcodes(body, file, bodyLine);
  const tree = parser.parse(markdown);
  parser.runSync(tree);
  const warnRemoved = (node: Nodes, message: string) => {
    const line = node.position ? node.position.start.line + bodyLine - 1 : null;
    diagnostics.push(
      diagnostic(
        'warning',
        'unsafe-html-removed',
        file,
        message,
        line,
        node.position?.start.column ?? null,
      ),
    );
  };
  let hasHtml = false;
  visit(tree, 'html', (node) => {
    hasHtml = true;
    if (UNSAFE_HTML.test(node.value)) {
      warnRemoved(
        node,
        'Raw HTML with a script, an event handler (on…=) or a javascript: URL was removed; use plain Markdown links and images instead.',
      );
    }
  });
  visit(tree, ['link', 'image', 'definition'], (node) => {
    if ('url' in node && UNSAFE_URL.test(node.url)) {
      warnRemoved(
        node,
        `A link to "${node.url.slice(0, 40)}" was removed: only http(s), mailto and relative links are kept.`,
      );
    }
  });
  // remark-rehype builds a new tree and leaves the Markdown tree as it was, so no copy is needed.
  const hast = (hasHtml ? renderer : rendererWithoutRaw).runSync(tree) as HastRoot;
  const html = serialiser.stringify(hast);
  const text = toText(hast, { whitespace: 'normal' })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { tree, html, text, videos, diagnostics };
}
