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
  /**
   * The site's author profile the mention stands for, when the post names the speaker by a
   * profile id (Hugo Academic's `authors: [admin]`). Until `resolveAuthorProfiles` names it,
   * the id is also the name.
   */
  profile?: string;
}

/**
 * A Chinese personal name: two to four Han characters (尹夏梦雪 has two surnames), or a name with
 * a middle dot. U+FFFD stands in for a character an encoding accident destroyed; the name is
 * still a name.
 */
const HAN_NAME = /^[\u4e00-\u9fff\ufffd]{2,4}$|^[\u4e00-\u9fff\ufffd]{1,4}·[\u4e00-\u9fff]{1,6}$/;

/** Where the job title begins in `蚂蚁集团资深技术专家`: the company is what comes before. */
const ROLE_START =
  /(资深|高级|首席|技术|研发|开发|中间件|工程师|架构师|CTO|CEO|COO|CIO|CPO|VP|总监|负责人|联合创始人|创始人|专家|研究员|产品经理|经理|Committer|Maintainer|PMC|核心|布道师|主任|教授|博士|讲师|成员|总经理|董事|主席|顾问|合伙人|运营|志愿者|爱好者|贡献者|维护者|开发者|作者|译者|主管|组长|总裁|副总裁|院长|所长|分析师|设计师|科学家|大使|MVP)/;

/** The last job word of a company-first line, after which the name follows: `蚂蚁集团技术专家刘晶`. */
const ROLE_END =
  /(?:工程师|架构师|CTO|CEO|COO|CIO|VP|总监|负责人|创始人|专家|研究员|经理|Committer|Maintainer|布道师|主任|教授|讲师|成员|董事|主席|顾问|合伙人|志愿者|贡献者|维护者|开发者|主管|总裁|科学家|大使)\s*/g;

/** Endings of company and team names that a two-to-four character name test lets through: `蚂蚁金服`. */
const ORGANISATION_ENDING =
  /(集团|金服|公司|科技|团队|银行|大学|学院|研究院|研究所|实验室|社区|基金会|技术|软件|网络|信息|中心|部门|事业部|委员会|协会|联盟)$/;

/** Companies short enough to pass for a personal name: `刘超（网易）`. */
const SHORT_ORGANISATIONS = new Set([
  '网易',
  '腾讯',
  '阿里',
  '百度',
  '华为',
  '京东',
  '美团',
  '滴滴',
  '小米',
  '携程',
  '字节',
  '快手',
  '新浪',
  '搜狐',
  '蚂蚁',
  '微软',
  '谷歌',
  '英特尔',
  '红帽',
  '思科',
  '甲骨文',
  '爱奇艺',
  '饿了么',
  '有赞',
  '七牛',
  '青云',
  '才云',
  '阿里云',
  '腾讯云',
  '华为云',
  '百度云',
  '京东云',
  '金山云',
  '时速云',
  '灵雀云',
  '道客',
  '数人云',
  '微众',
  '平安',
  '招行',
  '中兴',
  '联通',
  '移动',
  '电信',
  '唯品会',
  '好未来',
  '贝壳',
  '链家',
  '知乎',
  '微博',
  '哔哩哔哩',
  '陌陌',
  '去哪儿',
  '大众点评',
  '拼多多',
  '虎牙',
  '斗鱼',
  '顺丰',
]);

/** True for a string that names a company or team rather than a person: `蚂蚁金服`, `网易`. */
export function isOrganisationName(text: string): boolean {
  const name = text.trim();
  return SHORT_ORGANISATIONS.has(name) || ORGANISATION_ENDING.test(name);
}

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

/** `（花名：仪式）`, `(花名: 仪式)`, `花名：仪式`, `（花名忘禅）`. */
const NICKNAME = /花名\s*[:：是为]?\s*([^（(）)，,、：:\s]+)/g;

/** Splits `蚂蚁集团资深技术专家` into company and role; either may be null. */
export function splitOrgRole(text: string): { org: string | null; role: string | null } {
  const cleaned = text.replace(/[。.；;]+$/, '').trim();
  const first = splitOneOrgRole(cleaned);
  // `Apache SkyWalking创始人、…、比特大陆资深技术专家`: the employer is where the person holds a job,
  // not the project they founded, when the first of several roles is no job.
  if (first.role && !JOB_TITLE.test(first.role.split('、')[0] ?? '')) {
    for (const part of cleaned.split('、').slice(1)) {
      const later = splitOneOrgRole(part.trim());
      if (later.org && later.role && JOB_TITLE.test(later.role)) return later;
    }
  }
  return first;
}

/** Job titles, which an employer gives, as opposed to roles in a project (`创始人`, `作者`, `成员`). */
const JOB_TITLE = /(专家|工程师|架构师|总监|经理|研究员|科学家|CTO|CEO|CIO|COO|VP)/;

/** Splits one `公司职位` into company and role. */
function splitOneOrgRole(cleaned: string): { org: string | null; role: string | null } {
  if (!cleaned) return { org: null, role: null };
  const match = ROLE_START.exec(cleaned);
  if (!match) return { org: cleaned, role: null };
  const before = cleaned
    .slice(0, match.index)
    .replace(/[，,、\s]+$/, '')
    .trim();
  const { company, team } = splitTeam(before);
  const role = `${team}${cleaned.slice(match.index).trim()}`;
  return { org: company || null, role: role || null };
}

/** A company that ends as companies do, with nothing after it to split off: `蚂蚁集团`. */
const WHOLE_COMPANY = /(?:集团|金服|公司|科技|银行|大学|研究院|云)$/;

/** A company ending with more written after it: `谐云科技云平台`, `蚂蚁金服中间件`. */
const COMPANY_BEFORE_TEAM =
  /^[\p{Script=Han}A-Za-z]{2,12}?(?:集团|金服|公司|科技|银行|大学|研究院)(?=\S)/u;

/** A Latin company before a Chinese team (`Intel云计算软件`, `HPE 软件`), or the other way round (`唯品会Java`). */
const COMPANY_BEFORE_SCRIPT_CHANGE =
  /^(?:[A-Za-z][\w.&-]*(?: [A-Za-z][\w.&-]*)*(?=\s*\p{Script=Han})|\p{Script=Han}{2,}(?=\s*[A-Za-z]))/u;

/**
 * Splits the company from the team or product written between it and the job title, which
 * belongs with the role: `谐云科技云平台`架构师, `华为云容器网格数据面`技术专家, `Intel云计算软件`工程师.
 */
function splitTeam(text: string): { company: string; team: string } {
  if (SHORT_ORGANISATIONS.has(text) || WHOLE_COMPANY.test(text)) return { company: text, team: '' };
  const known = [...SHORT_ORGANISATIONS]
    .filter((name) => text.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  const company =
    COMPANY_BEFORE_TEAM.exec(text)?.[0] ?? known ?? COMPANY_BEFORE_SCRIPT_CHANGE.exec(text)?.[0];
  if (!company) return { company: text, team: '' };
  return { company, team: text.slice(company.length).trim() };
}

/** Every 花名 given in `text`. */
export function findNicknames(text: string): string[] {
  return [...text.matchAll(NICKNAME)].map((match) => match[1] ?? '').filter(Boolean);
}

/** Job words that end a short title rather than a name: `项目成员`, `技术专家`, `主持人`. */
const JOB_ENDING =
  /(成员|专家|经理|总监|工程师|架构师|负责人|创始人|讲师|嘉宾|主持人?|顾问|教授|博士|老师|作者|大使|志愿者|爱好者|贡献者|维护者|开发者)$/;

/**
 * Words that name a job, not only qualify one (`技术`, `研发` and `核心` also open prose:
 * `目前 Mesh 化在蚂蚁落地…研发`).
 */
const JOB_WORD =
  /工程师|架构师|分析师|设计师|科学家|研究员|专家|顾问|布道师|讲师|教授|博士|作者|总监|总裁|经理|主管|主任|负责人|创始人|合伙人|董事|主席|成员|维护者|贡献者|开发者|志愿者|大使|\b(?:CTO|CEO|COO|CIO|CPO|VP|PMC|MVP|Committer|Maintainer)\b/i;

/** True when a text names a job (`资深开发工程师`, `Committer`): a speaker's line says who they are. */
export function namesAJob(text: string): boolean {
  return JOB_WORD.test(text);
}

/** True for a string that can be a Chinese personal name (and is not a company: `蚂蚁金服`). */
export function isHanName(text: string): boolean {
  return HAN_NAME.test(text) && !isOrganisationName(text) && !JOB_ENDING.test(text);
}

/** Reads a parenthesis after a name: a 花名, a company, or a description holding a company. */
function readParenthesis(inner: string, mention: SpeakerMention): void {
  const nicknames = findNicknames(inner);
  if (nicknames.length > 0) {
    mention.aliases.push(...nicknames);
    return;
  }
  // `肖涵（涵畅）`, `玄北（曹杰）`: a second name, 花名 or real, as the site writes it.
  if (isHanName(inner.trim())) {
    mention.aliases.push(inner.trim());
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

/** Commas between the parts of an affiliation, but not the one in `Thoughtworks, Inc.`. */
const COMMA_NOT_BEFORE_SUFFIX = /\s*,(?!\s*(?:Inc|Ltd|LLC|GmbH|Corp|Co)\b)\s*/;

/** Splits `Senior Engineer, Tencent Cloud` or `Huawei Cloud Container … Expert` into company and role. */
export function splitEnglishAffiliation(text: string): { org: string | null; role: string | null } {
  const cleaned = text.replace(/^[\s:,(-]+|[\s.,)]+$/g, '');
  if (!cleaned) return { org: null, role: null };
  // `Software Engineer at Planet Labs`: the company follows `at`.
  const at = /^([^,]+?)\s+at\s+(\p{Lu}[^,]*)$/u.exec(cleaned);
  if (at && ENGLISH_ROLE.test(at[1] ?? '')) return { org: at[2] ?? null, role: at[1] ?? null };
  const parts = cleaned.split(COMMA_NOT_BEFORE_SUFFIX).filter(Boolean);
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

/**
 * True when brackets after `name` hold another spelling of the same person: `Ding Shaojun (Iris
 * Ding)` shares a word with the name, where `Ashley Williams (Rust Foundation)` is a company.
 */
function isEnglishAlias(inner: string, name: string): boolean {
  if (!/^[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}$/.test(inner) || ENGLISH_ROLE.test(inner)) return false;
  const nameWords = new Set(name.toLowerCase().split(/\s+/));
  return inner
    .toLowerCase()
    .split(/\s+/)
    .some((word) => nameWords.has(word));
}

/** Lower-case words inside Western names: `Ricardo de Souza`, `Ludwig van Beethoven`. */
const NAME_PARTICLE = String.raw`(?:de|da|di|del|della|der|den|du|la|le|van|von|bin|al)`;

/** The capitalised words opening a text, up to three, with a particle between them. */
const ENGLISH_NAME_START = new RegExp(
  String.raw`^(\p{Lu}[\p{L}'.-]*(?:\s+(?:${NAME_PARTICLE}\s+)?\p{Lu}[\p{L}'.-]*){0,2})`,
  'u',
);

/**
 * What follows a name in prose rather than in a speaker line: a lower-case word (`Starting with
 * this version`, `And if you are new`), a number or a hash (`Room 410 B`, `SOFAChannel#12`).
 * A speaker line goes on with brackets, punctuation, a capitalised company or role, or `from`.
 */
const PROSE_AFTER_NAME = /^\s*(?:[#\d]|(?!(?:from|at|of)\s)\p{Ll})/u;

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
    const match = ENGLISH_NAME_START.exec(rest);
    if (!match?.[1]) return null;
    name = match[1];
  }
  rest = rest.slice(rest.indexOf(name) + name.length);
  if (PROSE_AFTER_NAME.test(rest)) return null;
  // `Istio 项目成员`, `SOFA 团队`: one Latin word before Chinese text names a project, not a person.
  if (!/\s/.test(name) && /^\s*\p{Script=Han}/u.test(rest)) return null;
  const mention: SpeakerMention = { name, org: null, role: null, aliases: [] };
  const parentheses = [...rest.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? '');
  for (const inner of parentheses) {
    // `William Morgan (@wm)`: the person's handle, which recaps also call them by.
    if (isEnglishAlias(inner, name) || /^@\w[\w.-]*$/.test(inner.trim())) {
      mention.aliases.push(inner.trim());
      continue;
    }
    // The first bracket that names a company is the person's: later ones belong to others.
    const affiliation = splitEnglishAffiliation(inner);
    mention.org ??= affiliation.org;
    mention.role ??= affiliation.role;
  }
  const outside = rest.replace(/\([^)]*\)/g, '').trim();
  if (outside) {
    // A company in brackets is surer than words after the name: `Karena Angell (Red Hat), …`.
    const affiliation = splitEnglishAffiliation(outside);
    mention.org = parentheses.length > 0 ? (mention.org ?? affiliation.org) : affiliation.org;
    mention.role = parentheses.length > 0 ? (mention.role ?? affiliation.role) : affiliation.role;
  }
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

/** `Title by Name`: the last ` by ` before a capitalised word; the title is everything before. */
const TITLE_BY = /^(.*\S)\s+(?:presented\s+)?by\s+(\p{Lu}.*)$/u;

/**
 * The speakers of `Title by Name, Company`, when every one of them is a full name (two words or
 * more): `Powered by Envoy` and `Routing by Headers` name a product and a feature, not people.
 */
function splitAtBy(text: string): { title: string; speakers: SpeakerMention[] } | null {
  const by = TITLE_BY.exec(text);
  if (!by) return null;
  const speakers = parseSpeakerPart(by[2] ?? '');
  if (speakers.length === 0 || speakers.some((speaker) => !/\s/.test(speaker.name))) return null;
  return { title: by[1] ?? '', speakers };
}

/**
 * Splits an agenda cell that holds a talk and its speakers in one string, as English tables
 * often do: `"Envoy Principle …" Zhang Wei: Huawei Cloud …`, `Use eBPF … - Zhong Luyao Intel`,
 * `Securing workload deployment with Istio CNI Zhang Zhihan Tetrate`, `Title by Name (Company)`.
 */
export function splitSessionCell(cell: string): { title: string; speakers: SpeakerMention[] } {
  const text = cell.trim();
  const quoted = /^["“]([^"”]+)["”]\s*(.*)$/.exec(text);
  if (quoted) return { title: quoted[1] ?? '', speakers: parseSpeakerPart(quoted[2] ?? '') };
  const byName = splitAtBy(text);
  if (byName) return byName;
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

/** Labels that put a line's people on stage as hosts: `主持人：`, `Moderator:`. */
const HOST_LABEL = /^(主持人|主持|出品人|联席出品人|moderators?|hosts?|MC|emcee)\s*[:：]\s*/i;

/** A host word after a name: `SOFAGirl-英花 主持人`, `Sunny (Host)`. */
const HOST_AFTER = /[\s\-—–·]*[（(]?(主持人|出品人|moderator|host)[）)]?$/i;

/** Labels before speakers that say nothing about them: `讲师：`, `Speakers:`, `by`. */
const SPEAKER_LABEL =
  /^(?:(?:讲师|嘉宾|分享嘉宾|演讲嘉宾|特邀嘉宾|分享人|讲者|演讲者|演讲人|speakers?|presenters?|panelists?)\s*[:：]\s*|(?:presented by|by|with)\s+)/i;

/** True for a role that makes someone a host, moderator or producer rather than a speaker. */
export function isHostRole(role: string | null): boolean {
  return (
    role !== null && /^(主持人|主持|出品人|联席出品人|moderator|host|mc|emcee)(?![a-z])/i.test(role)
  );
}

/** Puts a host label in front of the role a line gives: `主持人，蚂蚁集团技术专家`. */
function withHostRole(mention: SpeakerMention, label: string): SpeakerMention {
  const host = /^主持$/.test(label) ? '主持人' : label.replace(/s$/i, '');
  const display = /^[a-z]/i.test(host)
    ? host[0]!.toUpperCase() + host.slice(1).toLowerCase()
    : host;
  const joiner = /\p{Script=Han}/u.test(display) ? '，' : ', ';
  return { ...mention, role: mention.role ? `${display}${joiner}${mention.role}` : display };
}

/**
 * The text with every character inside brackets or quotes replaced by a placeholder, so
 * separators are looked for only between people: `Scott Rigby (Weaveworks, Flux & Helm
 * Maintainer)` is one person.
 */
function maskBrackets(text: string): string {
  const closing: Record<string, string> = { '(': ')', '（': '）', '【': '】', '"': '"', '“': '”' };
  let masked = '';
  let expected: string | null = null;
  for (const char of text) {
    if (expected === null) {
      masked += char;
      expected = closing[char] ?? null;
    } else if (char === expected) {
      masked += char;
      expected = null;
    } else {
      masked += '\u0000'.repeat(char.length);
    }
  }
  return masked;
}

/** Splits `text` at every match of `separator` outside brackets. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const masked = maskBrackets(text);
  const parts: string[] = [];
  let from = 0;
  for (const match of masked.matchAll(separator)) {
    parts.push(text.slice(from, match.index));
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Separators that always join people: `、`, `/`, `&`, `;`. */
const LIST_SEPARATOR = /\s*[、/／&＆;；]\s*/g;
/** Words that join people when both sides are people: `A and B`, `张三和李四`. */
const JOINING_WORD = /\s+(?:and|und)\s+|(?<=[\p{Script=Han}）)])\s*[和与及]\s*(?=\p{Script=Han})/gu;
/**
 * Commas, which join people only when every part is a person with their own brackets or a bare
 * name; and a bracket closed right before the next capitalised name, a comma the author forgot:
 * `Matt Farina (SUSE) Scott Rigby (Weaveworks)`.
 */
const COMMA = /\s*[,，]\s*(?:and\s+)?|(?<=[)）])\s+(?=\p{Lu}\p{Ll})/gu;

/** An English name of two or three capitalised words: `Soulé Ba`, `Max Jonas Werner`. */
const ENGLISH_NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:["“][^"”]+["”]\s+)?\p{Lu}[\p{L}'’.-]+){1,2}$/u;

/**
 * A part that is only a person: a Chinese name, or a name with their company in brackets. A bare
 * English name counts only in a list that says it is one (`bareEnglish`): in `Leigh Capili, Red
 * Hat` the second part is a company.
 */
function isPersonOnly(part: string, bareEnglish = false): boolean {
  const bare = part.replace(/(?:\s*[（(][^）)]*[）)])+\s*$/, '').trim();
  if (isHanName(bare)) return true;
  return (
    ENGLISH_NAME.test(bare) && !ENGLISH_ROLE.test(bare) && (bareEnglish || bare !== part.trim())
  );
}

/**
 * `A, B, C & D`, `A, B and C` or `A, B & C (Company), D (Company)`: commas that list people,
 * closed by `&` or `and` and a last name that ends the list or has its company in brackets.
 * In `Leigh Capili, Red Hat & Kingdon Barrett, Weaveworks` a company follows each comma.
 */
const CLOSED_LIST = /,[^,]+(?:&|\band\b)[^,(]+(?:$|\()/;

/** Splits a panel into one text per person, only where every piece reads as a person. */
/**
 * `, and` before a full name, in a sentence that describes each person in turn: `Mark Tyrrell,
 * Principal Architect at HomeAway, and Andrew Hodges, Engineering Manager at HomeAway`.
 */
const AND_NEXT_PERSON = /,\s+and\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu})/gu;

function splitPeople(text: string): string[] {
  const described = splitOutsideBrackets(text, AND_NEXT_PERSON);
  if (described.length > 1) return described.flatMap((part) => splitPeople(part));
  const masked = maskBrackets(text);
  const bareEnglish = CLOSED_LIST.test(masked);
  const listed = splitOutsideBrackets(text, LIST_SEPARATOR);
  // A Chinese biography lists with 、 after its first clause (`崔秀龙 HPE 软件分析师，…，
  // Kubernetes、Istio 项目成员`): a list of people has no full-width comma inside a person.
  const isList =
    listed.length > 1 &&
    listed.every((part) => parseSpeaker(part) !== null) &&
    listed.slice(0, -1).every((part) => !maskBrackets(part).includes('，'));
  const parts = isList ? listed : [text];
  const joined = parts.flatMap((part) => {
    const pieces = splitOutsideBrackets(part, JOINING_WORD);
    return pieces.length > 1 && pieces.every((piece) => isPersonOnly(piece, true))
      ? pieces
      : [part];
  });
  return joined.flatMap((part) => {
    const pieces = splitOutsideBrackets(part, COMMA);
    return pieces.length > 1 && pieces.every((piece) => isPersonOnly(piece, bareEnglish))
      ? pieces
      : [part];
  });
}

/** `Priyanka "Pinky" Ravi`: a nickname in quotes inside the name. */
const QUOTED_NICKNAME = /\s+["“]([^"”]+)["”]\s+/;

/** Words that put a person in a sentence rather than describe them: `Shawn Smith from the …`. */
const JOINING_WORDS = String.raw`(?:from|at|of|the|by|with|for|to)`;

/**
 * A description before a person, of at most five words and ending in a lower-case one: `Flux
 * user, `, `Flux users `, `Flux user and Kubernetes co-creator, `. Names are capitalised, so the last
 * lower-case word ends the description; a full name of two capitalised words must follow.
 */
const DESCRIPTION_BEFORE_NAME = new RegExp(
  String.raw`^(?:(?!${JOINING_WORDS}\s)[\p{L}\d'’.-]+\s+){0,4}?(?!(?:${NAME_PARTICLE}|${JOINING_WORDS})\s)\p{Ll}[\p{L}-]*,?\s+(?=\p{Lu}[\p{L}'’.-]*\s+(?:["“][^"”]+["”]\s+)?\p{Lu})`,
  'u',
);

/**
 * Reads an English speaker, with `from`/`at` before the company, a description before the name
 * dropped, and a quoted nickname kept.
 */
function parseEnglishPerson(text: string): SpeakerMention | null {
  const person = text.replace(DESCRIPTION_BEFORE_NAME, '');
  const nickname = QUOTED_NICKNAME.exec(person);
  const plain = nickname ? person.replace(QUOTED_NICKNAME, ' ') : person;
  const from = /^(.+?)\s+(?:from|at|of)\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(plain);
  const mention = parseEnglishSpeaker(from ? `${from[1]} (${from[2]})` : plain);
  if (!mention || ENGLISH_ROLE.test(mention.name)) return null;
  if (nickname?.[1]) keepNickname(mention, person.slice(0, nickname.index).trim(), nickname);
  return mention;
}

/**
 * Writes the name as the post does, `Priyanka "Pinky" Ravi`, and keeps it without the nickname
 * and the nickname alone as aliases, so that posts writing `Priyanka Ravi` name the same person.
 */
function keepNickname(mention: SpeakerMention, before: string, nickname: RegExpExecArray): void {
  if (mention.name.startsWith(`${before} `)) {
    const plainName = mention.name;
    mention.name = `${before} ${nickname[0].trim()} ${plainName.slice(before.length + 1)}`;
    mention.aliases.push(plainName);
  }
  if (nickname[1]) mention.aliases.push(nickname[1]);
}

/**
 * Reads a line that puts the company and role before the name: `蚂蚁金服技术总监 杨冰`,
 * `MOSN 核心成员 朱德江（花名：人德）`, `蚂蚁集团技术专家刘晶（花名：飞廉）`. The name must be
 * the last word, or follow the last job word directly; anything less certain is not read.
 */
function parseCompanyFirst(text: string): SpeakerMention | null {
  const brackets = /(?:\s*[（(][^）)]*[）)])+\s*$/.exec(text);
  const head = (brackets ? text.slice(0, brackets.index) : text).trim();
  let name: string | null = null;
  let before = '';
  const lastSpace = head.lastIndexOf(' ');
  const lastWord = head.slice(lastSpace + 1);
  if (lastSpace > 0 && isHanName(lastWord)) {
    name = lastWord;
    before = head.slice(0, lastSpace);
  } else {
    const roleEnd = [...head.matchAll(ROLE_END)].at(-1);
    const tail = roleEnd ? head.slice(roleEnd.index + roleEnd[0].length) : '';
    if (roleEnd && isHanName(tail)) {
      name = tail;
      before = head.slice(0, roleEnd.index + roleEnd[0].length);
    }
  }
  if (!name) return null;
  const mention: SpeakerMention = { name, ...splitOrgRole(before), aliases: [] };
  for (const inner of brackets?.[0].match(/[（(]([^）)]*)[）)]/g) ?? []) {
    const content = inner.slice(1, -1);
    mention.aliases.push(...findNicknames(content));
    if (isHanName(content.trim())) mention.aliases.push(content.trim());
  }
  return mention;
}

/**
 * Reads one person however a post writes them: `姓名（公司）`, `姓名(公司 职位)`,
 * `姓名 公司职位`, `姓名，公司职位`, `公司 职位 姓名`, `Name, Role, Company`, `Name (Company)`,
 * `Name, Company`, `Name from Company`, with a 花名 or second name as an alias and a host
 * label (`主持人：`, `Moderator:`, `SOFAGirl 主持人`) put in front of the role. Null when no
 * person can be read with confidence; a company is never made up from a job title.
 */
export function parseSpeaker(text: string): SpeakerMention | null {
  let line = text
    .replace(/^[\s>*\-•·]+|[\s*。.；;]+$/g, '')
    .replace(SPEAKER_LABEL, '')
    .trim();
  let host: string | null = null;
  const lead = HOST_LABEL.exec(line);
  if (lead?.[1]) {
    host = lead[1];
    line = line.slice(lead[0].length).trim();
  }
  const after = HOST_AFTER.exec(line);
  if (after?.[1] && after.index > 0) {
    host ??= after[1];
    const name = line.slice(0, after.index).trim();
    // `SOFAGirl-英花 主持人`, `SOFA 社区小助手-泡椒 主持人`: a host may go by a handle that is no
    // personal name, so the words before the host word are the name unless they start with one.
    if (!/[（(，,]/.test(name) && name.length <= 20 && !parseChineseSpeaker(name))
      return withHostRole({ name, org: null, role: null, aliases: [] }, host);
    line = name;
  }
  const mention = parseSpeakerLine(line);
  if (!mention) return null;
  return host ? withHostRole(mention, host) : mention;
}

/** One person's line without labels: Chinese name first, company first, or English. */
function parseSpeakerLine(line: string): SpeakerMention | null {
  if (!line) return null;
  const chinese = parseChineseSpeaker(line);
  if (chinese) return chinese;
  if (/\p{Script=Han}/u.test(line)) {
    const companyFirst = parseCompanyFirst(line);
    if (companyFirst) return companyFirst;
  }
  return parseEnglishPerson(line);
}

/**
 * Every person a speaker text names: one, or a panel joined by `、`, `/`, `&`, `;`, `和`, `and`,
 * or commas between people who each have their own brackets (`Paul Howard (Arm), William Morgan
 * (Buoyant), and Carl Lerche (Amazon)`). A company written once after the last name of a list
 * with no other brackets belongs to all of them: `Chris Sanders & Jonathan Innis (Microsoft)`,
 * `张三、李四（蚂蚁集团）`.
 */
export function parseSpeakers(text: string): SpeakerMention[] {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  const lead = HOST_LABEL.exec(cleaned);
  const label = lead?.[0] ?? '';
  const body = cleaned.slice(label.length).replace(SPEAKER_LABEL, '');
  const people = splitPeople(body).flatMap((part) => {
    const mention = parseSpeaker(`${label}${part}`);
    return mention ? [{ part, mention }] : [];
  });
  shareCompanies(people);
  return people.map(({ mention }) => mention);
}

/**
 * A company written once after several names belongs to each bare name before it, back to the
 * previous company: `Anusha Hegde & Winnie Kwon (VMware), Richard Case (Weaveworks)`, `Ayush
 * Ghosh & Sergey Sergeev, Cisto Systems`, `张三、李四（蚂蚁集团）`.
 */
function shareCompanies(people: { part: string; mention: SpeakerMention }[]): void {
  let bare: SpeakerMention[] = [];
  for (const { part, mention } of people) {
    if (mention.org === null && !/[（(,，]/.test(part)) {
      bare.push(mention);
      continue;
    }
    for (const other of bare) other.org = mention.org;
    bare = [];
  }
}

/** The sentence in which a speaker introduces themselves: `我是…`. */
const SELF_INTRODUCTION = /我是\s*([^。！!？?\n]+)/;

/** How a speaker calls themselves before the name: `今天的讲师`, `本期 SOFAChannel 的分享讲师`. */
const SPEAKER_TITLE = /^(?:今天|本期|本次)[^，,]{0,20}?(?:讲师|嘉宾)\s*/;

/** `来自蚂蚁金服中间件的雷志远`, `来自 ppmoney 的资深架构师 敖小剑`: a company, then maybe the person. */
const FROM_COMPANY = /^来自\s*(.+?)\s*(?:的\s*(.*))?$/;

/** A company named inside a clause, after the verb of working there: `目前主要从事蚂蚁金服网络代理…`. */
const WORKS_AT =
  /(?:来自|就职于|任职于|供职于|从事|在)\s*([\p{Script=Han}A-Za-z]{2,12}?(?:集团|金服|公司|科技|云|银行|大学|研究院))/u;

/** Team words after a company: `蚂蚁金服中间件团队`, `蚂蚁金服数据中间件`. */
const DEPARTMENT = /\s*(?:(?:数据)?中间件|团队|部门|事业部|事业群)$/;

/** The company in `蚂蚁金服中间件团队`: up to its first company ending, else without the team words. */
function companyOf(text: string): string | null {
  const named = /^[\p{Script=Han}A-Za-z]{2,12}?(?:集团|金服|公司|科技|云|银行|大学|研究院)/u.exec(
    text,
  );
  if (named) return named[0];
  let company = text.trim();
  while (DEPARTMENT.test(company)) company = company.replace(DEPARTMENT, '');
  return company || null;
}

/** The person a clause of a self-introduction names: `雷志远`, `资深架构师 敖小剑`, `Seata Committer 觉生`. */
function personInClause(clause: string): SpeakerMention | null {
  if (isHanName(clause)) return { name: clause, org: null, role: null, aliases: [] };
  return parseChineseSpeaker(clause) ?? parseCompanyFirst(clause);
}

/**
 * The speaker of a talk's write-up, from the sentence in which they introduce themselves:
 * `我是来自蚂蚁金服中间件的雷志远，花名碧远`, `我是敖小剑，来自蚂蚁金服中间件团队`, `我是今天的讲师，
 * 来自数人云的资深架构师，敖小剑`, `我是 Seata Committer 觉生`. Null when `text` has no such
 * sentence, or the one introducing themselves is the host.
 */
export function readSelfIntroduction(text: string): SpeakerMention | null {
  const sentence = SELF_INTRODUCTION.exec(text)?.[1];
  if (!sentence || /主持/.test(sentence)) return null;
  let person: SpeakerMention | null = null;
  let company: string | null = null;
  for (const written of sentence.split(/[，,]/)) {
    const clause = written.trim().replace(SPEAKER_TITLE, '');
    if (!clause) continue;
    const from = FROM_COMPANY.exec(clause);
    if (from) {
      company ??= companyOf(from[1] ?? '');
      person ??= from[2] ? personInClause(from[2]) : null;
      continue;
    }
    person ??= personInClause(clause);
    company ??= WORKS_AT.exec(clause)?.[1] ?? null;
    if (person && company) break;
  }
  if (!person) return null;
  const aliases = findNicknames(sentence).filter((alias) => !person.aliases.includes(alias));
  return {
    ...person,
    org: company ?? (person.org && companyOf(person.org)),
    aliases: [...person.aliases, ...aliases],
  };
}
