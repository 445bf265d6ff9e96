/**
 * Fits a post's sanitised HTML into the event page: its headings move two levels down, under the
 * page's own `h1` and the section's `h2` (a post's `# Title` would otherwise be a second `h1`).
 */
export function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])\b/gi, (_tag, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 2)}`;
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
