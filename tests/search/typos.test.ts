import { describe, expect, it } from 'vitest';
import { Vocabulary, withinOneEdit } from '../../src/lib/search/typos';

describe('one edit', () => {
  it('covers a missing, an extra, a wrong and two swapped letters', () => {
    expect(withinOneEdit('kuberntes', 'kubernetes')).toBe(true);
    expect(withinOneEdit('kubernettes', 'kubernetes')).toBe(true);
    expect(withinOneEdit('kubernates', 'kubernetes')).toBe(true);
    expect(withinOneEdit('kubenretes', 'kubernetes')).toBe(true);
  });

  it('rejects two edits', () => {
    expect(withinOneEdit('kubrntes', 'kubernetes')).toBe(false);
    expect(withinOneEdit('kubernetis', 'kubernates')).toBe(false);
    expect(withinOneEdit('envoy', 'envoyproxy')).toBe(false);
  });
});

describe('the vocabulary', () => {
  const vocabulary = Vocabulary.collect([
    ['kubernetes', 'operators'],
    ['kubernetes', 'observability'],
    ['kubernete'],
  ]);

  it('corrects to the most used word first', () => {
    expect(vocabulary.corrections('kubernets')).toEqual(['kubernetes', 'kubernete']);
  });

  it('leaves known words, prefixes and short words alone', () => {
    expect(vocabulary.corrections('operators')).toEqual([]);
    expect(vocabulary.corrections('observ')).toEqual([]);
    expect(vocabulary.corrections('opera')).toEqual([]);
    expect(vocabulary.corrections('oprs')).toEqual([]);
  });

  it('survives a round trip through JSON', () => {
    const restored = Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary.toJSON())));
    expect(restored.corrections('obserability')).toEqual(['observability']);
  });
});
