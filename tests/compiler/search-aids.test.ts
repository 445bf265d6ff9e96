/**
 * The bundle's search aids: what the browser needs to find 服務網格 as 服务网格, 重庆 as
 * `chongqing` and `service mesh` as 服务网格, sized by the content rather than by a dictionary.
 */
import { describe, expect, it } from 'vitest';
import { dictionaryFolds } from '../../src/compiler/character-folds';
import { parseGlossary } from '../../src/compiler/glossary';
import { buildSearchAids, normalizeForSearch } from '../../src/compiler/search-aids';
import { compile, glossary, post } from './compile-helpers';

/** A post whose only Chinese is `text`, in its title and body. */
function chinesePost(path: string, text: string, city = '') {
  return post(
    path,
    `---\ntitle: "${text}"\ndate: 2023-05-20\n${city ? `city: ${city}\n` : ''}---\n\n${text}\n`,
  );
}

function foldsOf(...texts: string[]) {
  const files = texts.map((text, index) => chinesePost(`post-${index}.md`, text));
  return compile(files).bundle.search.characterFolds;
}

/** The aids of a bundle compiled from posts with these cities and this glossary. */
function aidsOf(files: ReturnType<typeof post>[], groups: string[][] = []) {
  const { bundle } = compile(files);
  return buildSearchAids(bundle, groups);
}

describe('character folds', () => {
  it('fold 服務網格 onto the 服务网格 the content uses, so either script finds it', () => {
    const folds = foldsOf('服务网格实践');
    expect(folds).toMatchObject({ 務: '务', 網: '网' });
    // Characters with no other form are not listed.
    expect(folds).not.toHaveProperty('服');
    expect(folds).not.toHaveProperty('格');
    // What the browser does with the table, to the index and to a query alike.
    expect([...'服務網格'].map((character) => folds[character] ?? character).join('')).toBe(
      '服务网格',
    );
  });

  it('are the same whether the content is written in Traditional or Simplified', () => {
    expect(foldsOf('服務網格實踐')).toEqual(foldsOf('服务网格实践'));
  });

  it('fold both 發 (发布) and 髮 (头发) onto 发, whichever the content uses', () => {
    expect(foldsOf('发布')).toMatchObject({ 發: '发', 髮: '发' });
    expect(foldsOf('頭髮')).toMatchObject({ 發: '发', 髮: '发', 頭: '头' });
  });

  it('fold Taiwan and Hong Kong variants through standard Traditional: 裡 → 里, 綫 → 线', () => {
    expect(foldsOf('里面')).toMatchObject({ 裡: '里', 裏: '里' });
    expect(foldsOf('线上')).toMatchObject({ 綫: '线', 線: '线' });
  });

  it('never fold a Simplified character away: 什么 stays 什么', () => {
    expect(foldsOf('什么是服务网格')).not.toHaveProperty('么');
    expect(dictionaryFolds().get('么')).toBeUndefined();
    expect(dictionaryFolds().get('麼')).toBe('么');
  });

  it('are final and one character to one character, so folding twice changes nothing', () => {
    const folds = dictionaryFolds();
    for (const [variant, target] of folds) {
      expect([...variant]).toHaveLength(1);
      expect([...target]).toHaveLength(1);
      expect(folds.has(target), `${variant} → ${target} → ${folds.get(target)}`).toBe(false);
    }
  });

  it('are empty for content in English only', () => {
    const { bundle } = compile([
      post('en.md', '---\ntitle: Istio Meetup\ndate: 2023-05-20\n---\n\nService mesh talks.\n'),
    ]);
    expect(bundle.search.characterFolds).toEqual({});
  });

  it('grow with the content, not with the dictionary', () => {
    const small = foldsOf('服务网格');
    const larger = foldsOf('服务网格', '可观测性与云原生');
    expect(Object.keys(small).length).toBeGreaterThan(0);
    expect(larger).toMatchObject(small);
    expect(larger).toMatchObject({ 觀: '观', 雲: '云' });
    expect(Object.keys(larger).length).toBeGreaterThan(Object.keys(small).length);
    expect(Object.keys(larger).length).toBeLessThan(dictionaryFolds().size / 50);
  });

  it('cover every field search reads: speakers, companies and aliases too', () => {
    const talk = {
      id: 't',
      eventId: 'e',
      title: 'Meetup',
      speakers: [{ id: 's', name: '劉超', org: '網易', role: null }],
      date: null,
      start: null,
      end: null,
      abstract: null,
      slidesUrl: null,
      videoUrl: null,
    };
    const speaker = {
      id: 's',
      name: '劉超',
      aliases: ['發哥'],
      talkIds: ['t'],
      orgs: ['網易'],
      pinyin: [],
    };
    const aids = buildSearchAids({ events: [], talks: [talk], speakers: [speaker] });
    expect(aids.characterFolds).toMatchObject({ 劉: '刘', 網: '网', 發: '发' });
  });
});

describe('place pinyin', () => {
  it('spells each Chinese city the content names, polyphonic characters read as place names', () => {
    const aids = aidsOf([
      chinesePost('a.md', '活动', '杭州'),
      chinesePost('b.md', '活动', '北京'),
      chinesePost('c.md', '活动', '重庆'),
      chinesePost('d.md', '活动', '长沙'),
      chinesePost('e.md', '活动', '厦门'),
      chinesePost('f.md', '活动', '成都'),
    ]);
    expect(aids.placePinyin).toEqual({
      北京: ['beijing'],
      厦门: ['xiamen'],
      成都: ['chengdu'],
      杭州: ['hangzhou'],
      重庆: ['chongqing'],
      长沙: ['changsha'],
    });
  });

  it('adds the usual English name of a city, as readers type it', () => {
    const aids = aidsOf([chinesePost('a.md', '活动', '台北'), chinesePost('b.md', '活动', '香港')]);
    expect(aids.placePinyin).toEqual({
      台北: ['taibei', 'taipei'],
      香港: ['xianggang', 'hong kong'],
    });
  });

  it('leaves out cities written in Latin letters, and places no event is in', () => {
    const aids = aidsOf([chinesePost('a.md', '上海的活动', 'Beijing')]);
    expect(aids.placePinyin).toEqual({});
  });
});

describe('the glossary in the bundle', () => {
  const GROUPS = [
    ['服务网格', 'service mesh'],
    ['可观测性', 'observability'],
    ['金丝雀发布', 'canary release'],
    ['无服务器', 'serverless'],
  ];

  it('keeps only the groups with a term the content uses', () => {
    const aids = aidsOf(
      [
        post(
          'a.md',
          '---\ntitle: Meetup\ndate: 2023-05-20\n---\n\n服务网格与 Observability 实践\n',
        ),
      ],
      GROUPS,
    );
    expect(aids.glossary).toEqual([
      ['服务网格', 'service mesh'],
      ['可观测性', 'observability'],
    ]);
  });

  it('finds terms whatever their case, width or script: 服務網格, ＳＥＲＶＩＣＥ　ＭＥＳＨ, Canary-Release', () => {
    for (const text of ['服務網格', 'ＳＥＲＶＩＣＥ　ＭＥＳＨ', 'Service-Mesh']) {
      const aids = aidsOf([chinesePost('a.md', text)], GROUPS);
      expect(aids.glossary, text).toEqual([['服务网格', 'service mesh']]);
    }
    const canary = aidsOf([chinesePost('a.md', '基于 Istio 的Canary-Release')], GROUPS);
    expect(canary.glossary).toEqual([['金丝雀发布', 'canary release']]);
  });

  it('matches Latin terms on word boundaries only: serverlessly is not serverless', () => {
    const aids = aidsOf([chinesePost('a.md', 'Scale serverlessly with meshes')], GROUPS);
    expect(aids.glossary).toEqual([]);
  });

  it('comes from the project glossary when the CLI passes it, in the glossary order', () => {
    const { bundle, diagnostics } = compile([chinesePost('a.md', '可观测性和服务网格')], {
      glossary: glossary(
        '- [服务网格, service mesh]\n- [可观测性, observability]\n- [边车, sidecar]\n',
      ),
    });
    expect(diagnostics.filter((item) => item.file === 'glossary.yaml')).toEqual([]);
    expect(bundle.search.glossary).toEqual([
      ['服务网格', 'service mesh'],
      ['可观测性', 'observability'],
    ]);
  });

  it('changes the content hash when the groups it keeps change', () => {
    const files = [chinesePost('a.md', '可观测性和服务网格')];
    const without = compile(files, { glossary: glossary('- [边车, sidecar]\n') }).bundle;
    const withMesh = compile(files, {
      glossary: glossary('- [边车, sidecar]\n- [服务网格, service mesh]\n'),
    }).bundle;
    const withUnused = compile(files, {
      glossary: glossary('- [边车, sidecar]\n- [混沌工程, chaos engineering]\n'),
    }).bundle;
    expect(withMesh.contentHash).not.toBe(without.contentHash);
    expect(withUnused.contentHash).toBe(without.contentHash);
  });
});

describe('the glossary file', () => {
  it('reads one group a line, terms trimmed, comments ignored', () => {
    expect(
      parseGlossary(
        glossary('# terms\n- [服务网格, service mesh]  # mesh\n- [ 边车 , "sidecar" ]\n'),
      ),
    ).toEqual({
      groups: [
        ['服务网格', 'service mesh'],
        ['边车', 'sidecar'],
      ],
      diagnostics: [],
    });
  });

  it('that does not parse is an error naming the file and the line, and adds no groups', () => {
    const { groups, diagnostics } = parseGlossary(
      glossary('- [服务网格, service mesh]\n- [可观测性, observability\n- [边车, sidecar]\n'),
    );
    expect(groups).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'glossary-syntax',
      file: 'glossary.yaml',
    });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(2);
    expect(diagnostics[0]?.message).toMatch(/does not parse.*- \[服务网格, service mesh\]/);
  });

  it('with an entry that is not a group, or a term that is not text, names their lines and keeps the rest', () => {
    const { groups, diagnostics } = parseGlossary(
      glossary('- [服务网格, service mesh]\n- 可观测性\n- [五, 5]\n- [边车, sidecar]\n- [孤单]\n'),
    );
    expect(groups).toEqual([
      ['服务网格', 'service mesh'],
      ['边车', 'sidecar'],
    ]);
    expect(diagnostics.map((item) => [item.severity, item.code, item.line])).toEqual([
      ['error', 'glossary-shape', 2],
      ['error', 'glossary-term', 3],
      ['warning', 'glossary-group-too-small', 5],
    ]);
  });

  it('that is not a list is an error at line 1', () => {
    const { groups, diagnostics } = parseGlossary(glossary('服务网格: service mesh\n'));
    expect(groups).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'glossary-shape', line: 1 });
  });
});

describe('text as search compares it', () => {
  it('folds case, width, diacritics and variants, and separates runs by single spaces', () => {
    expect(normalizeForSearch('Service-Mesh 服務網格 ＫＵＢＥ Café')).toBe(
      'service mesh 服务网格 kube cafe',
    );
  });
});
