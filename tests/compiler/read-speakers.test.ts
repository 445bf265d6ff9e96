/**
 * The speakers file: the organizer's word on which names are one person. Mistakes in it are
 * reported at their line and cost only the entry they are in.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  parseSpeakersFile,
  readSpeakersFile,
  type SpeakersSource,
} from '../../src/compiler/read-speakers';

function source(text: string): SpeakersSource {
  return { file: 'speakers.yaml', text };
}

describe('parseSpeakersFile: a well-written file', () => {
  it('reads each person with the other names they go by, and the line of the entry', () => {
    const parsed = parseSpeakersFile(
      source('- name: 宋净超\n  aliases: [Jimmy Song]\n- name: 周群力\n  aliases:\n    - 仪式\n'),
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.speakers).toEqual([
      { name: '宋净超', aliases: ['Jimmy Song'], line: 1 },
      { name: '周群力', aliases: ['仪式'], line: 3 },
    ]);
  });

  it('drops an alias that is only the name written another way', () => {
    const parsed = parseSpeakersFile(
      source('- name: Jimmy Song\n  aliases: [jimmy song, 宋净超]\n'),
    );
    expect(parsed.speakers[0]?.aliases).toEqual(['宋净超']);
  });

  it('reads an empty file as no one, without complaint', () => {
    expect(parseSpeakersFile(source('# nobody yet\n'))).toEqual({ speakers: [], diagnostics: [] });
  });
});

describe('parseSpeakersFile: mistakes, each at its line, each costing only its entry', () => {
  it('reports every mistake of the flat fixture and keeps the good entries', async () => {
    const text = await readFile('tests/fixtures/speakers/flat/speakers.yaml', 'utf8');
    const parsed = parseSpeakersFile(source(text));
    expect(parsed.speakers.map((person) => person.name)).toEqual([
      '宋净超',
      '周群力',
      '敖小剑',
      '赵化冰',
    ]);
    const found = parsed.diagnostics.map(({ severity, code, file, line }) => ({
      severity,
      code,
      file,
      line,
    }));
    expect(found).toEqual([
      // `aliases: 仪式` is one alias without brackets: read, with a hint.
      { severity: 'warning', code: 'speakers-aliases', file: 'speakers.yaml', line: 4 },
      { severity: 'error', code: 'speakers-entry', file: 'speakers.yaml', line: 5 },
      { severity: 'warning', code: 'speakers-unknown-key', file: 'speakers.yaml', line: 8 },
      { severity: 'error', code: 'speakers-aliases', file: 'speakers.yaml', line: 7 },
      { severity: 'error', code: 'speakers-duplicate', file: 'speakers.yaml', line: 9 },
      { severity: 'error', code: 'speakers-entry', file: 'speakers.yaml', line: 11 },
    ]);
    expect(parsed.speakers.find((person) => person.name === '周群力')?.aliases).toEqual(['仪式']);
    expect(parsed.speakers.find((person) => person.name === '敖小剑')?.aliases).toEqual(['Sky Ao']);
  });

  it('says which entry already owns a name given twice', () => {
    const parsed = parseSpeakersFile(
      source('- name: 宋净超\n  aliases: [Jimmy Song]\n- name: 宋晓\n  aliases: [Jimmy Song]\n'),
    );
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'speakers-duplicate', line: 3 });
    expect(parsed.diagnostics[0]?.message).toContain('宋净超 (line 1)');
    expect(parsed.speakers.map((person) => person.name)).toEqual(['宋净超']);
  });

  it('reports a file that does not parse at the line of the mistake, and joins no one', () => {
    const parsed = parseSpeakersFile(
      source('- name: 宋净超\n  aliases: [Jimmy Song\n- name: 周群力\n'),
    );
    expect(parsed.speakers).toEqual([]);
    expect(parsed.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'speakers-syntax',
      file: 'speakers.yaml',
    });
    expect(parsed.diagnostics[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a file that is a map instead of a list', () => {
    const parsed = parseSpeakersFile(source('宋净超: [Jimmy Song]\n'));
    expect(parsed.speakers).toEqual([]);
    expect(parsed.diagnostics).toMatchObject([
      { severity: 'error', code: 'speakers-shape', line: 1 },
    ]);
  });
});

describe('readSpeakersFile: where the file is looked for', () => {
  it('finds speakers.yaml at the content root', async () => {
    const found = await readSpeakersFile('tests/fixtures/speakers/flat');
    expect(found?.file).toBe('speakers.yaml');
    expect(found?.text).toContain('宋净超');
  });

  it("finds Hugo's data/speakers.yaml beside the content folder", async () => {
    const found = await readSpeakersFile('tests/fixtures/speakers/site/content');
    expect(found?.file).toBe('../data/speakers.yaml');
    expect(found?.text).toContain('Jimmy Song');
  });

  it('finds nothing where there is no file', async () => {
    expect(await readSpeakersFile('tests/fixtures/posts')).toBeNull();
  });
});
