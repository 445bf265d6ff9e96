/** The review page: what an organizer reads to check a whole site's extraction at a glance. */
import { describe, expect, it } from 'vitest';
import { folderOf, renderReportHtml } from '../../src/compiler/report-html';
import { compile, post } from './compile-helpers';

const MEETUP = post(
  'events/chengdu/index.md',
  [
    '---',
    'title: Cloud Native Meetup 成都站',
    'date: 2023-03-01',
    'eventDate: 2023-03-18',
    'start: "14:00"',
    'end: "17:30"',
    'timezone: Asia/Shanghai',
    'city: 成都',
    'venue: 天府软件园 C 区',
    'format: hybrid',
    'sessions:',
    '  - title: 多集群服务网格的流量治理',
    '    speakers:',
    '      - name: 宋净超',
    '        org: Tetrate',
    '        role: 布道师',
    '    start: "14:00"',
    '    end: "14:40"',
    '    slidesUrl: https://example.org/slides/mesh.pdf',
    '    videoUrl: https://www.bilibili.com/video/BV1xx411c7mD',
    '  - title: Observability with OpenTelemetry',
    '    speakers: [Li Lei, 韩梅梅]',
    '    start: "14:50"',
    '    end: "15:30"',
    '---',
    '',
    'Welcome.',
    '',
  ].join('\n'),
);

/** Post text that would run script or load something if it reached the page unescaped. */
const HOSTILE = post(
  'events/hostile.md',
  [
    '---',
    'title: "Meetup <script>alert(1)</script> & friends"',
    'date: 2023-04-01',
    'sessions:',
    '  - title: "<img src=x onerror=alert(2)> talk"',
    '    speakers:',
    '      - name: "Mallory \\"><b>"',
    '    slidesUrl: "javascript:alert(3)"',
    '  - title: Relative slides',
    '    slidesUrl: /slides/relative.pdf',
    '---',
    '',
  ].join('\n'),
);

/** A post with no agenda: its warning must show with its line. */
const NO_AGENDA = post(
  'blog/weekly.md',
  '---\ntitle: Weekly news\ndate: 2023-05-05\n---\n\nNothing but news this week.\n',
);

const EMPTY = post('blog/empty.md', '');

/** The markup of one post's section, found by its source path. */
function sectionOf(page: string, source: string): string {
  const start = page.indexOf(`id="post:${source}"`);
  expect(start, `no section for ${source}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</section>', start));
}

function summaryCount(page: string, name: string): number {
  const match = new RegExp(`data-count="${name}">(\\d+)<`).exec(page);
  expect(match, `no summary figure "${name}"`).not.toBeNull();
  return Number(match?.[1]);
}

describe('the review page', () => {
  const result = compile([MEETUP, HOSTILE, NO_AGENDA, EMPTY]);
  const page = renderReportHtml(result, { contentRoot: 'site/content', skipped: ['logo.png'] });

  it('shows an event with its dates, post date, times, zone, place and format', () => {
    const section = sectionOf(page, 'events/chengdu/index.md');
    expect(section).toContain('<dd>Cloud Native Meetup 成都站</dd>');
    expect(section).toContain('<dd>2023-03-18</dd>');
    expect(section).toMatch(/<dt>posted<\/dt>\s*<dd>2023-03-01 /);
    expect(section).toContain('14:00–17:30 Asia/Shanghai');
    expect(section).toContain('<dd>成都</dd>');
    expect(section).toContain('<dd>天府软件园 C 区</dd>');
    expect(section).toContain('<dd>hybrid</dd>');
  });

  it("lists a talk's time, speakers with company and role, and its slides and video links", () => {
    const section = sectionOf(page, 'events/chengdu/index.md');
    const firstTalk = section.slice(
      section.indexOf('14:00–14:40'),
      section.indexOf('Observability with OpenTelemetry'),
    );
    expect(firstTalk).toContain('多集群服务网格的流量治理');
    expect(firstTalk).toMatch(/<b>宋净超<\/b>\s*<span class="about">Tetrate, 布道师<\/span>/);
    expect(firstTalk).toContain('href="https://example.org/slides/mesh.pdf"');
    expect(firstTalk).toContain('href="https://www.bilibili.com/video/BV1xx411c7mD"');
    expect(section).toContain('14:50–15:30');
    expect(section).toContain('<b>Li Lei</b>');
    expect(section).toContain('<b>韩梅梅</b>');
  });

  it('escapes post text, so nothing in a post becomes markup', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>"><b>');
    expect(page).toContain('Meetup &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt; talk');
    expect(page).toContain('<b>Mallory &quot;&gt;&lt;b&gt;</b>');
  });

  it('does not link a URL whose scheme would run code, nor a path relative to the site', () => {
    expect(page).not.toMatch(/href="javascript:/i);
    const section = sectionOf(page, 'events/hostile.md');
    expect(section).toMatch(/<span class="unsafe"[^>]*>javascript:alert\(3\)<\/span>/);
    expect(section).toMatch(/<code title="relative to the site">\/slides\/relative\.pdf<\/code>/);
  });

  it('allows no script and no request, should anything slip through', () => {
    expect(page).toMatch(
      /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'none'; style-src 'unsafe-inline'"/,
    );
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
  });

  it("shows each post's diagnostics with severity, code and file:line", () => {
    const section = sectionOf(page, 'blog/weekly.md');
    expect(section).toMatch(
      /class="warning">\s*<span class="severity">warning<\/span>\s*<code>no-talks<\/code>\s*<code class="location">blog\/weekly\.md:5<\/code>\s*No agenda was found/,
    );
    const empty = sectionOf(page, 'blog/empty.md');
    expect(empty).toContain('<code>empty-post</code>');
    expect(empty).toContain('Nothing could be compiled from this file.');
  });

  it('sums up posts, events, talks, speakers, errors, warnings and posts with no talks', () => {
    expect(summaryCount(page, 'posts')).toBe(4);
    expect(summaryCount(page, 'events')).toBe(3);
    expect(summaryCount(page, 'talks')).toBe(4);
    expect(summaryCount(page, 'speakers')).toBe(4);
    expect(summaryCount(page, 'errors')).toBe(1);
    expect(summaryCount(page, 'warnings')).toBe(
      result.diagnostics.filter((item) => item.severity === 'warning').length,
    );
    expect(summaryCount(page, 'posts with no talks')).toBe(2);
  });

  it('links every post from the index to its section, grouped by folder', () => {
    for (const source of ['events/chengdu/index.md', 'events/hostile.md', 'blog/weekly.md']) {
      const anchor = `post:${source}`;
      expect(page).toContain(`href="#${encodeURIComponent(anchor)}"`);
      expect(page).toContain(`id="${anchor}"`);
    }
    expect(page).toMatch(/<h2><code>events\/<\/code><\/h2>/);
    expect(page).toMatch(/<h2><code>blog\/<\/code><\/h2>/);
  });

  it('names the content folder and the files that were passed over', () => {
    expect(page).toContain('<title>Sidecar content report: site/content</title>');
    expect(page).toContain('<code>logo.png</code>');
  });
});

describe('the review page of an event split over pages', () => {
  const page = renderReportHtml(
    compile([
      post(
        'events/kcs/_index.md',
        '---\ntitle: Contributor Summit\ndate: 2023-11-06\n---\n\nThe summit.\n',
      ),
      post(
        'events/kcs/schedule.md',
        '---\ntitle: Schedule\n---\n\n## Steering AMA\n\nAsk us.\n\n## Doc Sprint\n\nDocs.\n',
      ),
    ]),
  );

  it('shows the event once, on the page that names it, and points the other pages to it', () => {
    expect(page.match(/<dl class="event">/g)).toHaveLength(1);
    expect(sectionOf(page, 'events/kcs/_index.md')).toContain('<dd>Contributor Summit</dd>');
    expect(sectionOf(page, 'events/kcs/schedule.md')).toContain(
      `Part of the event of <a href="#${encodeURIComponent('post:events/kcs/_index.md')}">events/kcs/_index.md</a>.`,
    );
  });
});

describe('folderOf', () => {
  it('lists a Hugo leaf bundle with its siblings, other posts by their own folder', () => {
    expect(folderOf('site/activities/sofa-meetup-14/index.md')).toBe('site/activities');
    expect(folderOf('site/events/2023/kcsna/_index.md')).toBe('site/events/2023/kcsna');
    expect(folderOf('site/events/2023/kcsna/schedule.md')).toBe('site/events/2023/kcsna');
    expect(folderOf('top.md')).toBe('.');
  });
});
