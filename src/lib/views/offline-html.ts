/** The level a post's top headings take on the event page: under its `h1` and the section's `h2`. */
const POST_TOP_LEVEL = 3;

/**
 * Fits a post's sanitised HTML into the event page: its headings move down, under the page's own
 * `h1` and the section's `h2` (a post's `# Title` would otherwise be a second `h1`), and a level
 * the post skips (`#` then `###`) is closed up, so a screen reader's outline of the page has no
 * gaps. A heading keeps its place among its siblings: one of the same or a higher level in the
 * post is at the same or a higher level on the page.
 */
export function nestHeadings(html: string): string {
  /** The headings whose sections are open: their level in the post, and on the page. */
  const open: { post: number; page: number }[] = [];
  let current = POST_TOP_LEVEL;
  return html.replace(/<(\/?)h([1-6])\b/gi, (_tag, slash: string, level: string) => {
    // Headings do not nest: a closing tag closes the last heading opened.
    if (slash) return `</h${current}`;
    const post = Number(level);
    while (open.length > 0 && (open.at(-1)?.post ?? 0) >= post) open.pop();
    const parent = open.at(-1);
    current = Math.min(6, parent ? parent.page + 1 : POST_TOP_LEVEL);
    open.push({ post, page: current });
    return `<h${current}`;
  });
}

/**
 * Makes a post's sanitised HTML safe to show offline and inside the origin: every image becomes a
 * link to it. The images of a post live on other hosts (or beside the post, where the build does
 * not copy them), so rendering them would send requests out of the app's origin and show broken
 * pictures at the venue.
 *
 * A string rewrite, not a DOM walk, because it runs in the prerenderer and the worker alike,
 * neither of which has a DOM; its input is the compiler's own serialiser output, where every
 * attribute value is double-quoted.
 */

/** An `<img …>` tag; quoted attribute values may contain `>`. */
const IMAGE_TAG = /<img\b((?:"[^"]*"|[^>"])*)>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i');
const SOURCE = ATTRIBUTE('src');
const ALT = ATTRIBUTE('alt');
/** Shown for an image that has no alt text. */
const UNNAMED_IMAGE = '🖼';

export function linkImages(html: string): string {
  return html.replace(IMAGE_TAG, (_tag, attributes: string) => {
    const source = SOURCE.exec(attributes)?.[1];
    // Attribute values may hold a literal `<`; as text it must be escaped.
    const alt = ALT.exec(attributes)?.[1]?.trim().replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const label = alt ? `🖼 ${alt}` : UNNAMED_IMAGE;
    if (!source || !/^https?:\/\//i.test(source)) return `<span class="image">${label}</span>`;
    return `<a class="image" href="${source}" rel="noopener">${label}</a>`;
  });
}
