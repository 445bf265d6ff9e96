/**
 * Splitting a post into front matter and body. Line numbers in diagnostics are 1-based lines of
 * the whole file, the opening fence being line 1, so an organizer can jump straight to the
 * mistake in an editor.
 */
import { describe, it, expect } from 'vitest';
import { lineOfKey, parseFrontMatter } from '../../src/compiler/parse-front-matter';

const FILE = '2021/meetup/index.md';

/** The opening of content/2021/sofastack-3rd-anniversary-beijing/index.md. */
const SOFA_YAML = [
  '---',
  'title: "SOFA 开源三周年，Let\'s have fun together！"',
  'author: "SOFA 团队"',
  'categories: "SOFAMeetup"',
  'tags: ["SOFAMeetup"]',
  'date: 2021-04-12T15:00:00+08:00',
  '---',
  '',
  '## 概要',
  '',
].join('\n');

describe('parseFrontMatter: the kinds of front matter Hugo allows', () => {
  it('reads YAML between --- lines and starts the body on the line after the closing fence', () => {
    const post = parseFrontMatter(SOFA_YAML, FILE);
    expect(post.kind).toBe('yaml');
    expect(post.data).toEqual({
      title: "SOFA 开源三周年，Let's have fun together！",
      author: 'SOFA 团队',
      categories: 'SOFAMeetup',
      tags: ['SOFAMeetup'],
      date: '2021-04-12T15:00:00+08:00',
    });
    expect(post.body).toBe('\n## 概要\n');
    expect(post.bodyLine).toBe(8);
    expect(post.diagnostics).toEqual([]);
  });

  it('keeps a YAML date as the string the author wrote, offset included', () => {
    expect(parseFrontMatter(SOFA_YAML, FILE).data.date).toBe('2021-04-12T15:00:00+08:00');
  });

  it('reads TOML between +++ lines', () => {
    const post = parseFrontMatter(
      '+++\ntitle = "Service Mesh 沙龙"\ndraft = false\n+++\nBody\n',
      FILE,
    );
    expect(post).toMatchObject({
      kind: 'toml',
      data: { title: 'Service Mesh 沙龙', draft: false },
      body: 'Body\n',
      bodyLine: 5,
      diagnostics: [],
    });
  });

  it('reads a JSON object followed directly by the body, braces inside strings included', () => {
    const text = '{\n  "title": "Meetup {Beijing}",\n  "date": "2021-07-10"\n}\n\nBody here\n';
    const post = parseFrontMatter(text, FILE);
    expect(post).toMatchObject({
      kind: 'json',
      data: { title: 'Meetup {Beijing}', date: '2021-07-10' },
      body: '\n\nBody here\n',
      bodyLine: 4,
      diagnostics: [],
    });
  });

  it('reads front matter with CRLF line endings and counts lines the same', () => {
    const post = parseFrontMatter(
      '---\r\ntitle: "Hi"\r\ndate: 2021-07-06\r\n---\r\nBody\r\n',
      FILE,
    );
    expect(post).toMatchObject({
      kind: 'yaml',
      data: { title: 'Hi', date: '2021-07-06' },
      body: 'Body\r\n',
      bodyLine: 5,
    });
  });

  it('accepts empty front matter: --- right after ---', () => {
    const post = parseFrontMatter('---\n---\nBody\n', FILE);
    expect(post).toMatchObject({ kind: 'yaml', data: {}, body: 'Body\n', bodyLine: 3 });
    expect(post.diagnostics).toEqual([]);
  });

  it('takes a post with no front matter (a slide deck saved as a post) whole as its body', () => {
    const text =
      '# 最终版-敖小剑-长路漫漫踏歌而行：蚂蚁金服Service+Mesh实践探索\n\n![](slide.png)\n';
    expect(parseFrontMatter(text, FILE)).toEqual({
      kind: 'none',
      data: {},
      raw: '',
      body: text,
      bodyLine: 1,
      diagnostics: [],
    });
  });

  it.each([
    ['YAML', '---\ntitle: Meetup\n\nBody\n', '---'],
    ['TOML', '+++\ntitle = "Meetup"\n\nBody\n', '+++'],
  ])(
    'reports %s front matter that never closes at line 1, saying which fence to add',
    (_kind, text, fence) => {
      const post = parseFrontMatter(text, FILE);
      expect(post.kind).toBe('none');
      expect(post.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'front-matter-unclosed',
          file: FILE,
          line: 1,
        }),
      ]);
      expect(post.diagnostics[0]?.message).toContain(`only ${fence}`);
    },
  );

  it('reports a JSON object that never closes, and takes no body from it', () => {
    const post = parseFrontMatter('{\n  "title": "Meetup"\nBody\n', FILE);
    expect(post).toMatchObject({ kind: 'json', data: {}, body: '' });
    expect(post.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'json-syntax', line: 1, column: 1 }),
    ]);
  });
});

describe('parseFrontMatter: broken front matter is an error at the file line of the mistake', () => {
  it('points at the end of file line 4, where a YAML list misses its ]', () => {
    const text = '---\ntitle: "ok"\ndate: 2021-07-06\nauthor: [宋净超\n---\nBody\n';
    const post = parseFrontMatter(text, FILE);
    expect(post.data).toEqual({});
    expect(post.body).toBe('Body\n');
    expect(post.diagnostics).toHaveLength(1);
    expect(post.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'yaml-syntax',
      file: FILE,
      line: 4,
      column: 13,
    });
  });

  it('points at an unquoted colon in a YAML value, and tells the author to quote it', () => {
    const post = parseFrontMatter('---\ntitle: ok\ndescription: 时间: 下午\n---\nBody\n', FILE);
    expect(post.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 3, column: 14 });
    expect(post.diagnostics[0]?.message).toMatch(/quote values/);
  });

  it('does not quote the parser’s own line number, which counts from the fence, not the file', () => {
    const post = parseFrontMatter('---\ntitle: ok\ndescription: 时间: 下午\n---\nBody\n', FILE);
    expect(post.diagnostics[0]?.message).not.toMatch(/at line \d/);
  });

  it('points at a TOML key with no value on file line 4', () => {
    const post = parseFrontMatter(
      '+++\ntitle = "ok"\ndate = 2018-09-21\nauthor = \n+++\nBody\n',
      FILE,
    );
    expect(post.data).toEqual({});
    expect(post.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'toml-syntax', line: 4, column: 10 }),
    ]);
  });

  it('points at an unquoted JSON date on line 3, at the character the parser stopped', () => {
    const post = parseFrontMatter('{\n  "title": "ok",\n  "date": 2021-07-06\n}\nBody\n', FILE);
    expect(post.data).toEqual({});
    expect(post.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'json-syntax', line: 3, column: 15 }),
    ]);
  });

  it('points at the closing brace after a trailing comma in JSON', () => {
    const post = parseFrontMatter('{\n  "title": "ok",\n  "date": "x",\n}\nBody\n', FILE);
    expect(post.diagnostics[0]).toMatchObject({ code: 'json-syntax', line: 4, column: 1 });
  });
});

describe('lineOfKey: where a key is set, for pointing diagnostics at it', () => {
  it('finds date: on line 6 of the SOFAStack post', () => {
    expect(lineOfKey(parseFrontMatter(SOFA_YAML, FILE), 'date')).toBe(6);
  });

  it('counts from the file, not the front matter, in TOML', () => {
    const post = parseFrontMatter('+++\ntitle = "x"\ndate = 2018-09-21\n+++\n', FILE);
    expect(lineOfKey(post, 'date')).toBe(3);
  });

  it('counts JSON from line 1, where the object opens', () => {
    const post = parseFrontMatter('{\n  "title": "x",\n  "date": "2021-07-10"\n}\n', FILE);
    expect(lineOfKey(post, 'date')).toBe(3);
  });

  it('is not thrown off by a blank line before the key, as Wowchemy event posts have', () => {
    const text = "---\ntitle: Meetup\nabstract: ''\n\ndate: 2018-06-30T13:00:00+08:00\n---\n";
    expect(lineOfKey(parseFrontMatter(text, FILE), 'date')).toBe(5);
  });

  it('is not thrown off by CRLF line endings', () => {
    const post = parseFrontMatter('---\r\ntitle: "Hi"\r\ndate: 2021-07-06\r\n---\r\n', FILE);
    expect(lineOfKey(post, 'date')).toBe(3);
  });

  it('does not take date_end or publishdate for date', () => {
    const text = '---\npublishdate: 2021-07-06\ndate_end: 2021-07-11\ndate: 2021-07-10\n---\n';
    expect(lineOfKey(parseFrontMatter(text, FILE), 'date')).toBe(4);
  });

  it('finds nothing for a key that is not set, or in a post with no front matter', () => {
    expect(lineOfKey(parseFrontMatter(SOFA_YAML, FILE), 'event_url')).toBeNull();
    expect(lineOfKey(parseFrontMatter('# Title\n\ndate: 2021\n', FILE), 'date')).toBeNull();
  });
});
