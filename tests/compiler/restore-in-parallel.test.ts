/**
 * Restoring lost bytes on several threads is only an optimisation: every post comes back with the
 * characters, confidences and warnings it gets on one thread.
 */
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { doubleEncodeLossy } from '../../scripts/double-encode';
import { compileContentInParallel } from '../../src/compiler/compile-in-parallel';
import { LanguageModel, type DictionaryWord } from '../../src/compiler/language-model';
import { readContentTree, type SourceFile } from '../../src/compiler/read-content';
import { readDictionary } from '../../src/compiler/read-dictionary';
import {
  packResolutions,
  restoreInParallel,
  restoreOne,
  type RestoreAnswer,
  type RestoreJob,
  type RestoreOutcome,
} from '../../src/compiler/restore-in-parallel';
import { startWorker } from '../../src/compiler/start-worker';
import { compile, FIXED_TIME, post } from './compile-helpers';

/** Starting a worker and loading the resolver in it takes seconds on a busy machine. */
const WORKER_TIMEOUT_MS = 60_000;

/** Lines the community writes, the model's content. */
const SITE = [
  '本次 Meetup 将与大家分享服务网格在蚂蚁集团的落地实践。',
  '嘉宾：宋净超，Tetrate 布道师，云原生社区创始人。',
  '议题：Istio 中的流量管理与可观测性，以及不同集群之间的服务发现',
];

/** Posts to restore, each damaged as seed 004 was; the model leaves each post's original out. */
const ORIGINALS = [
  '活动回顾：云原生中间件、可观测性与服务网格，不见不散！',
  '嘉宾简介：肖健，蚂蚁集团技术专家，花名：仪式。',
  '在 Istio 中管理流量，与大家一起聊聊服务发现的大规模实践与展望。',
  '本次分享不收费，欢迎报名参加，现场与讲师交流。',
];

const JOBS: RestoreJob[] = ORIGINALS.map((text, index) => ({
  path: `posts/damaged-${index}.md`,
  bytes: doubleEncodeLossy(text),
  leaveOut: text,
}));

let dictionary: DictionaryWord[];

beforeAll(() => {
  dictionary = readDictionary();
});

function buildModel(): LanguageModel {
  const model = new LanguageModel().addDictionary(dictionary);
  for (const text of [...SITE, ...ORIGINALS]) model.addText(text);
  return model;
}

/** What a caller sees of an outcome: each choice, its confidence and the ranking behind it. */
const choices = (outcomes: readonly RestoreOutcome[]) =>
  outcomes.map(({ decoded, resolutions }) => ({
    text: decoded.text,
    chosen: resolutions.map(({ damaged, character, confidence, ranked }) => ({
      at: damaged.index,
      character,
      confidence,
      ranked,
    })),
  }));

describe('LanguageModel.share: one model read on another thread', () => {
  it('scores every character, word and context as the model it was shared from', () => {
    const model = buildModel();
    // Through postMessage's structured clone, as a worker receives it.
    const copy = LanguageModel.fromShared(structuredClone(model.share()));
    const probes = [...'中不与实践展望服务网格花名子大家一起管理流量'].map((c) =>
      c.codePointAt(0)!,
    );
    for (const previous of probes)
      for (const next of probes)
        expect(copy.characterScore(previous, next)).toBe(model.characterScore(previous, next));
    for (const [symbol, left, right] of [[...'与践展'], [...'中践展'], [...'名花：']].map(
      (triple) => triple.map((c) => c.codePointAt(0)!),
    ))
      expect(copy.contextScore(symbol!, 0x0a, left!, right!, 0x0a)).toBe(
        model.contextScore(symbol!, 0x0a, left!, right!, 0x0a),
      );
    let [node, copyNode] = [0, 0];
    for (const character of '实践') {
      node = model.child(node, character.codePointAt(0)!);
      copyNode = copy.child(copyNode, character.codePointAt(0)!);
    }
    expect(node).toBeGreaterThan(0);
    expect(copy.wordScore(copyNode)).toBe(model.wordScore(node));
    expect(copy.surnameScore('肖'.codePointAt(0)!)).toBe(model.surnameScore('肖'.codePointAt(0)!));
    // Leaving a post out works the same on the copy.
    const [践, 与] = [...'践与'].map((c) => c.codePointAt(0)!);
    expect(copy.without(ORIGINALS[2]!).characterScore(践!, 与!)).toBe(
      model.without(ORIGINALS[2]!).characterScore(践!, 与!),
    );
  });

  it('refuses to share a model with a post left out, which the other thread could not undo', () => {
    expect(() => buildModel().without(ORIGINALS[0]!).share()).toThrow(/whole model/);
  });
});

describe('restoreInParallel', () => {
  it(
    'gives every post the same choices on two threads as on one',
    async () => {
      const model = buildModel();
      const oneByOne = JOBS.map((job) => restoreOne(job, model));
      expect(oneByOne.flatMap(({ resolutions }) => resolutions).length).toBeGreaterThan(10);
      expect(choices(await restoreInParallel(JOBS, buildModel, 2))).toEqual(choices(oneByOne));
      expect(choices(await restoreInParallel(JOBS, buildModel, 1))).toEqual(choices(oneByOne));
    },
    WORKER_TIMEOUT_MS,
  );

  it(
    'has a worker restore the jobs it takes exactly as this thread does',
    async () => {
      // The worker alone takes jobs here: this thread only hands them out and listens.
      const model = buildModel();
      const worker = startWorker(new URL('../../src/compiler/restore-worker.ts', import.meta.url));
      const answers: RestoreAnswer[] = [];
      worker.on('message', (answer: RestoreAnswer) => answers.push(answer));
      worker.postMessage({
        model: model.share(),
        jobs: JOBS,
        order: [3, 2, 1, 0],
        next: new Int32Array(new SharedArrayBuffer(4)),
      });
      while (answers.length < JOBS.length) await once(worker, 'message');
      await worker.terminate();
      expect(answers.map(({ index }) => index)).toEqual([3, 2, 1, 0]);
      for (const { index, packed } of answers)
        expect(packed).toEqual(packResolutions(restoreOne(JOBS[index]!, model).resolutions));
    },
    WORKER_TIMEOUT_MS,
  );
});

describe('compileContentInParallel with damaged posts', () => {
  it(
    'restores them on worker threads into the same bundle and warnings as on one thread',
    async () => {
      const seeds = (await readContentTree('content')).files;
      // The seeds' own damaged post, and three more damaged the same way.
      const damaged: SourceFile[] = seeds
        .filter((file) => !file.path.includes('mulan'))
        .slice(0, 3)
        .map((file) =>
          post(`damaged/${file.path}`, doubleEncodeLossy(new TextDecoder().decode(file.bytes))),
        );
      const files = [...seeds, ...damaged];
      const expected = compile(files, { dictionary: () => dictionary });
      const parallel = await compileContentInParallel(
        files,
        { generatedAt: FIXED_TIME, dictionary: () => dictionary },
        { workers: 2, minDamaged: 0 },
      );
      expect(parallel.diagnostics.map((item) => item.code)).toContain('encoding-guessed-character');
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(expected));
    },
    WORKER_TIMEOUT_MS,
  );
});
