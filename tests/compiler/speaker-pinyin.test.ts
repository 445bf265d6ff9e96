/** Speakers are found by pinyin: full syllables, initials, the given name, surname then given name. */
import { describe, expect, it } from 'vitest';
import { pinyinOf } from '../../src/compiler/build-bundle';
import { compile, post } from './compile-helpers';

describe('the pinyin of a speaker', () => {
  it('gives aoxiaojian, axj, xiaojian and ao xiaojian for 敖小剑', () => {
    expect(pinyinOf('敖小剑')).toEqual(['aoxiaojian', 'axj', 'xiaojian', 'ao xiaojian']);
  });

  it.each([
    ['单磊', 'shanlei', 'sl'],
    ['曾强', 'zengqiang', 'zq'],
    ['解明', 'xieming', 'xm'],
    ['区志强', 'ouzhiqiang', 'ozq'],
    ['仇英', 'qiuying', 'qy'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['朴树', 'piaoshu', 'ps'],
  ])('reads the surname of %s as a surname: %s', (name, full, initials) => {
    expect(pinyinOf(name).slice(0, 2)).toEqual([full, initials]);
  });

  it('reads a surname as a surname even where the name is a word: 曾经 is zeng jing, 单车 shan che', () => {
    expect(pinyinOf('曾经')).toContain('zeng jing');
    expect(pinyinOf('单车')).toContain('shan che');
  });

  it('keeps a compound surname whole: 欧阳娜娜 is nana, ouyang nana', () => {
    expect(pinyinOf('欧阳娜娜')).toEqual(['ouyangnana', 'oynn', 'nana', 'ouyang nana']);
    expect(pinyinOf('司马懿')).toEqual(['simayi', 'smy', 'yi', 'sima yi']);
  });

  it('is empty for a name in Latin letters, and skips keys a lost character would spoil', () => {
    expect(pinyinOf('Craig Box')).toEqual([]);
    expect(pinyinOf('\uFFFD迪')).toEqual(['di']);
  });

  it('is what the bundle gives each Chinese speaker', () => {
    const { bundle } = compile([
      post(
        'a.md',
        '---\ntitle: Meetup\ndate: 2023-05-20\n---\n\n**单磊（时速云）：服务网格实践**\n',
      ),
    ]);
    expect(bundle.speakers.find((speaker) => speaker.name === '单磊')?.pinyin).toEqual([
      'shanlei',
      'sl',
      'lei',
      'shan lei',
    ]);
  });
});
