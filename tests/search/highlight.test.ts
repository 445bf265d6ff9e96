import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/lib/search/encoder';
import { Highlighter } from '../../src/lib/search/highlight';

/** Marks for what a reader typed, as `ContentIndex.search` reports it in `terms`. */
function highlight(text: string, query: string) {
  return new Highlighter([normalizeText(query)]).segments(text);
}

function excerpt(text: string, query: string, length: number): string {
  return new Highlighter([normalizeText(query)]).excerpt(text, length);
}

/** The marked parts only, in order. */
function marked(text: string, query: string): string[] {
  return highlight(text, query)
    .filter((segment) => segment.match)
    .map((segment) => segment.text);
}

describe('highlighting a search match', () => {
  it('marks a Chinese phrase where it occurs', () => {
    expect(marked('服务网格在企业落地的典型场景', '网格')).toEqual(['网格']);
  });

  it('marks each Han bigram when the phrase is split in the text', () => {
    expect(marked('服务治理与网格', '服务网格')).toEqual(['服务', '网格']);
  });

  it('marks Latin words at word starts only, keeping the original case', () => {
    expect(marked('Securing workload deployment with Istio CNI', 'istio cni')).toEqual([
      'Istio',
      'CNI',
    ]);
    expect(marked('Kubernetes and kube-proxy', 'kube')).toEqual(['Kube', 'kube']);
    expect(marked('subkube', 'kube')).toEqual([]);
  });

  it('matches full-width text against a half-width query', () => {
    expect(marked('ＩＳＴＩＯ 入门', 'istio')).toEqual(['ＩＳＴＩＯ']);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'Use eBPF to accelerate Istio/Envoy network';
    expect(
      highlight(text, 'envoy istio')
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });

  it('returns one unmarked segment when nothing matches', () => {
    expect(highlight('Welcome speech', 'mesh')).toEqual([{ text: 'Welcome speech', match: false }]);
  });
});

describe('an excerpt around the match', () => {
  it('shows the part of a long text where the query matched', () => {
    const text = `${'介绍'.repeat(60)}可观测性${'实践'.repeat(60)}`;
    const shown = excerpt(text, '可观测性', 40);
    expect(shown).toContain('可观测性');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('returns short text whole', () => {
    expect(excerpt('Istio CNI', 'cni', 40)).toBe('Istio CNI');
  });
});

describe('marking what else a query searched', () => {
  const folds = new Map([
    ['網', '网'],
    ['務', '务'],
  ]);

  it('marks Traditional text for a Simplified term, character for character', () => {
    const marks = new Highlighter(['服务网格'], folds);
    expect(
      marks
        .segments('走進服務網格')
        .filter((segment) => segment.match)
        .map((segment) => segment.text),
    ).toEqual(['服務網格']);
  });

  it('marks every term: the query, a glossary term and a correction', () => {
    const marks = new Highlighter(['kuberntes', 'service mesh', 'kubernetes']);
    expect(
      marks
        .segments('Service Mesh on Kubernetes')
        .filter((segment) => segment.match)
        .map((segment) => segment.text),
    ).toEqual(['Service', 'Mesh', 'Kubernetes']);
  });
});
