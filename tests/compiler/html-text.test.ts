/**
 * The plain text of a post's HTML, laid out as a reader sees it: what search indexes and what
 * the talk-page readers scan line by line.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/compiler/html-text';

describe('htmlToText', () => {
  it('sets paragraphs apart by a blank line and list items by a line break', () => {
    expect(
      htmlToText('<h2>议程</h2><ul><li>签到</li><li>开场</li></ul><p>欢迎  参加\n本次活动</p>'),
    ).toBe('议程\n签到\n开场\n\n欢迎 参加 本次活动');
  });

  it('breaks the line at <br> and separates table cells by tabs', () => {
    expect(
      htmlToText(
        '<p>资料下载：<br />《Istio 实践》</p><table><tr><td>14:00</td><td></td><td>敖小剑</td></tr></table>',
      ),
    ).toBe('资料下载：\n《Istio 实践》\n\n14:00\t\t敖小剑');
  });

  it('decodes character references and keeps preformatted text as written', () => {
    expect(
      htmlToText('<p>A &amp; B &lt;3</p><pre><code>kind: Gateway\n  name: x</code></pre>'),
    ).toBe('A & B <3\n\nkind: Gateway\n  name: x');
  });
});
