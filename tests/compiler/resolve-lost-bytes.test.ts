import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { doubleEncodeLossy } from '../../scripts/double-encode';
import { decodeText } from '../../src/compiler/decode-text';
import { DEFAULT_WEIGHTS, LanguageModel } from '../../src/compiler/language-model';
import { readDictionary } from '../../src/compiler/read-dictionary';
import { buildLanguageModel } from '../../src/compiler/repair-posts';
import {
  likelyCandidates,
  MIN_CONFIDENCE,
  resolveDamaged,
  restoreLostBytes,
} from '../../src/compiler/resolve-lost-bytes';
import { readContentTree } from '../../src/compiler/read-content';
import { compileSeeds, eventFrom, talksOf } from './compile-helpers';

const FILE = 'posts/damaged.md';
const LOSSY_SEED = '2022/sofameetup-mulan-cloud-native/index.md';
/** The same post as it was before it was double-encoded, when the corpus is at hand. */
const ORIGINAL =
  '/work/shared/corpus/posts/sofastack+sofastack.tech/content/zh/activities/sofa-meetup-14/index.md';

/** Text the community writes, for the character expert: the site's other posts in miniature. */
const SITE_TEXT = [
  '本次 Meetup 将与大家分享服务网格在蚂蚁集团的落地实践。',
  '嘉宾：宋净超，Tetrate 布道师，云原生社区创始人。',
  '议题：Istio 中的流量管理与可观测性',
].join('\n');

let dictionary: ReturnType<typeof readDictionary>;
let dictionaryModel: LanguageModel;

beforeAll(() => {
  dictionary = readDictionary();
  dictionaryModel = new LanguageModel().addDictionary(dictionary).addText(SITE_TEXT);
});

/** A model that keeps each text's counts, so that it can leave one out (`leaveOut`). */
const keeping = () => new LanguageModel(undefined, { keepTexts: true });

/** A text as it arrives after the seed-004 damage, decoded: U+FFFD where bytes were lost. */
const damage = (text: string) => decodeText(doubleEncodeLossy(text), FILE);

describe('resolveDamaged: choosing among the candidates of lost bytes', () => {
  it('restores words whose characters lost bytes from the words around them', () => {
    const original = '服务网格中的流量管理与可观测性，欢迎报名参加。';
    const broken = damage(original);
    expect(broken.damaged.length).toBeGreaterThanOrEqual(4);
    expect(restoreLostBytes(broken, dictionaryModel, FILE).text).toBe(original);
  });

  it('resolves neighbouring damaged characters together', () => {
    // 中 (E4 B8 AD) and 与 (E4 B8 8E) both lose their last byte and stand side by side with 、.
    const original = '活动回顾：云原生中间件、可观测性与服务网格';
    const broken = damage(original);
    const adjacent = broken.damaged.some(
      (item, index) => broken.damaged[index + 1]?.index === item.index + 1,
    );
    expect(adjacent).toBe(true);
    expect(restoreLostBytes(broken, dictionaryModel, FILE).text).toBe(original);
  });

  it('reads a name the dictionary does not list by its surname and given-name characters', () => {
    // 健 (E5 81 A5) loses 0x81; 句 (E5 8F A5) is far commoner, but no one is named with it.
    const broken = damage('嘉宾简介：肖健，蚂蚁集团技术专家');
    const resolutions = resolveDamaged(broken, dictionaryModel);
    const given = resolutions.find((item) => item.damaged.candidates.includes('健'));
    expect(given?.damaged.candidates).toContain('句');
    expect(given?.character).toBe('健');
  });

  it('resolves the same damaged word in the same context the same way every time', () => {
    const line = '王庆：中国木兰社区助力云原生';
    const broken = damage([line, line, line].join('\n'));
    const restored = restoreLostBytes(broken, dictionaryModel, FILE).text.split('\n');
    expect(new Set(restored).size).toBe(1);
    expect(restored[0]).toBe(line);
  });

  it('reads no bracket its line cannot pair: no 」 without a 「 before it, no 【 without a 】 after it', () => {
    // 、 (E3 80 81), 」 (E3 80 8D), 『 (E3 80 8E) and 【 (E3 80 90) all survive as E3 80.
    const lines = ['嘉宾、议题、时间', '报名、签到、合影', '【直播回顾】云原生、服务网格'];
    const broken = damage(lines.join('\n'));
    expect(broken.damaged.flatMap((item) => item.candidates)).toEqual(
      expect.arrayContaining(['、', '」', '『', '【']),
    );
    const restored = restoreLostBytes(broken, dictionaryModel, FILE).text.split('\n');
    const brackets = restored.map((line) => line.replace(/[^、」『【】]/g, ''));
    expect(brackets.slice(0, 2)).toEqual(['、、', '、、']);
    expect(brackets[2]).toMatch(/^[、【]】、$/);
    // Even where the site's posts close a quote after 网格, a quote never opened is a 、.
    const quoting = new LanguageModel().addText('「服务网格」、运维');
    const unquoted = restoreLostBytes(damage('服务网格、运维'), quoting, FILE).text;
    expect(unquoted.replace(/[^、」『【】]/g, '')).toBe('、');
  });

  it('scores only the candidates within reach of the best by their neighbours and as words', () => {
    // 中 lost its last byte between 格 and 的; so did 与, 不 and a dozen rarer characters.
    const [damaged] = damage('网格中的').damaged;
    const candidates = damaged?.candidates ?? [];
    expect(candidates).toEqual(expect.arrayContaining(['中', '与', '不']));
    const symbol = (character: string) => character.codePointAt(0)!;
    const likely = likelyCandidates(candidates, symbol('格'), symbol('的'), dictionaryModel);
    expect(likely).toContain('中');
    expect(likely.length).toBeLessThan(candidates.length / 2);
    // A damaged neighbour on both sides says nothing of the fit: more candidates stay in reach.
    const blind = likelyCandidates(candidates, null, null, dictionaryModel);
    expect(blind.length).toBeGreaterThan(likely.length);
    expect(blind).toEqual(expect.arrayContaining(['中', '与', '不']));
  });

  it('reads 中 where a 在 earlier in the clause awaits it, and 不 where the clause has none', () => {
    // 中, 不 and 与 (E4 B8 AD, 8D, 8E) all survive as E4 B8. Here 不 comes before 管理 and 部署,
    // and 中 closes clauses that 在 opened.
    const site = [
      '在服务网格中统一管理流量。',
      '在多个集群中部署应用。',
      '它不管理证书，也不部署应用。',
    ];
    const lines = [
      '在 Istio 里的多个集群中管理流量',
      '曾在多个技术大会中做过分享',
      '在上海，它不部署应用',
    ];
    const restore = (weights: Partial<typeof DEFAULT_WEIGHTS>) => {
      const model = new LanguageModel({ ...DEFAULT_WEIGHTS, ...weights })
        .addDictionary(dictionary)
        .addText(site.join('\n'));
      return restoreLostBytes(damage(lines.join('\n')), model, FILE).text.split('\n');
    };
    expect(restore({})).toEqual(lines);
    // Without the opener (nor the words' classes, which see a noun before 中 too), the pairs
    // around the damage alone read 集群不管理 and 大会不做过.
    expect(restore({ opener: 0, wordClasses: 0 }).slice(0, 2)).toEqual([
      '在 Istio 里的多个集群不管理流量',
      '曾在多个技术大会不做过分享',
    ]);
  });

  it('reads no 在 as still awaiting its 中 once a locative has closed it', () => {
    // The site writes 中 after 在 and 不 in clauses without one; here the 不 comes after 在 X 中.
    const site = [
      '在服务网格中统一管理流量。',
      '在多个集群中部署应用。',
      '它不管理证书，也不部署应用。',
    ];
    const lines = ['在多个集群中它不部署应用', '在服务网格中流量不加密', '在大会中嘉宾不发言'];
    const model = new LanguageModel().addDictionary(dictionary).addText(site.join('\n'));
    // Were the 在 still open at the 不, it would read 它中部署, 流量中加密, 嘉宾中发言.
    expect(restoreLostBytes(damage(lines.join('\n')), model, FILE).text.split('\n')).toEqual(lines);
  });

  it('tells function words apart by the classes of the words on either side', () => {
    // The site joins two nouns with 与, puts 中 after a noun and before 的, and 不 before a verb;
    // the damaged lines join nouns it never wrote beside 与, which only their classes tell.
    const site = [
      '软件与硬件的结合。',
      '网络与存储都很重要。',
      '数据与模型分开管理。',
      '集群中的节点。',
      '它不支持重试，也不提供缓存。',
    ];
    const lines = ['医疗与金融行业', '文档与代码都要更新'];
    const restore = (wordClasses: number) => {
      const model = new LanguageModel({ ...DEFAULT_WEIGHTS, wordClasses })
        .addDictionary(dictionary)
        .addText(site.join('\n'));
      return restoreLostBytes(damage(lines.join('\n')), model, FILE).text.split('\n');
    };
    expect(restore(DEFAULT_WEIGHTS.wordClasses)).toEqual(lines);
    expect(restore(0)).toEqual(['医疗不金融行业', '文档不代码都要更新']);
  });

  it('reads 与 where its partner word comes later in the clause (与 X 一起)', () => {
    // The site writes 与 … 一起 and 不使用; between 们 and 使 alone, 不 is the likelier.
    const site = [
      '欢迎与大家一起分享。',
      '我们与社区一起成长。',
      '这个组件与语言无关。',
      '它不使用缓存，也不使用代理。',
    ];
    const line = '它们与使用者一起成长';
    const restore = (partners: number) => {
      const model = new LanguageModel({ ...DEFAULT_WEIGHTS, partners })
        .addDictionary(dictionary)
        .addText(site.join('\n'));
      return restoreLostBytes(damage(line), model, FILE).text;
    };
    expect(restore(DEFAULT_WEIGHTS.partners)).toBe(line);
    expect(restore(0)).toBe('它们不使用者一起成长');
  });

  it('closes a bracket at the damaged character when nothing later on its line can', () => {
    // 」 (E3 80 8D) and 、 (E3 80 81) both survive as E3 80.
    const lines = ['公众号「服务网格」作者', '「服务网格、测试」作者'];
    const restored = restoreLostBytes(damage(lines.join('\n')), dictionaryModel, FILE).text;
    expect(restored.split('\n')).toEqual(lines);
  });

  it('opens a bracket at the damaged character when the rest of its line closes one never opened', () => {
    // 【 (E3 80 90) survives as E3 80, as 、 does; this site never wrote a 【.
    const site = new LanguageModel().addText('活动回顾、云原生、服务网格');
    const line = '【活动回顾】云原生、服务网格';
    expect(restoreLostBytes(damage(line), site, FILE).text).toBe(line);
  });

  it('restores an emoji sequence by its grammar: a skin tone after a person, a joiner between two pictographs', () => {
    // 🏽 loses a byte as 🍽 and 🎽 do; the joiner (E2 80 8D) loses its last byte as ” (9D) does.
    const lines = ['👩🏽‍💻 讲师：王庆', '“云原生”大会'];
    const broken = damage(lines.join('\n'));
    expect(broken.damaged.map((item) => item.candidates)).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['🏽', '🍽', '🎽']),
        expect.arrayContaining(['\u200D', '”']),
      ]),
    );
    expect(restoreLostBytes(broken, dictionaryModel, FILE).text.split('\n')).toEqual(lines);
  });

  it('ranks the candidates it scored, likeliest first, with posteriors that sum to one', () => {
    const [resolution] = resolveDamaged(damage('云原生'), dictionaryModel);
    expect(resolution?.character).toBe('原');
    expect(resolution?.ranked[0]?.character).toBe('原');
    const ranked = resolution?.ranked.map((entry) => entry.character) ?? [];
    expect(ranked.length).toBeGreaterThan(1);
    expect(resolution?.damaged.candidates).toEqual(expect.arrayContaining(ranked));
    const probabilities = resolution?.ranked.map((entry) => entry.probability) ?? [];
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    const total = resolution?.ranked.reduce((sum, entry) => sum + entry.probability, 0) ?? 0;
    expect(total).toBeCloseTo(1, 6);
  });
});

describe('restoreLostBytes: what the compiler reports', () => {
  it('reports each uncertain choice with file, line, column and its candidates', () => {
    // 花名 and 昱恒: neither word is in the site's text, and 名 shares its surviving bytes with 子.
    const broken = damage('ok\n---\n\n嘉宾（花名：昱恒）\n');
    const resolutions = resolveDamaged(broken, dictionaryModel);
    const unsure = resolutions.filter((item) => item.confidence < MIN_CONFIDENCE);
    expect(unsure.length).toBeGreaterThanOrEqual(1);
    const guessed = restoreLostBytes(broken, dictionaryModel, FILE).diagnostics.filter(
      (item) => item.code === 'encoding-guessed-character',
    );
    expect(guessed.map(({ line, column }) => ({ line, column }))).toEqual(
      unsure.map(({ damaged }) => ({ line: 4, column: damaged.column })),
    );
    const forName = guessed.find((item) => item.message.includes('名'));
    expect(forName?.message).toMatch(/restored as .+, but it may be another \(.+ \d+%, .+ \d+%/);
    expect(forName?.message).toContain('子');
  });

  it('replaces the "could not be restored" warnings, and says how many characters were chosen', () => {
    const broken = damage('服务网格中的流量管理');
    expect(broken.diagnostics.some((item) => item.code === 'encoding-lost-bytes')).toBe(true);
    const restored = restoreLostBytes(broken, dictionaryModel, FILE);
    expect(restored.diagnostics.map((item) => item.code)).not.toContain('encoding-lost-bytes');
    const summary = restored.diagnostics.find((item) => item.code === 'encoding-double-encoded');
    expect(summary?.message).toMatch(
      new RegExp(`and ${broken.damaged.length} that lost bytes were chosen by their context`),
    );
    expect(restored.text).not.toContain('\uFFFD');
    expect(restored.damaged).toEqual([]);
  });

  it('leaves a text without damage exactly as it was', () => {
    const decoded = decodeText(new TextEncoder().encode('服务网格中的流量管理'), FILE);
    expect(restoreLostBytes(decoded, dictionaryModel, FILE)).toBe(decoded);
  });

  it('learns from the other posts, but never from a damaged one', () => {
    const clean = decodeText(new TextEncoder().encode('花名：仪式'), 'clean.md');
    const damaged = damage('花名：仪式');
    const model = buildLanguageModel([clean, damaged], []);
    // Without a dictionary, only the clean post can have taught that 名 follows 花.
    expect(restoreLostBytes(damaged, model, FILE).text).toBe('花名：仪式');
    expect(model.characterScore(0x82b1, 0x540d)).toBeGreaterThan(
      model.characterScore(0x82b1, 0x5b50),
    );
  });

  it('reads a model without a post exactly as one that never saw it (leave-one-out)', () => {
    const post = '服务网格中的流量管理与可观测性，欢迎报名参加。';
    const other = SITE_TEXT;
    const model = keeping().addText(post).addText(other);
    const never = new LanguageModel().addText(other);
    const [中, 的, 与, 可, 管, 理, 观] = [...'中的与可管理观'].map((c) => c.codePointAt(0)!);
    const readings = (each: LanguageModel) => [
      each.characterScore(中!, 的!),
      each.characterScore(与!, 可!),
      each.characterScore(理!, 与!),
      each.contextScore(与!, 管!, 理!, 可!, 观!),
    ];
    const full = readings(model);
    expect(model.leaveOut(post, readings)).toEqual(readings(never));
    // The post did teach the full model something the held-out one does not know,
    expect(full[0]).toBeGreaterThan(readings(never)[0]!);
    // and the model is whole again once the post is back.
    expect(readings(model)).toEqual(full);
  });

  it('leaves each post out in turn and puts it back, as the bench does', () => {
    const posts = [
      '服务网格中的流量管理与可观测性，欢迎报名参加。',
      SITE_TEXT,
      '在集群中我们不部署应用。',
    ];
    const model = keeping().addDictionary(dictionary);
    for (const post of posts) model.addText(post);
    const [中, 的, 与, 可, 群, 我] = [...'中的与可群我'].map((c) => c.codePointAt(0)!);
    const 服务网格 = [...'服务网格'].reduce((at, c) => model.child(at, c.codePointAt(0)!), 0);
    const readings = (each: LanguageModel) => [
      each.wordScore(服务网格),
      each.characterScore(中!, 的!),
      each.characterScore(与!, 可!),
      each.characterScore(群!, 中!),
      each.contextScore(中!, 0, 群!, 我!, 0),
      each.knows(群!),
    ];
    const full = readings(model);
    for (const post of posts) {
      const never = new LanguageModel().addDictionary(dictionary);
      for (const other of posts) if (other !== post) never.addText(other);
      expect(model.leaveOut(post, readings)).toEqual(readings(never));
      expect(readings(model)).toEqual(full);
    }
    // Leaving a post out does change what the model says.
    expect(model.leaveOut(posts[0]!, readings)).not.toEqual(full);
  });

  it('puts a post back even when the work done without it fails', () => {
    const model = keeping().addText('服务网格').addText(SITE_TEXT);
    const before = model.characterScore(0x670d, 0x52a1);
    expect(() =>
      model.leaveOut('服务网格', () => {
        throw new Error('resolver failed');
      }),
    ).toThrow(/resolver failed/);
    expect(model.characterScore(0x670d, 0x52a1)).toBe(before);
  });

  it('leaves out only a text it kept', () => {
    const unkept = new LanguageModel().addText(SITE_TEXT);
    expect(() => unkept.leaveOut(SITE_TEXT, () => 0)).toThrow(/keepTexts/);
    expect(() =>
      keeping()
        .addText(SITE_TEXT)
        .leaveOut('never added', () => 0),
    ).toThrow(/keepTexts/);
  });

  it("reads the content's dictionary words without a post exactly as a model that never saw it", () => {
    const post = '服务网格中的流量管理与可观测性，欢迎报名参加。';
    const model = keeping().addDictionary(dictionary).addText(post).addText(SITE_TEXT);
    const never = new LanguageModel().addDictionary(dictionary).addText(SITE_TEXT);
    const node = (word: string) =>
      [...word].reduce((at, character) => model.child(at, character.codePointAt(0)!), 0);
    // 服务网格 and 流量 only in the post, 分享 only in the other text, 管理 in neither.
    const words = ['服务网格', '流量', '分享', '管理', '报名'];
    const scores = (each: LanguageModel) => words.map((word) => each.wordScore(node(word)));
    const full = scores(model);
    expect(model.leaveOut(post, scores)).toEqual(scores(never));
    expect(full[1]).toBeGreaterThan(scores(never)[1]!);
  });

  it('reads the function words of a model without a post exactly as one that never saw it', () => {
    const post = '在集群中我们不部署应用，与大家一起讨论软件与硬件。';
    const other = '在网格中它不管理证书。与社区一起成长，网络与存储都很重要。';
    const heldOut = keeping().addDictionary(dictionary).addText(post).addText(other);
    const never = new LanguageModel().addDictionary(dictionary).addText(other);
    const full = new LanguageModel().addDictionary(dictionary).addText(post).addText(other);
    const symbols = (text: string) => [...text].map((character) => character.codePointAt(0)!);
    // The site of 与 in 软件与硬件, then of 不 in 我们不部署: the words around, the candidates.
    const sites = [
      ['软件', '硬件的', '与不中'],
      ['我们', '部署应用', '与不中'],
    ] as const;
    const scores = (model: LanguageModel) =>
      sites.flatMap(([before, after, candidates]) => {
        const [left, right] = [symbols(before), symbols(after)];
        const context = model.functionWordContext(
          model.classBefore(left, left.length),
          model.classAfter(right, 0),
          model.wordsAfter(right, 0),
        );
        return symbols(candidates).map((symbol) => model.functionWordScore(symbol, context));
      });
    const 在 = '在'.codePointAt(0)!;
    const openerScores = (model: LanguageModel) =>
      symbols('中不').map((symbol) => model.contextScore(symbol, 0, 0, 0, 0, 在));
    expect(heldOut.leaveOut(post, scores)).toEqual(scores(never));
    expect(heldOut.leaveOut(post, openerScores)).toEqual(openerScores(never));
    // And the post did teach the full model something the held-out one does not know.
    expect(scores(full)).not.toEqual(scores(never));
    expect(openerScores(full)).not.toEqual(openerScores(never));
  });

  it('keeps the confidence threshold a real probability', () => {
    expect(MIN_CONFIDENCE).toBeGreaterThan(0.5);
    expect(MIN_CONFIDENCE).toBeLessThan(1);
  });
});

describe('LanguageModel: titles', () => {
  const code = (character: string): number => character.codePointAt(0)!;
  const SITE_TITLES = [
    '分享议题：《服务治理与可观测性》《云原生的思考与实践》',
    '今天不讲理论，我们不谈概念，大家不见不散。',
    '《多集群的挑战与展望》',
  ].join('\n');

  it('reads which characters stand inside 《》 more often than elsewhere, from the content', () => {
    const model = new LanguageModel().addText(SITE_TITLES);
    const [与, 不] = [code('与'), code('不')];
    expect(model.titleScore(与, true)).toBeGreaterThan(model.titleScore(不, true));
    expect(model.titleScore(不, false)).toBeGreaterThan(model.titleScore(与, false));
    // Weight 0 turns the feature off.
    const off = new LanguageModel({ ...DEFAULT_WEIGHTS, titles: 0 }).addText(SITE_TITLES);
    expect(off.titleScore(与, true)).toBeCloseTo(0, 12);
    // A character the content never had scores nothing either way.
    expect(model.titleScore(code('鹅'), true)).toBe(0);
  });

  it('reads the title counts without a left-out post exactly as a model that never saw it', () => {
    const post = '《服务网格中的流量管理与可观测性》';
    const model = new LanguageModel(undefined, { keepTexts: true })
      .addText(post)
      .addText(SITE_TITLES);
    const never = new LanguageModel().addText(SITE_TITLES);
    const scores = (each: LanguageModel) =>
      [...'与中不量'].flatMap((character) =>
        [true, false].map((inTitle) => each.titleScore(code(character), inTitle)),
      );
    expect(model.leaveOut(post, scores)).toEqual(scores(never));
  });
});

describe('LanguageModel: the dictionary', () => {
  it('finds every word of a dictionary whose words share no prefix (more nodes than it planned for)', () => {
    // Two-character words that share nothing: 2 nodes per word, where the trie plans on 1.
    const words = Array.from({ length: 3_000 }, (_, index) => ({
      word: String.fromCodePoint(0x4e00 + index, 0x9000 + index),
      frequency: index + 1,
    }));
    const model = new LanguageModel().addDictionary(words);
    const scores = words.map(({ word }) => {
      const [first, second] = [...word].map((character) => character.codePointAt(0)!);
      return model.wordScore(model.child(model.child(0, first!), second!));
    });
    expect(scores.every(Number.isFinite)).toBe(true);
    // Likelier words score higher, so each word found its own node.
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(model.child(0, 0x9000)).toBe(-1);
  });
});

describe('LanguageModel: the word expert', () => {
  /** A dictionary of a few words, with 的 as filler so that the frequencies sum to 1,000. */
  const words = (entries: Record<string, number>) =>
    Object.entries(entries).map(([word, frequency]) => ({ word, frequency }));
  const DICTIONARY = words({ 的: 691, 转: 100, 向: 100, 发: 1, 转发: 8 });
  const node = (model: LanguageModel, word: string) =>
    [...word].reduce((at, character) => model.child(at, character.codePointAt(0)!), 0);

  it('charges every word of a reading, so one word of the dictionary beats two it barely loses to', () => {
    // 发 and 向 (E5 8F 91, E5 90 91) both survive as E5 91. 转发 (8 in 1,000) against 转 and 向
    // (100 each): 0.008 < 0.1 × 0.1 as probabilities, by less than the second word costs.
    const broken = damage('Envoy 转发 HTTP 请求');
    expect(broken.damaged).toHaveLength(1);
    const resolve = (weights: typeof DEFAULT_WEIGHTS) =>
      restoreLostBytes(broken, new LanguageModel(weights).addDictionary(DICTIONARY), FILE).text;
    expect(resolve(DEFAULT_WEIGHTS)).toBe('Envoy 转发 HTTP 请求');
    expect(resolve({ ...DEFAULT_WEIGHTS, wordCost: 0 })).toBe('Envoy 转向 HTTP 请求');
  });

  it('raises a dictionary word of two or more characters by how often the content uses it', () => {
    const model = new LanguageModel().addDictionary(DICTIONARY).addText('转发\n转发给他');
    const general = new LanguageModel().addDictionary(DICTIONARY).addText('转向\n他');
    const adapted = node(model, '转发');
    expect(model.wordScore(adapted)).toBeGreaterThan(general.wordScore(adapted));
    // One-character words keep the dictionary's probability: every character would count as one.
    expect(model.wordScore(node(model, '发'))).toBe(general.wordScore(node(model, '发')));
  });
});

describe('LanguageModel: smoothing the content bigrams', () => {
  const code = (character: string): number => character.codePointAt(0)!;

  it('trusts the bigrams of a character seen before many different ones less (Witten–Bell)', () => {
    // 中 and 丁 are each seen eight times, 中 before eight different characters, 丁 before one:
    // a pair never seen is likelier after 中, which goes before any word.
    const model = new LanguageModel().addText(
      '中国中心中间中断中文中午中外中立\n丁当丁当丁当丁当丁当丁当丁当丁当',
    );
    expect(model.characterScore(code('中'), code('云'))).toBeGreaterThan(
      model.characterScore(code('丁'), code('云')),
    );
  });

  it('backs off to how many different characters a candidate follows, not how often it occurs (Kneser–Ney)', () => {
    // 原 occurs six times, always after 云; 生 three times, after three different characters.
    const model = new LanguageModel().addText('云原云原云原云原云原云原\n甲生乙生丙生');
    expect(model.characterScore(code('丁'), code('生'))).toBeGreaterThan(
      model.characterScore(code('丁'), code('原')),
    );
  });
});

describe('seed 004 (SOFAMeetup × 木兰技术开放日), compiled with the other seeds as the model', () => {
  let compiled: Awaited<ReturnType<typeof compileSeeds>>;

  beforeAll(async () => {
    compiled = await compileSeeds();
  });

  it('is an online event on 2022-04-01, 09:30–12:00 in Asia/Shanghai', () => {
    const event = eventFrom(compiled.bundle, LOSSY_SEED);
    expect(event).toMatchObject({
      title: 'SOFAMeetup&木兰技术开放日（云原生专场）',
      date: '2022-04-01',
      start: '09:30',
      end: '12:00',
      timezone: 'Asia/Shanghai',
      format: 'online',
    });
  });

  it('has five talks whose speakers and companies are spelled as the author wrote them', () => {
    const talks = talksOf(compiled.bundle, eventFrom(compiled.bundle, LOSSY_SEED));
    expect(talks.map((talk) => talk.speakers.map(({ name, org }) => `${name} (${org})`))).toEqual([
      ['王庆 (英特尔)'],
      ['刘新 (都广科技)'],
      ['周群力 (蚂蚁集团)'],
      ['徐迪 (腾讯云)'],
      ['肖健 (蚂蚁集团)'],
    ]);
  });

  it('has its five talk titles exactly as written', () => {
    // The fifth title's 与 shares its surviving bytes with 中 and 不: it stands in 《》, where
    // the other seeds write 与 and never 不 (`titleScore`).
    const talks = talksOf(compiled.bundle, eventFrom(compiled.bundle, LOSSY_SEED));
    expect(talks.map((talk) => talk.title)).toEqual([
      '中国木兰社区助力云原生扬帆远航',
      '如何建立云原生时代的 DevOps 工具链',
      '在大规模集群中落地 dapr 或 Layotto 这种多运行时架构是什么样的体验',
      '云原生多集群治理实践',
      '蚂蚁服务发现的大规模实践与展望',
    ]);
  });

  it('leaves no replacement character anywhere in its event, talks or speakers', () => {
    const event = eventFrom(compiled.bundle, LOSSY_SEED);
    const talks = talksOf(compiled.bundle, event);
    const speakerIds = new Set(talks.flatMap((talk) => talk.speakers.map((speaker) => speaker.id)));
    const speakers = compiled.bundle.speakers.filter((speaker) => speakerIds.has(speaker.id));
    expect(speakers).toHaveLength(5);
    expect(JSON.stringify({ event, talks, speakers })).not.toContain('\uFFFD');
  });

  it.skipIf(!existsSync(ORIGINAL))(
    'restores at least 96% of its 370 damaged characters (357 today), checked against the original post',
    async () => {
      const original = readFileSync(ORIGINAL, 'utf8');
      const seed = decodeText(
        new Uint8Array(readFileSync(`content/${LOSSY_SEED}`)),
        `content/${LOSSY_SEED}`,
      );
      // The model a compile of content/ builds: the other seeds and the dictionary.
      const others = (await readContentTree('content')).files.map((file) =>
        decodeText(file.bytes, file.path),
      );
      const model = buildLanguageModel(others, readDictionary());
      const resolutions = resolveDamaged(seed, model);
      const lines = original.split('\n');
      const correct = resolutions.filter(({ damaged, character }) => {
        const line = [...(lines[damaged.line - 1] ?? '')];
        const before = seed.text.slice(
          seed.text.lastIndexOf('\n', damaged.index - 1) + 1,
          damaged.index,
        );
        return line[[...before].length] === character;
      });
      expect(resolutions).toHaveLength(370);
      expect(correct.length / resolutions.length).toBeGreaterThanOrEqual(0.96);
    },
  );
});
