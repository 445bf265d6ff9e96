/**
 * A post body read as the agenda extractors read it: one block per heading, paragraph, list item,
 * quote and table row, with its bold spans, its links and its line in the file.
 */
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/compiler/markdown-blocks';
import { renderMarkdown } from '../../src/compiler/render-markdown';

/** As if the front matter took the first 9 lines of the file. */
const BODY_LINE = 10;

const blocksOf = (body: string) =>
  toBlocks(renderMarkdown(body, 'meetup/index.md', BODY_LINE).tokens, BODY_LINE);

describe('toBlocks', () => {
  it('gives each heading, paragraph and list item its text, depth and file line', () => {
    const blocks = blocksOf(
      '## 活动议程\n\n- 13:30 签到\n- 14:00 **敖小剑**：Service Mesh\n\n结束',
    );
    expect(blocks.map(({ kind, depth, text, line }) => [kind, depth, text, line])).toEqual([
      ['heading', 2, '活动议程', BODY_LINE],
      ['list-item', 0, '13:30 签到', BODY_LINE + 2],
      ['list-item', 0, '14:00 敖小剑：Service Mesh', BODY_LINE + 3],
      ['paragraph', 0, '结束', BODY_LINE + 5],
    ]);
    expect(blocks[2]?.strong).toEqual(['敖小剑']);
    expect(blocks[2]?.allStrong).toBe(false);
  });

  it('marks a line that is nothing but one bold span', () => {
    const [block] = blocksOf('**第一场：云原生网关实践**\n');
    expect(block).toMatchObject({ allStrong: true, strong: ['第一场：云原生网关实践'] });
  });

  it('reads a nested list after its item, and paragraphs in a quote as quotes', () => {
    const blocks = blocksOf('- 上午\n  - 9:30 开场\n\n> 嘉宾：宋净超\n');
    expect(blocks.map(({ kind, text }) => [kind, text])).toEqual([
      ['list-item', '上午'],
      ['list-item', '9:30 开场'],
      ['quote', '嘉宾：宋净超'],
    ]);
  });

  it('gives each table row its cells and the header, and the row its file line', () => {
    const blocks = blocksOf('| 时间 | 议题 |\n| --- | --- |\n| 14:00 | **Istio** 实践 |\n');
    expect(blocks).toEqual([
      expect.objectContaining({
        kind: 'table-row',
        text: '14:00Istio 实践',
        cells: ['14:00', 'Istio 实践'],
        header: ['时间', '议题'],
        strong: ['Istio'],
        line: BODY_LINE + 2,
      }),
    ]);
  });

  it('collects links with their labels: inline, bare, and by reference', () => {
    const [block] = blocksOf(
      '[讲师PPT](https://example.com/a.pdf) 回放 https://www.bilibili.com/video/BV1 [报名][form]\n\n[form]: https://forms.example.com/x\n',
    );
    expect(block?.links).toEqual([
      { url: 'https://example.com/a.pdf', label: '讲师PPT' },
      { url: 'https://www.bilibili.com/video/BV1', label: 'https://www.bilibili.com/video/BV1' },
      { url: 'https://forms.example.com/x', label: '报名' },
    ]);
  });

  it('reads an image by its alt text and keeps a thematic break', () => {
    const blocks = blocksOf('![嘉宾合影](photo.jpg)\n\n---\n\n下半场');
    expect(blocks.map(({ kind, text }) => [kind, text])).toEqual([
      ['paragraph', '嘉宾合影'],
      ['break', ''],
      ['paragraph', '下半场'],
    ]);
  });

  it('keeps a fenced code block as one block of its own', () => {
    const [block] = blocksOf('```yaml\nkind: Gateway\n```\n');
    expect(block).toMatchObject({ kind: 'code', text: 'kind: Gateway', line: BODY_LINE });
  });
});
