/**
 * Who gives a talk, as posts write it: `敖小剑（蚂蚁金服）`, `黄挺，蚂蚁集团资深技术专家`,
 * `王庆 英特尔研发总监`, `Zhang Wei: Huawei Cloud …`, `Huabing Zhao Senior Engineer, Tencent Cloud`.
 * No library reads names out of free-form agenda text, so these rules are the project's own.
 */
import { pinyin } from 'pinyin-pro';

/** One speaker as one talk names them. */
export interface SpeakerMention {
  name: string;
  org: string | null;
  role: string | null;
  /** 花名 and other names given alongside, such as `(Iris Ding)`. */
  aliases: string[];
}

/**
 * A Chinese personal name: two to four Han characters, or a name with a middle dot. U+FFFD
 * stands in for a character an encoding accident destroyed; the name is still a name.
 */
const HAN_NAME = /^[\u4e00-\u9fff\ufffd]{2,4}$|^[\u4e00-\u9fff\ufffd]{1,4}·[\u4e00-\u9fff]{1,6}$/;

/** Where the job title begins in `蚂蚁集团资深技术专家`: the company is what comes before. */
const ROLE_START =
  /(资深|高级|首席|技术|研发|开发|中间件|工程师|架构师|CTO|CEO|COO|CIO|CPO|VP|总监|负责人|联合创始人|创始人|专家|研究员|产品经理|经理|Committer|Maintainer|核心|布道师|主任|教授|博士|讲师|成员|总经理|董事|主席|顾问|合伙人|运营)/;

/** Company names inside a description: `目前在蚂蚁集团中间件团队…` names 蚂蚁集团. */
const ORG_IN_TEXT =
  /([\u4e00-\u9fffA-Za-z]{2,10}?(?:集团|公司|科技|金服|云|银行|大学|研究院|实验室|基金会))/;

/** How a description introduces where someone works: `目前在`, `就职于`. */
const WORKPLACE_LEAD = /^(?:目前|现任|现)?(?:在|就职于|任职于|供职于)?/;

/** Company and role from a description such as `目前在蚂蚁集团中间件团队负责 Layotto 项目研发`. */
function readDescription(text: string): { org: string | null; role: string | null } {
  const rest = text.replace(WORKPLACE_LEAD, '').trim();
  return { org: ORG_IN_TEXT.exec(rest)?.[1] ?? null, role: rest || null };
}

/** Words that make a parenthesis a description rather than a company. */
const DESCRIPTION_WORDS = /目前|负责|现任|曾任|就职|任职|在|花名/;

/** `（花名：仪式）`, `(花名: 仪式)`, `花名：仪式`. */
const NICKNAME = /花名\s*[:：]\s*([^）)，,、\s]+)/g;

/** Splits `蚂蚁集团资深技术专家` into company and role; either may be null. */
export function splitOrgRole(text: string): { org: string | null; role: string | null } {
  const cleaned = text.replace(/[。.；;]+$/, '').trim();
  if (!cleaned) return { org: null, role: null };
  const match = ROLE_START.exec(cleaned);
  if (!match) return { org: cleaned, role: null };
  const org = cleaned
    .slice(0, match.index)
    .replace(/[，,、\s]+$/, '')
    .trim();
  const role = cleaned.slice(match.index).trim();
  return { org: org || null, role: role || null };
}

/** Every 花名 given in `text`. */
export function findNicknames(text: string): string[] {
  return [...text.matchAll(NICKNAME)].map((match) => match[1] ?? '').filter(Boolean);
}

/** True for a string that can be a Chinese personal name. */
export function isHanName(text: string): boolean {
  return HAN_NAME.test(text);
}

/** Reads a parenthesis after a name: a 花名, a company, or a description holding a company. */
function readParenthesis(inner: string, mention: SpeakerMention): void {
  const nicknames = findNicknames(inner);
  if (nicknames.length > 0) {
    mention.aliases.push(...nicknames);
    return;
  }
  if (DESCRIPTION_WORDS.test(inner) || inner.length > 16) {
    Object.assign(mention, readDescription(inner));
    return;
  }
  const { org, role } = splitOrgRole(inner);
  mention.org = org;
  mention.role = role;
}

/**
 * Reads a Chinese speaker line: `敖小剑（蚂蚁金服）`, `黄挺，蚂蚁集团资深技术专家，…`,
 * `王庆 英特尔研发总监、木兰开源社区技术委员会成员`, `周群力（花名：仪式）目前在…`.
 * Returns null when the line does not start with a name.
 */
export function parseChineseSpeaker(line: string): SpeakerMention | null {
  const text = line.replace(/^[>\s*]+/, '').trim();
  const match = /^([\u4e00-\u9fff\ufffd·]{2,10}?)\s*(?:[（(]([^）)]*)[）)]|[，,、：:]|\s+|$)/.exec(
    text,
  );
  const name = match?.[1];
  if (!match || !name || !isHanName(name)) return null;
  const mention: SpeakerMention = { name, org: null, role: null, aliases: [] };
  if (match[2] !== undefined) readParenthesis(match[2], mention);
  const rest = text
    .slice(match[0].length)
    .replace(/^[\s，,、：:]+/, '')
    .trim();
  if (rest && mention.org === null && mention.role === null) {
    // The first clause after the name holds company and role; later clauses are biography.
    const clause = rest.split(/[，,。；;]/)[0] ?? '';
    Object.assign(
      mention,
      DESCRIPTION_WORDS.test(clause) ? readDescription(clause) : splitOrgRole(clause),
    );
  }
  mention.aliases.push(...findNicknames(rest).filter((alias) => !mention.aliases.includes(alias)));
  return mention;
}

let syllables: Set<string> | null = null;

/**
 * Every toneless pinyin syllable, read off pinyin-pro over the CJK Unified Ideographs block once
 * (about 60 ms), so that romanised names in English agendas can be told from English words.
 */
function pinyinSyllables(): Set<string> {
  if (!syllables) {
    let block = '';
    for (let code = 0x4e00; code <= 0x9fa5; code++) block += String.fromCharCode(code);
    const readings = pinyin(block, { toneType: 'none', type: 'array', v: true });
    syllables = new Set(readings.filter((reading) => /^[a-z]+$/.test(reading)));
  }
  return syllables;
}

/** Pinyin surnames of two syllables, which otherwise read as given names. */
const DOUBLE_SURNAMES = new Set([
  'ouyang',
  'sima',
  'zhuge',
  'shangguan',
  'situ',
  'dongfang',
  'murong',
  'huangfu',
]);

/** Number of pinyin syllables `word` splits into, or 0 when it is not pinyin. */
export function countPinyinSyllables(word: string): number {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) return 0;
  // Fewest syllables by dynamic programming: a syllable is at most six letters (zhuang).
  const best: number[] = [0];
  for (let end = 1; end <= lower.length; end++) {
    best[end] = Infinity;
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const before = best[start] ?? Infinity;
      if (before + 1 < (best[end] ?? Infinity) && pinyinSyllables().has(lower.slice(start, end)))
        best[end] = before + 1;
    }
  }
  const count = best[lower.length] ?? Infinity;
  return Number.isFinite(count) ? count : 0;
}

function isSurname(word: string): boolean {
  return countPinyinSyllables(word) === 1 || DOUBLE_SURNAMES.has(word.toLowerCase());
}

function isGivenName(word: string): boolean {
  const syllables = countPinyinSyllables(word);
  return syllables >= 1 && syllables <= 2;
}

/** A capitalised word, as names are written. */
const CAPITALISED = /^[A-Z][a-z]+$/;

/**
 * Finds a romanised Chinese name (`Zhang Zhihan`, `Huabing Zhao`) among `words`: two
 * capitalised pinyin words, one of them a surname. Returns the index of its first word.
 */
export function findPinyinName(words: string[], from = 0): number {
  for (let index = from; index + 1 < words.length; index++) {
    const first = words[index] ?? '';
    const second = (words[index + 1] ?? '').replace(/[:,，：]$/, '');
    if (!CAPITALISED.test(first) || !CAPITALISED.test(second)) continue;
    if ((isSurname(first) && isGivenName(second)) || (isGivenName(first) && isSurname(second)))
      return index;
  }
  return -1;
}

/** Job words in English affiliations: `Senior Engineer, Tencent Cloud`. */
const ENGLISH_ROLE =
  /\b(engineer|expert|manager|director|architect|lead|founder|cto|ceo|member|maintainer|developer|evangelist|researcher|advocate|scientist|chair|committer|consultant|head|president|specialist|owner|contributor)\b/i;

/** Splits `Senior Engineer, Tencent Cloud` or `Huawei Cloud Container … Expert` into company and role. */
export function splitEnglishAffiliation(text: string): { org: string | null; role: string | null } {
  const cleaned = text.replace(/^[\s:,(-]+|[\s.,)]+$/g, '');
  if (!cleaned) return { org: null, role: null };
  const parts = cleaned.split(/\s*,\s*/).filter(Boolean);
  if (parts.length > 1) {
    const roleParts = parts.filter((part) => ENGLISH_ROLE.test(part));
    const orgParts = parts.filter((part) => !ENGLISH_ROLE.test(part));
    return { org: orgParts.at(-1) ?? null, role: roleParts.join(', ') || null };
  }
  if (!ENGLISH_ROLE.test(cleaned)) return { org: cleaned, role: null };
  // One phrase holding both: a company of one or two words (`Huawei Cloud`) leads it.
  const words = cleaned.split(/\s+/);
  const orgLength =
    words[1] && /^(Cloud|Inc\.?|Labs?|Group|Technologies|Tech)$/.test(words[1]) ? 2 : 0;
  return {
    org: orgLength ? words.slice(0, orgLength).join(' ') : null,
    role: words.slice(orgLength).join(' ') || null,
  };
}

/** Reads one English speaker: `Craig Box (Istio steering committee member)`, `Ding Shaojun (Iris Ding) (Intel …)`. */
export function parseEnglishSpeaker(text: string): SpeakerMention | null {
  let rest = text.trim();
  const words = rest.split(/\s+/);
  const pinyinAt = findPinyinName(words);
  let name: string;
  if (pinyinAt === 0) {
    name = `${words[0]} ${(words[1] ?? '').replace(/[:,，：]$/, '')}`;
    // `Yin Xia Mengxue, Engineer`: a third pinyin word closing the name before a comma.
    const third = words[2] ?? '';
    if (
      /^[A-Z][a-z]+,$/.test(third) &&
      !/[:,]$/.test(words[1] ?? '') &&
      isGivenName(third.slice(0, -1))
    )
      name += ` ${third.slice(0, -1)}`;
  } else {
    const match = /^(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2})/u.exec(rest);
    if (!match?.[1]) return null;
    name = match[1];
  }
  rest = rest.slice(rest.indexOf(name) + name.length);
  const mention: SpeakerMention = { name, org: null, role: null, aliases: [] };
  const parentheses = [...rest.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? '');
  for (const inner of parentheses) {
    if (/^[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}$/.test(inner) && !ENGLISH_ROLE.test(inner))
      mention.aliases.push(inner);
    else Object.assign(mention, splitEnglishAffiliation(inner));
  }
  const outside = rest.replace(/\([^)]*\)/g, '').trim();
  if (outside) Object.assign(mention, splitEnglishAffiliation(outside));
  return mention;
}

/** Splits `A (x), B (y)` or `A and B` into one text per speaker. */
export function splitSpeakerList(text: string): string[] {
  // `and` joins names only in a list without commas: in `Academy of … and Communications` it does not.
  const separators = text.includes(',')
    ? /\)\s*[,，、&]\s*|\s*[、&]\s*/
    : /\)\s*[,，、&]\s*|\s+and\s+|\s*[、&]\s*/;
  return text
    .split(separators)
    .map((part, index, parts) =>
      (index < parts.length - 1 && part.includes('(') && !part.endsWith(')')
        ? `${part})`
        : part
      ).trim(),
    )
    .filter(Boolean);
}

/**
 * Splits an agenda cell that holds a talk and its speakers in one string, as English tables
 * often do: `"Envoy Principle …" Zhang Wei: Huawei Cloud …`, `Use eBPF … - Zhong Luyao Intel`,
 * `Securing workload deployment with Istio CNI Zhang Zhihan Tetrate`.
 */
export function splitSessionCell(cell: string): { title: string; speakers: SpeakerMention[] } {
  const text = cell.trim();
  const quoted = /^["“]([^"”]+)["”]\s*(.*)$/.exec(text);
  if (quoted) return { title: quoted[1] ?? '', speakers: parseSpeakerPart(quoted[2] ?? '') };
  const words = text.split(/\s+/);
  const pinyinAt = findPinyinName(words, 1);
  const dash = /^(.*\S)\s*(?:\s-\s|-|–|—)\s*([A-Z][a-z]+(?:\s+[A-Z][\w()]*)+.*)$/.exec(text);
  if (
    dash &&
    (pinyinAt === -1 || words.slice(0, pinyinAt).join(' ').length >= (dash[1] ?? '').length)
  ) {
    return { title: dash[1] ?? '', speakers: parseSpeakerPart(dash[2] ?? '') };
  }
  if (pinyinAt > 0) {
    return {
      title: words.slice(0, pinyinAt).join(' '),
      speakers: parseSpeakerPart(words.slice(pinyinAt).join(' ')),
    };
  }
  return { title: text, speakers: [] };
}

function parseSpeakerPart(text: string): SpeakerMention[] {
  return splitSpeakerList(text)
    .map((part) => parseEnglishSpeaker(part))
    .filter((mention): mention is SpeakerMention => mention !== null);
}
