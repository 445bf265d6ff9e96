/**
 * One speaker per person across the whole content: the same name is one person everywhere, the
 * speakers file joins the names it lists, and an alias a post gives joins it to its name unless
 * posts disagree about whose it is.
 */
import { describe, expect, it } from 'vitest';
import { readContentTree } from '../../src/compiler/read-content';
import { readSpeakersFile } from '../../src/compiler/read-speakers';
import type { Bundle } from '../../src/lib/schema';
import { compile, post } from './compile-helpers';

async function compileTree(root: string) {
  const tree = await readContentTree(root);
  const speakers = await readSpeakersFile(root);
  return compile(tree.files, speakers ? { speakers } : {});
}

/** The speaker of the talk titled `title`, as the talk links to it. */
function speakerOfTalk(bundle: Bundle, title: string) {
  const talk = bundle.talks.find((candidate) => candidate.title === title);
  return bundle.speakers.find((speaker) => speaker.id === talk?.speakers[0]?.id);
}

describe('the same name is one person', () => {
  it('gives 宋净超 of Chengdu 2023 and of Hangzhou 2024 one id and both talks', async () => {
    const { bundle } = await compileTree('tests/fixtures/speakers/site/content');
    const chengdu = speakerOfTalk(bundle, '多集群服务网格的流量治理');
    const hangzhou = speakerOfTalk(bundle, '服务网格的下一步');
    expect(chengdu).toBeDefined();
    expect(hangzhou?.id).toBe(chengdu?.id);
    expect(chengdu?.talkIds).toHaveLength(3);
  });

  it('folds case and spacing, as a name written twice by hand differs', () => {
    const { bundle } = compile([
      post(
        'a.md',
        '---\ntitle: A\ndate: 2023-01-01\nsessions:\n  - title: One\n    speakers: [Craig Box]\n---\n',
      ),
      post(
        'b.md',
        '---\ntitle: B\ndate: 2023-02-01\nsessions:\n  - title: Two\n    speakers: [craig  box]\n---\n',
      ),
    ]);
    expect(bundle.speakers).toHaveLength(1);
    expect(bundle.speakers[0]).toMatchObject({ name: 'Craig Box' });
    expect(bundle.speakers[0]?.talkIds).toHaveLength(2);
  });
});

describe('a nickname in quotes', () => {
  it('is one person whether the quotes are straight or curly, and joins the name without it', () => {
    const { bundle, diagnostics } = compile([
      post(
        'a.md',
        '---\ntitle: A\ndate: 2023-01-01\n---\n\n- [Reconcile Everything](https://example.com/a) - Mary "Moe" Major, Acme\n- [Rollouts](https://example.com/b) - Mary “Moe” Major, Acme\n',
      ),
      post(
        'b.md',
        '---\ntitle: B\ndate: 2023-02-01\nsessions:\n  - title: Three\n    speakers: [Mary Major]\n---\n',
      ),
    ]);
    expect(bundle.speakers).toHaveLength(1);
    expect(bundle.speakers[0]?.talkIds).toHaveLength(3);
    expect(diagnostics.filter((item) => item.code === 'speaker-alias-ambiguous')).toEqual([]);
  });
});

describe("the speakers file joins a person's names", () => {
  it("joins Jimmy Song to 宋净超 through Hugo's data/speakers.yaml, shown under the file's name", async () => {
    const { bundle } = await compileTree('tests/fixtures/speakers/site/content');
    const person = speakerOfTalk(bundle, 'Istio Ambient in Production');
    expect(person).toMatchObject({ name: '宋净超' });
    expect(person?.aliases).toContain('Jimmy Song');
    expect(person?.id).toBe(speakerOfTalk(bundle, '多集群服务网格的流量治理')?.id);
    // The talk keeps the name its post wrote.
    const talk = bundle.talks.find(
      (candidate) => candidate.title === 'Istio Ambient in Production',
    );
    expect(talk?.speakers[0]?.name).toBe('Jimmy Song');
  });

  it('keeps every good entry of a file with mistakes, and reports the mistakes', async () => {
    const { bundle, diagnostics } = await compileTree('tests/fixtures/speakers/flat');
    const zhao = speakerOfTalk(bundle, '用 Aeraki 管理七层协议');
    expect(zhao).toMatchObject({ name: '赵化冰' });
    expect(bundle.talks.find((talk) => talk.title === 'Aeraki Mesh in Practice')?.speakers).toEqual(
      [
        expect.objectContaining({ name: 'Huabing Zhao', id: zhao?.id }),
        expect.objectContaining({
          name: 'Jimmy Song',
          id: speakerOfTalk(bundle, '从 Sidecar 到 Ambient')?.id,
        }),
      ],
    );
    expect(bundle.events).toHaveLength(1);
    expect(
      diagnostics.filter((item) => item.file === 'speakers.yaml').map((item) => item.line),
    ).toEqual([4, 5, 8, 7, 9, 11]);
  });

  it('without the file, Jimmy Song and 宋净超 stay two speakers', async () => {
    const tree = await readContentTree('tests/fixtures/speakers/site/content');
    const { bundle } = compile(tree.files);
    expect(speakerOfTalk(bundle, 'Istio Ambient in Production')?.id).not.toBe(
      speakerOfTalk(bundle, '多集群服务网格的流量治理')?.id,
    );
  });
});

describe('an alias a post gives', () => {
  it('joins 仪式 alone in one post to 周群力（仪式） of another, shown under the real name', async () => {
    const { bundle } = await compileTree('tests/fixtures/speakers/site/content');
    const person = speakerOfTalk(bundle, 'Runtime APIs for Sidecarless Apps');
    expect(person).toMatchObject({ name: '周群力', aliases: ['仪式'] });
    expect(person?.id).toBe(speakerOfTalk(bundle, 'Layotto 的运行时 API')?.id);
    expect(person?.talkIds).toHaveLength(2);
  });

  it('joins no one when two people are given the same alias, and says where', async () => {
    const { bundle, diagnostics } = await compileTree('tests/fixtures/speakers/site/content');
    expect(speakerOfTalk(bundle, '网关与网格')?.id).not.toBe(
      speakerOfTalk(bundle, '可观测性实践')?.id,
    );
    const warning = diagnostics.find((item) => item.code === 'speaker-alias-ambiguous');
    expect(warning).toMatchObject({
      severity: 'warning',
      file: '2024/hangzhou-meetup.md',
    });
    expect(warning?.line).toBeGreaterThan(1);
    expect(warning?.message).toContain('张伟');
    expect(warning?.message).toContain('李伟');
  });

  it('does not let a post give a declared alias to someone else', () => {
    const { bundle, diagnostics } = compile(
      [
        post(
          'a.md',
          '---\ntitle: A\ndate: 2023-01-01\nsessions:\n  - title: One\n    speakers: [{ name: 宋晓, aliases: [Jimmy Song] }]\n  - title: Two\n    speakers: [宋净超]\n---\n',
        ),
      ],
      { speakers: { file: 'speakers.yaml', text: '- name: 宋净超\n  aliases: [Jimmy Song]\n' } },
    );
    expect(speakerOfTalk(bundle, 'One')?.id).not.toBe(speakerOfTalk(bundle, 'Two')?.id);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'speaker-alias-ambiguous', file: 'a.md' }),
    );
  });
});
