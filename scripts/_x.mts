import { Index } from 'flexsearch';
const HAN = /\p{Script=Han}/u;
function encode(text: string): string[] {
  const out: string[] = [];
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
    const run = m[0];
    if (HAN.test(run[0]!)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      out.push(chars[chars.length - 1]!);
    } else out.push(run);
  }
  return out;
}
const index = new Index({ tokenize: 'forward', encode } as never);
index.add(1, '服务网格 Istio CNI 敖小剑 Kubernetes');
index.add(2, '网络格式 王磊 istio');
index.add(3, '格式');
for (const q of ['网格', '服务网格', 'kube', 'istio cni', '王', '务网', 'ＩＳＴＩＯ', '格', 'axj']) console.log(q, index.search(q, { limit: 10 }));
const parts: [string,string][] = [];
await index.export((k, d) => { parts.push([k, d]); });
console.log(parts.map(([k,d]) => [k, d.length]));
const i2 = new Index({ tokenize: 'forward', encode } as never);
for (const [k,d] of parts) i2.import(k, d);
console.log(i2.search('网格'), i2.search('kube'));
