/**
 * The review page: one self-contained HTML file (`npm run content -- --report FILE.html`) in which
 * an organizer reads what the compiler made of every post — the event, its talks and what was
 * wrong — next to the source path, without running the app. Pure: a compile result in, a string
 * out; the CLI writes it.
 *
 * Post text is untrusted, so every value goes through the `html` template below, which escapes
 * whatever it is given unless it is markup the template built itself. The page also carries a
 * Content-Security-Policy that allows no script and no request, so a mistake here still cannot
 * run code or reach the network.
 */
import type { Event, EventLink, Talk, TalkSpeaker } from '../lib/schema';
import type { CompileResult, PostReport } from './compile';
import { formatLocation, type Diagnostic } from './diagnostics';

/** What the page says about where the content came from. */
export interface ReportOptions {
  /** The content folder as the organizer named it, shown in the heading. */
  contentRoot?: string;
  /** Files the content walk passed over (not posts), listed so nothing goes unmentioned. */
  skipped?: readonly string[];
}

/**
 * Markup the `html` template built. Only this class passes through unescaped; a plain string
 * never does, whatever it contains.
 */
class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Fragment = Markup | string | number | null | undefined | readonly Fragment[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an HTML element or a quoted attribute. Written out rather than taken from a
 * library: the five characters are the whole job, and the template needs the function inline.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function render(fragment: Fragment): string {
  if (fragment === null || fragment === undefined) return '';
  if (fragment instanceof Markup) return fragment.text;
  if (Array.isArray(fragment)) return fragment.map(render).join('');
  return escapeHtml(String(fragment));
}

/** Builds markup; every interpolated value is escaped unless it is itself `html` markup. */
function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Markup(text);
}

/** Schemes a link on the page may use; any other scheme (javascript:, data:) is shown as text. */
const LINKABLE = /^(https?:|mailto:)/i;

/** A URL that names a scheme, as opposed to a path relative to the site. */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * A link to `url` when its scheme is safe to follow. A path relative to the site is shown as it
 * is (the page is not on the site, so it would lead nowhere); any other scheme is struck out.
 */
function link(url: string, label: Fragment = url): Markup {
  const trimmed = url.trim();
  if (LINKABLE.test(trimmed))
    return html`<a href="${trimmed}" rel="noreferrer noopener">${label}</a>`;
  if (!HAS_SCHEME.test(trimmed)) return html`<code title="relative to the site">${url}</code>`;
  return html`<span class="unsafe" title="not linked: unsafe scheme">${url}</span>`;
}

/** A value the compiler did not find, shown so that the gap is seen, not mistaken for layout. */
const NONE = html`<span class="none">—</span>`;

function orNone(value: string | null | undefined): Fragment {
  return value ? value : NONE;
}

/** The fragment id of a post's section: its path, so a link to it survives a rebuild. */
function anchorOf(source: string): string {
  return `post:${source.replace(/\s/g, '_')}`;
}

function hrefOf(source: string): string {
  return `#${encodeURIComponent(anchorOf(source))}`;
}

/**
 * The folder a post is listed under. A Hugo leaf bundle (`…/sofa-meetup-14/index.md`) is a folder
 * of its own, so it is listed with its siblings under the parent folder instead.
 */
export function folderOf(source: string): string {
  const parts = source.split('/');
  parts.pop();
  const isLeafBundle = source.endsWith('/index.md') && parts.length > 1;
  if (isLeafBundle) parts.pop();
  return parts.length > 0 ? parts.join('/') : '.';
}

function formatDates(date: string | null, endDate: string | null): Fragment {
  if (!date) return NONE;
  return endDate && endDate !== date ? `${date} – ${endDate}` : date;
}

/** `14:00–17:30 Asia/Shanghai`, with `?` for a missing end or start. */
function formatTimes(
  start: string | null,
  end: string | null,
  timezone: string | null = null,
): Fragment {
  const zone = timezone ? ` ${timezone}` : '';
  if (!start && !end) return zone ? html`${NONE}${zone}` : NONE;
  return `${start ?? '?'}–${end ?? '?'}${zone}`;
}

function countBySeverity(diagnostics: readonly Diagnostic[]) {
  const errors = diagnostics.filter((item) => item.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

function statusOf(post: PostReport): 'error' | 'warning' | 'ok' {
  const { errors, warnings } = countBySeverity(post.diagnostics);
  return errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
}

function renderSpeaker(speaker: TalkSpeaker): Markup {
  const about = [speaker.org, speaker.role].filter(Boolean).join(', ');
  return html`<li>
    <b>${speaker.name}</b>${about ? html` <span class="about">${about}</span>` : ''}
  </li>`;
}

function renderTalk(talk: Talk): Markup {
  const speakers =
    talk.speakers.length > 0
      ? html`<ul class="speakers">
          ${talk.speakers.map(renderSpeaker)}
        </ul>`
      : NONE;
  return html`<tr>
    <td>${orNone(talk.date)}</td>
    <td class="nowrap">${formatTimes(talk.start, talk.end)}</td>
    <td>${talk.title}</td>
    <td>${speakers}</td>
    <td>${talk.slidesUrl ? link(talk.slidesUrl, 'slides') : NONE}</td>
    <td>${talk.videoUrl ? link(talk.videoUrl, 'video') : NONE}</td>
  </tr>`;
}

function renderTalks(talks: readonly Talk[]): Markup {
  if (talks.length === 0) return html`<p class="warning">No talks.</p>`;
  return html`<table class="talks">
    <thead>
      <tr>
        <th>date</th>
        <th>time</th>
        <th>title</th>
        <th>speakers</th>
        <th>slides</th>
        <th>video</th>
      </tr>
    </thead>
    <tbody>
      ${talks.map(renderTalk)}
    </tbody>
  </table>`;
}

function renderLinks(links: readonly EventLink[]): Fragment {
  if (links.length === 0) return NONE;
  return html`<ul class="links">
    ${links.map((item) => html`<li>${item.kind}: ${link(item.url, item.label || item.url)}</li>`)}
  </ul>`;
}

function renderEvent(event: Event): Markup {
  return html`<dl class="event">
    <dt>title</dt>
    <dd>${event.title}</dd>
    <dt>dates</dt>
    <dd>${formatDates(event.date, event.endDate)}</dd>
    <dt>posted</dt>
    <dd>${orNone(event.postDate)} <span class="about">(${event.lang})</span></dd>
    <dt>time</dt>
    <dd>${formatTimes(event.start, event.end, event.timezone)}</dd>
    <dt>city</dt>
    <dd>${orNone(event.city)}</dd>
    <dt>venue</dt>
    <dd>${orNone(event.venue)}</dd>
    <dt>format</dt>
    <dd>${orNone(event.format)}</dd>
    <dt>series</dt>
    <dd>${orNone(event.series)}</dd>
    <dt>links</dt>
    <dd>${renderLinks(event.links)}</dd>
  </dl>`;
}

function renderDiagnostics(diagnostics: readonly Diagnostic[]): Fragment {
  if (diagnostics.length === 0) return '';
  return html`<ul class="diagnostics">
    ${diagnostics.map(
      (item) =>
        html`<li class="${item.severity}">
          <span class="severity">${item.severity}</span> <code>${item.code}</code>
          <code class="location">${formatLocation(item)}</code> ${item.message}
        </li>`,
    )}
  </ul>`;
}

/** Looks events and talks up by id once, rather than scanning the bundle per post. */
function indexBundle(result: CompileResult) {
  return {
    events: new Map(result.bundle.events.map((event) => [event.id, event])),
    talks: new Map(result.bundle.talks.map((talk) => [talk.id, talk])),
  };
}

/** What the page says a post became: its event and talks, or where they went. */
function renderOutcome(post: PostReport, event: Event | undefined, talks: readonly Talk[]): Markup {
  if (!event) return html`<p class="error">Nothing could be compiled from this file.</p>`;
  // A page of a multi-page event reports the event it was folded into; it is shown there once.
  if (event.source !== post.source) {
    return html`<p>Part of the event of <a href="${hrefOf(event.source)}">${event.source}</a>.</p>`;
  }
  return html`${renderEvent(event)} ${renderTalks(talks)}`;
}

function renderPost(post: PostReport, lookup: ReturnType<typeof indexBundle>): Markup {
  const event = post.eventId ? lookup.events.get(post.eventId) : undefined;
  const talks = (event?.talkIds ?? []).flatMap((id) => lookup.talks.get(id) ?? []);
  const status = statusOf(post);
  return html`<section class="post ${status}" id="${anchorOf(post.source)}">
    <a class="top" href="#top">↑ index</a>
    <h3>${post.title ?? '(no event)'}</h3>
    <p class="source"><code>${post.source}</code></p>
    ${renderOutcome(post, event, talks)} ${renderDiagnostics(post.diagnostics)}
  </section>`;
}

function groupByFolder(posts: readonly PostReport[]): Map<string, PostReport[]> {
  const groups = new Map<string, PostReport[]>();
  for (const post of posts) {
    const folder = folderOf(post.source);
    const group = groups.get(folder);
    if (group) group.push(post);
    else groups.set(folder, [post]);
  }
  return groups;
}

function renderIndexRow(post: PostReport, folder: string): Markup {
  const { errors, warnings } = countBySeverity(post.diagnostics);
  const inFolder = folder === '.' ? post.source : post.source.slice(folder.length + 1);
  return html`<tr class="${statusOf(post)}">
    <td><a href="${hrefOf(post.source)}">${post.title ?? '(no event)'}</a></td>
    <td class="nowrap">${orNone(post.date)}</td>
    <td class="number${post.talkCount === 0 ? ' zero' : ''}">${post.talkCount}</td>
    <td class="number">${errors || ''}</td>
    <td class="number">${warnings || ''}</td>
    <td><code>${inFolder}</code></td>
  </tr>`;
}

function renderSummary(result: CompileResult): Markup {
  const { events, talks, speakers } = result.bundle;
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const withoutTalks = result.posts.filter((post) => post.talkCount === 0).length;
  const figures: [string, number][] = [
    ['posts', result.posts.length],
    ['events', events.length],
    ['talks', talks.length],
    ['speakers', speakers.length],
    ['errors', errors],
    ['warnings', warnings],
    ['posts with no talks', withoutTalks],
  ];
  return html`<dl class="summary">
    ${figures.map(
      ([name, count]) =>
        html`<div>
          <dt>${name}</dt>
          <dd data-count="${name}">${count}</dd>
        </div>`,
    )}
  </dl>`;
}

function renderSiteWide(result: CompileResult, skipped: readonly string[]): Fragment {
  // Findings about no single post (the glossary, say); a set, so this is not quadratic in posts.
  const reported = new Set(result.posts.flatMap((post) => post.diagnostics));
  const siteWide = result.diagnostics.filter((item) => !reported.has(item));
  if (siteWide.length === 0 && skipped.length === 0) return '';
  return html`<section class="site">
    <h2>Not about one post</h2>
    ${renderDiagnostics(siteWide)}
    ${
      skipped.length > 0
        ? html`<p>Files passed over (not posts):</p>
            <ul>
              ${skipped.map((file) => html`<li><code>${file}</code></li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

const STYLE = `
:root { color-scheme: light dark; --muted: #777; --error: #c62828; --warning: #b26a00; --line: #8884; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 0 auto; padding: 1rem 2rem 4rem; max-width: 78rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; word-break: break-all; }
h3 { font-size: 1.05rem; margin: 0; }
code { font-size: .85em; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
.number { text-align: right; }
.zero { color: var(--warning); }
.nowrap { white-space: nowrap; }
.none { color: var(--muted); }
.unsafe { color: var(--error); text-decoration: line-through; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
.summary dt { color: var(--muted); font-size: .85em; }
.summary dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.post { border-left: 4px solid var(--line); padding: .5rem 0 .5rem 1rem; margin: 1.25rem 0; }
.post.error { border-left-color: var(--error); }
.post.warning { border-left-color: var(--warning); }
.source { margin: .1rem 0 .5rem; color: var(--muted); }
.event { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
.event dt { color: var(--muted); }
.event dd { margin: 0; }
.talks td:nth-child(-n + 2) { white-space: nowrap; width: 1%; }
.top { float: right; font-size: .85em; }
.speakers, .links, .diagnostics { margin: 0; padding-left: 1.1rem; }
.about { color: var(--muted); }
.diagnostics li { margin: .15rem 0; }
.severity { font-weight: 600; text-transform: uppercase; font-size: .8em; }
li.error .severity, tr.error td:nth-child(4), p.error { color: var(--error); }
li.warning .severity, tr.warning td:nth-child(5), p.warning { color: var(--warning); }
.location { color: var(--muted); }
`;

/** The review page for a compile result: a summary, an index of posts, then every post by folder. */
export function renderReportHtml(result: CompileResult, options: ReportOptions = {}): string {
  const lookup = indexBundle(result);
  const groups = groupByFolder(result.posts);
  const heading = options.contentRoot
    ? `Sidecar content report: ${options.contentRoot}`
    : 'Sidecar content report';
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'"
        />
        <title>${heading}</title>
        <style>
          ${new Markup(STYLE)}
        </style>
      </head>
      <body>
        <h1 id="top">${heading}</h1>
        <p class="source">
          Compiled ${result.bundle.generatedAt}; bundle ${result.bundle.contentHash}.
        </p>
        ${renderSummary(result)}
        <table class="index">
          <thead>
            <tr>
              <th>post</th>
              <th>date</th>
              <th class="number">talks</th>
              <th class="number">errors</th>
              <th class="number">warnings</th>
              <th>source</th>
            </tr>
          </thead>
          ${[...groups].map(
            ([folder, posts]) =>
              html`<tbody>
                <tr>
                  <th colspan="6"><code>${folder}/</code></th>
                </tr>
                ${posts.map((post) => renderIndexRow(post, folder))}
              </tbody>`,
          )}
        </table>
        ${renderSiteWide(result, options.skipped ?? [])}
        ${[...groups].map(
          ([folder, posts]) =>
            html`<h2><code>${folder}/</code></h2>
              ${posts.map((post) => renderPost(post, lookup))}`,
        )}
      </body>
    </html> `;
  return page.text;
}
