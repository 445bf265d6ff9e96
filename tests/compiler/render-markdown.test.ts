/**
 * A post body rendered for the event page and for search: safe HTML, plain text, video links
 * out of Hugo shortcodes, and warnings that name the file line of whatever was removed. The
 * body starts on `bodyLine` of the file, after the front matter.
 */
import { describe, it, expect } from 'vitest';
import { renderMarkdown } from '../../src/compiler/render-markdown';

const FILE = '2018/servicemesher-meetup-hangzhou/index.md';

/** As if the front matter took the first 14 lines of the file, as in the Hangzhou recap. */
const BODY_LINE = 15;

const render = (body: string) => renderMarkdown(body, FILE, BODY_LINE);

describe('renderMarkdown: Chinese text', () => {
  it('makes the bold speaker line of the Hangzhou recap bold, though CJK punctuation hugs the **', () => {
    const { html } = render(
      '第一场**敖小剑（蚂蚁金服）：大规模微服务架构下的 Service Mesh 探索之路**\n',
    );
    expect(html).toBe(
      '<p>第一场<strong>敖小剑（蚂蚁金服）：大规模微服务架构下的 Service Mesh 探索之路</strong></p>',
    );
  });
});

describe('renderMarkdown: raw HTML that could run code', () => {
  it('removes a <script> block and warns at its file line', () => {
    const { html, diagnostics } = render('Intro\n\n<script>alert(1)</script>\n\nAfter\n');
    expect(html).not.toMatch(/script|alert/);
    expect(html).toContain('<p>After</p>');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unsafe-html-removed',
        file: FILE,
        line: BODY_LINE + 2,
      }),
    ]);
  });

  it('removes an onerror= handler but keeps the image, and warns at the handler', () => {
    const { html, diagnostics } = render(
      'Intro\n\nSee <img src="x.png" onerror="alert(1)"> here\n',
    );
    expect(html).toContain('<img src="x.png" />');
    expect(html).not.toMatch(/onerror|alert/);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'unsafe-html-removed', line: BODY_LINE + 2, column: 22 }),
    ]);
  });

  it('removes a javascript: href but keeps the link text, and warns at its line', () => {
    const { html, text, diagnostics } = render('<a href="javascript:alert(1)">报名</a>\n');
    expect(html).not.toMatch(/javascript|alert/);
    expect(text).toBe('报名');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'unsafe-html-removed', line: BODY_LINE }),
    ]);
  });

  it('also neutralises a javascript: URL written as a Markdown link', () => {
    expect(render('[报名](javascript:alert(1))\n').html).not.toMatch(/javascript|alert/);
  });

  it('drops a link to any scheme but http(s) and mailto, in a post with no raw HTML too', () => {
    const { html, diagnostics } = render(
      '[回放](data:text/javascript,alert(1)) [官网](https://example.com/) [邮件](mailto:a@example.com)\n',
    );
    expect(html).not.toMatch(/data:|alert/);
    expect(html).toContain('<a href="https://example.com/">官网</a>');
    expect(html).toContain('<a href="mailto:a@example.com">邮件</a>');
    expect(diagnostics.map((item) => [item.code, item.line])).toEqual([
      ['unsafe-html-removed', BODY_LINE],
    ]);
  });

  it('neutralises a javascript: URL given by a reference definition, and warns at its line', () => {
    const { html, text, diagnostics } = render('[报名][form]\n\n[form]: javascript:alert(1)\n');
    expect(html).not.toMatch(/javascript|alert/);
    expect(text).toBe('报名');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'unsafe-html-removed', line: BODY_LINE + 2 }),
    ]);
  });

  it('keeps <SOFA:Channel/>, a brand name CommonMark reads as a link, as text, without a warning', () => {
    const { html, text, diagnostics } = render('<SOFA:Channel/>，有趣实用的分布式架构频道\n');
    expect(html).toBe('<p><a>SOFA:Channel/</a>，有趣实用的分布式架构频道</p>');
    expect(text).toBe('SOFA:Channel/，有趣实用的分布式架构频道');
    expect(diagnostics).toEqual([]);
  });

  it('keeps the <br/> line breaks of the Mulan slide list, without a warning', () => {
    const { html, diagnostics } = render(
      '- 资料下载：<br/>\n\n[《云原生多集群治理实践》](https://example.com/slides.pdf)<br/>\n',
    );
    expect(html).toContain('<li>资料下载：<br /></li>');
    expect(html).toContain(
      '<a href="https://example.com/slides.pdf">《云原生多集群治理实践》</a><br />',
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('renderMarkdown: GitHub-flavoured Markdown', () => {
  it('renders the agenda table of the Istio meetup as an HTML table', () => {
    const { html, text } = render(
      '| Time (CST) | Session |\n| --- | --- |\n| 13:30 - 13:50 | Sign in |\n| 16:45 - 17:15 | Securing workload deployment with Istio CNI Zhang Zhihan Tetrate |\n',
    );
    expect(html).toContain('<th>Time (CST)</th>');
    expect(html).toContain('<td>13:30 - 13:50</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(text).toContain('16:45 - 17:15\tSecuring workload deployment');
  });
});

describe('renderMarkdown: Hugo shortcodes', () => {
  it('turns {{< youtube ID >}} into a YouTube link and lists the video', () => {
    const { html, videos, diagnostics } = render(
      'Watch the recording:\n\n{{< youtube dQw4w9WgXcQ >}}\n',
    );
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">YouTube</a>');
    expect(videos).toEqual([
      { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', label: 'youtube' },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reads a named id= argument too', () => {
    expect(render('{{< youtube id="dQw4w9WgXcQ" >}}\n').videos[0]?.url).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
  });

  it('turns {{< bilibili BV… >}} into a Bilibili link inside the sentence', () => {
    const { html, videos } = render('直播回放：{{< bilibili BV1Xx411c7mD >}}\n');
    expect(html).toBe(
      '<p>直播回放：<a href="https://www.bilibili.com/video/BV1Xx411c7mD">Bilibili</a></p>',
    );
    expect(videos).toEqual([
      { url: 'https://www.bilibili.com/video/BV1Xx411c7mD', label: 'bilibili' },
    ]);
  });

  it('links an old numeric Bilibili id as an av number', () => {
    expect(render('{{< bilibili 170001 >}}\n').videos[0]?.url).toBe(
      'https://www.bilibili.com/video/av170001',
    );
  });

  it('removes any other shortcode with a warning at its file line', () => {
    const { html, diagnostics } = render(
      'Line one\n\nLine two\n\n{{< figure src="photo.jpg" >}}\n',
    );
    expect(html).toBe('<p>Line one</p>\n<p>Line two</p>');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'shortcode-removed',
        file: FILE,
        line: BODY_LINE + 4,
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('"figure"');
  });

  it('keeps the text inside a paired shortcode and warns once, for the opening tag', () => {
    const { text, diagnostics } = render('{{% alert %}}座位有限，先到先得{{% /alert %}}\n');
    expect(text).toBe('座位有限，先到先得');
    expect(diagnostics.map((item) => [item.code, item.line])).toEqual([
      ['shortcode-removed', BODY_LINE],
    ]);
  });

  it('keeps file lines right after a shortcode that spans several lines', () => {
    const body = [
      '{{< image width="75%"',
      '    link="./group-pic.jpg"',
      '    caption="IstioCon China 2023"',
      '    >}}',
      '',
      '<script>alert(1)</script>',
      '',
    ].join('\n');
    const { diagnostics, tokens } = render(body);
    expect(diagnostics.map((item) => [item.code, item.line])).toEqual([
      ['shortcode-removed', BODY_LINE],
      ['unsafe-html-removed', BODY_LINE + 5],
    ]);
    expect(tokens.at(-1)?.map?.[0]).toBe(5);
  });
});

describe('renderMarkdown: plain text for search', () => {
  it('has no markup left: no tags, no ** or #, no link syntax', () => {
    const { text } = render(
      '## 概要\n\n- 活动时间：**2021 年 04 月 24 日**\n- [《注册中心 6.0 新特性》下载链接](https://example.com/registry.pdf)\n\nA `code` _word_\n',
    );
    expect(text).toBe(
      '概要\n活动时间：2021 年 04 月 24 日\n《注册中心 6.0 新特性》下载链接\n\nA code word',
    );
    expect(text).not.toMatch(/[<>*#[\]_`]|https?:/);
  });
});
