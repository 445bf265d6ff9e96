import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { doubleEncode, doubleEncodeLossy } from '../../scripts/double-encode';
import { candidatesForLostBytes, decodeText } from '../../src/compiler/decode-text';

const FILE = 'posts/example.md';
const CORPUS = '/work/shared/corpus/posts';
const SEEDS = '/work/shared/seeds';
const LOSSY_SEED = 'content/2022/sofameetup-mulan-cloud-native/index.md';
const LOSSY_SEED_NAME = '004_5683cfa37a4ced7c.txt';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

const count = (text: string, character: string): number => text.split(character).length - 1;

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('decodeText: byte-order marks', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# 活动回顾')]), FILE);
    expect(result).toMatchObject({ text: '# 活动回顾', encoding: 'utf-8-bom', repaired: false });
  });

  it('reads UTF-16 little-endian after its byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('title: 云原生', 'utf16le')]);
    expect(decodeText(bytes, FILE)).toMatchObject({ text: 'title: 云原生', encoding: 'utf-16le' });
  });

  it('reads UTF-16 big-endian after its byte-order mark', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...Buffer.from('title: 云原生', 'utf16le').swap16()]);
    expect(decodeText(bytes, FILE)).toMatchObject({ text: 'title: 云原生', encoding: 'utf-16be' });
  });
});

describe('decodeText: legacy Chinese encodings', () => {
  it('reads invalid UTF-8 as GB18030 and asks for the file to be saved as UTF-8', () => {
    const text = '---\ntitle: "ServiceMesher 杭州站"\n---\n活动时间：2018 年 6 月 30 日';
    const result = decodeText(new Uint8Array(iconv.encode(text, 'gb18030')), FILE);
    expect(result).toMatchObject({ text, encoding: 'gb18030', repaired: false });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'encoding-gb18030',
      file: FILE,
    });
    expect(result.diagnostics[0]?.message).toMatch(/GB18030.*UTF-8/);
  });

  it('falls back to UTF-8 with replacement characters when GB18030 fails too', () => {
    const result = decodeText(new Uint8Array([0x41, 0xff, 0x42]), FILE);
    expect(result).toMatchObject({ text: 'A\uFFFDB', encoding: 'utf-8 (invalid bytes replaced)' });
    expect(result.diagnostics.map((item) => item.code)).toEqual(['encoding-invalid']);
  });
});

describe('decodeText: double-encoded UTF-8', () => {
  const post =
    '---\ntitle: "【活动回顾】Service Mesh 技术沙龙"\n---\n\n- 活动时间：2019 年 3 月 30 日（周六）13:30-17:30\n';

  it('reverses UTF-8 that was read as Windows-1252', () => {
    const bytes = doubleEncode('# 活动议程\n\n《从 Istio 到 Envoy》', 'windows-1252');
    expect(new TextDecoder().decode(bytes)).toContain('æ´»åŠ¨');
    const result = decodeText(bytes, FILE);
    expect(result).toMatchObject({
      text: '# 活动议程\n\n《从 Istio 到 Envoy》',
      encoding: 'utf-8 (double-encoded as windows-1252)',
      repaired: true,
      damaged: [],
    });
    expect(result.diagnostics.map((item) => item.code)).toEqual(['encoding-double-encoded']);
  });

  it('reverses UTF-8 that was read as Windows-1254, including its undefined bytes kept as C1 controls', () => {
    const result = decodeText(doubleEncode(post, 'windows-1254'), FILE);
    expect(result).toMatchObject({
      text: post,
      encoding: 'utf-8 (double-encoded as windows-1254)',
    });
  });

  it('reverses UTF-8 that was read as ISO-8859-1', () => {
    const result = decodeText(doubleEncode(post, 'iso-8859-1'), FILE);
    expect(result).toMatchObject({ text: post, encoding: 'utf-8 (double-encoded as iso-8859-1)' });
  });

  it('reverses double-encoded European text, punctuation and emoji too', () => {
    const text = 'Café naïve — “quoted” 👇 Grüße';
    expect(decodeText(doubleEncode(text, 'windows-1252'), FILE).text).toBe(text);
  });

  it('keeps the ASCII between mojibake runs byte for byte', () => {
    const text = '[《云原生》](https://example.com/a?b=c&d=%E4)<br/> **敖小剑**：`kubectl`';
    expect(decodeText(doubleEncode(text, 'windows-1252'), FILE).text).toBe(text);
  });

  it('drops a byte-order mark that was double-encoded along with the text', () => {
    const bytes = doubleEncode('\uFEFF# 活动回顾', 'windows-1252');
    expect(decodeText(bytes, FILE)).toMatchObject({ text: '# 活动回顾', repaired: true });
  });
});

describe('decodeText: double-encoded UTF-8 that lost bytes', () => {
  it('marks each character that lost a byte with one U+FFFD and keeps its neighbours', () => {
    // 原 (E5 8E 9F) and 回 (E5 9B 9E) each lose a byte; 云, 生, 活, 动, 顾 survive whole.
    const source = 'title: 云原生\nintro: 活动回顾 ok\n';
    const result = decodeText(doubleEncodeLossy(source), FILE);
    expect(result.text).toBe('title: 云\uFFFD生\nintro: 活动\uFFFD顾 ok\n');
    expect(result.repaired).toBe(true);
    expect(
      result.damaged.map(({ line, column, surviving }) => ({ line, column, surviving })),
    ).toEqual([
      { line: 1, column: 11, surviving: [0xe5, 0x9f] },
      { line: 2, column: 14, surviving: [0xe5, 0x9b] },
    ]);
    expect(result.damaged[0]?.candidates).toContain('原');
    expect(result.damaged[1]?.candidates).toContain('回');
    expect(result.damaged.map((item) => result.text[item.index])).toEqual(['\uFFFD', '\uFFFD']);
  });

  it('warns once per damaged line, at the first damage, and asks for the original source', () => {
    // Columns count the characters of the file as saved, where 云 is the three characters äº‘.
    const result = decodeText(doubleEncodeLossy('ok\n云原生和原 and 原\n'), FILE);
    const lost = result.diagnostics.filter((item) => item.code === 'encoding-lost-bytes');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ severity: 'warning', file: FILE, line: 2, column: 4 });
    expect(lost[0]?.message).toMatch(/^3 characters .*original UTF-8 source/);
  });

  it('restores a run that kept nothing but a lone lead byte once the rest of the post is double-encoded', () => {
    // 杭 (E6 9D AD) keeps only its lead byte and 州 (E5 B7 9E) loses one: alone, 'æå·' could be
    // Latin text, but the lines before it show the whole post was double-encoded.
    const result = decodeText(
      doubleEncodeLossy('# 活动回顾\n\n时间：2018 年 6 月\n\n地点：杭州\n'),
      FILE,
    );
    expect(result.text).toBe('# 活动\uFFFD顾\n\n时间：2018 年 6 月\n\n地点：\uFFFD\uFFFD\n');
    expect(result.damaged.map((item) => item.line)).toEqual([1, 5, 5]);
    expect(result.damaged[1]?.candidates).toContain('杭');
    expect(result.damaged[2]?.candidates).toContain('州');
  });

  it('restores a pronunciation in IPA beside damaged Chinese, keeping the line its length', () => {
    // ɪ ˈ ʊ ə (U+026A, U+02C8, U+028A, U+0259) lose nothing; 发 and 运 lose a byte each.
    const line = 'Layotto (/leɪˈaʊtəʊ/) 是一个使用 Golang 开发的应用运行时';
    const result = decodeText(doubleEncodeLossy(`${line}\n`), FILE);
    expect(result.text).toMatch(/^Layotto \(\/leɪˈaʊtəʊ\/\) /);
    expect([...result.text.trimEnd()]).toHaveLength([...line].length);
  });

  it('restores the variation selector that makes a symbol an emoji', () => {
    // U+FE0F (EF B8 8F) loses its last byte after ⚠.
    const result = decodeText(doubleEncodeLossy('## ⚠️ 活动守则\n'), FILE);
    expect(result.text).toBe('## ⚠\uFFFD 活动守则\n');
    expect(result.damaged[0]?.candidates).toContain('\uFE0F');
  });

  it('lists every character the surviving bytes can come from, for a later resolver', () => {
    expect(candidatesForLostBytes([0xe5, 0x9f])).toEqual(
      expect.arrayContaining(['原', '城', '孟']),
    );
    expect(candidatesForLostBytes([0xe3, 0x80])).toContain('【');
    expect(candidatesForLostBytes([0xe5, 0x9f, 0xa0])).toEqual([]);
  });

  const seed = existsSync(LOSSY_SEED) ? readFileSync(LOSSY_SEED) : null;

  it.skipIf(seed === null)('restores the real seed post wherever the bytes are certain', () => {
    const result = decodeText(new Uint8Array(seed ?? []), LOSSY_SEED);
    const lines = result.text.split('\n');
    expect(result.encoding).toBe('utf-8 (double-encoded as windows-1254)');
    expect(lines.slice(2, 10)).toEqual([
      'author: "SOFA 团队"',
      'authorlink: "https://github.com/sofastack"',
      'description: "SOFAMeetup&木兰技术开放日-云\uFFFD生专场"',
      'categories: "SOFA"',
      'tags: ["SOFA"]',
      'date: 2022-04-01T15:00:00+08:00',
      'cover: "https://gw.alipayobjects.com/mdn/rms_1c90e8/afts/img/A*Lxx8Qa2NIr0AAAAAAAAAAAAAARQnAQ"',
      '---',
    ]);
    // 【 (E3 80 90), 回 (E5 9B 9E) and 原 (E5 8E 9F) each lost a byte: only a resolver can bring them back.
    expect(lines[1]).toBe(
      'title: "\uFFFD活动\uFFFD顾】《SOFAMeetup&木兰技术开放日-云\uFFFD生专场》"',
    );
    expect(lines).toContain('- 活动时间：2022 年 04 月 01 日（周五）09:30-12:00');
    expect(lines).toContain(
      '或微信扫\uFFFD关注“金\uFFFD级分布\uFFFD\uFFFD\uFFFD\uFFFD微信公众\uFFFD👇',
    );
    expect(count(result.text, '\uFFFD')).toBe(result.damaged.length);
    expect(result.damaged).toHaveLength(370);
  });

  it.skipIf(seed === null)(
    'leaves every ASCII line of the real seed post exactly as it was',
    () => {
      const source = new TextDecoder().decode(seed ?? new Uint8Array());
      const result = decodeText(new Uint8Array(seed ?? []), LOSSY_SEED);
      const lines = result.text.split('\n');
      source.split('\n').forEach((line, index) => {
        // eslint-disable-next-line no-control-regex
        if (/^[\x00-\x7f]*$/.test(line)) expect(lines[index]).toBe(line);
      });
      expect(lines).toHaveLength(source.split('\n').length);
    },
  );

  it.skipIf(seed === null)('warns once per damaged line of the real seed post', () => {
    const result = decodeText(new Uint8Array(seed ?? []), LOSSY_SEED);
    const lost = result.diagnostics.filter((item) => item.code === 'encoding-lost-bytes');
    const damagedLines = new Set(result.damaged.map((item) => item.line));
    expect(lost.map((item) => item.line)).toEqual([...damagedLines]);
    expect(lost[0]).toMatchObject({ file: LOSSY_SEED, line: 2, column: 9 });
    expect(
      result.diagnostics.filter((item) => item.code === 'encoding-double-encoded'),
    ).toHaveLength(1);
  });
});

describe('decodeText: look-alikes that are not mojibake', () => {
  const genuine: Record<string, string> = {
    Turkish:
      'İstanbul’da Kubernetes buluşması: ağ, güvenlik, ılık çay — şimdi kayıt ol! IĞDIR ŞİŞLİ',
    Vietnamese: 'Hội thảo Điện toán đám mây tại Hà Nội: “Kiến trúc microservice” – miễn phí',
    German: '„Fuß“ und „Größe“: Über Äpfel, Öl und Übermaß. GRÜẞE, SCHLUẞ',
    French:
      'Café « naïve » à Paris\u00A0: déjà vu\u00A0! L’été… «\u00A0Noël\u00A0» é…… «\u00A0café\u00A0»',
    emoji: 'Join us 🎉🚀 at the meetup 👇 ✅ ❤️ 🇨🇳',
    math: '2 × 3 ÷ 4 ± 5 ≤ 6 ≥ 7 ≠ 8 ≈ ∞ √ ∑ ° µ ½ ¼ ¾ ²³',
    'a pronunciation in IPA': 'Layotto, said /leɪˈaʊtəʊ/, as in “lay out”; Dapr /ˈdæpər/',
    'Latin-1 accents with Chinese': '咖啡馆 café 的 naïve 设计，Ã la carte，Zürich 站 résumé',
    'curly quotes and dashes in English': '“Istio’s sidecar”—it’s ‘fast’ – really… © ® ™ • €5 ‰',
    'mojibake quoted as an example': 'A file shows `Ã©` instead of `é`: that is double encoding.',
  };

  for (const [kind, text] of Object.entries(genuine)) {
    it(`leaves ${kind} text unchanged`, () => {
      const result = decodeText(utf8(text), FILE);
      expect(result).toMatchObject({ text, encoding: 'utf-8', repaired: false, damaged: [] });
      expect(result.diagnostics).toEqual([]);
    });
  }
});

describe('decodeText: real posts stay byte-identical', () => {
  const files = [
    ...(existsSync(CORPUS) ? listFiles(CORPUS) : []),
    ...(existsSync(SEEDS)
      ? listFiles(SEEDS).filter((path) => !path.endsWith(LOSSY_SEED_NAME))
      : []),
  ];

  it.skipIf(!existsSync(CORPUS))(
    'reads every corpus post and seed exactly as plain UTF-8 would',
    () => {
      const changed = files.filter((path) => {
        const bytes = new Uint8Array(readFileSync(path));
        const result = decodeText(bytes, path);
        return result.text !== new TextDecoder().decode(bytes) || result.repaired;
      });
      expect(files.length).toBeGreaterThanOrEqual(255);
      expect(changed).toEqual([]);
    },
  );
});
