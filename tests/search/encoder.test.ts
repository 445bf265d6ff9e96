import { describe, expect, it } from 'vitest';
import { encodeText, foldText } from '../../src/lib/search/encoder';

describe('the search encoder', () => {
  it('splits Han text into overlapping bigrams plus the last character', () => {
    expect(encodeText('服务网格')).toEqual(['服务', '务网', '网格', '格']);
  });

  it('keeps a single Han character as a term', () => {
    expect(encodeText('磊')).toEqual(['磊']);
  });

  it('lower-cases Latin words and separates them from Han runs', () => {
    expect(encodeText('Istio的CNI插件')).toEqual(['istio', '的', 'cni', '插件', '件']);
  });

  it('folds full-width letters, case and diacritics', () => {
    expect(foldText('ＩＳＴＩＯ')).toBe('istio');
    expect(encodeText('Café Ünïcode')).toEqual(['cafe', 'unicode']);
  });

  it('drops punctuation and keeps digits', () => {
    expect(encodeText('SOFA 三周年 —— 10X!')).toEqual(['sofa', '三周', '周年', '年', '10x']);
  });
});
