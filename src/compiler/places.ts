/** Cities where this community meets, as posts spell them, with the zone each is in. */
interface City {
  names: string[];
  timezone: string;
}

const CHINA = 'Asia/Shanghai';

/** Chinese cities first: their zone is what a post's bare `14:00` means. */
const CITIES: City[] = [
  { names: ['北京', 'Beijing'], timezone: CHINA },
  { names: ['上海', 'Shanghai'], timezone: CHINA },
  { names: ['杭州', 'Hangzhou'], timezone: CHINA },
  { names: ['深圳', 'Shenzhen'], timezone: CHINA },
  { names: ['广州', 'Guangzhou'], timezone: CHINA },
  { names: ['成都', 'Chengdu'], timezone: CHINA },
  { names: ['南京', 'Nanjing'], timezone: CHINA },
  { names: ['武汉', 'Wuhan'], timezone: CHINA },
  { names: ['西安', "Xi'an", 'Xian'], timezone: CHINA },
  { names: ['大连', 'Dalian'], timezone: CHINA },
  { names: ['苏州', 'Suzhou'], timezone: CHINA },
  { names: ['重庆', 'Chongqing'], timezone: CHINA },
  { names: ['天津', 'Tianjin'], timezone: CHINA },
  { names: ['长沙', 'Changsha'], timezone: CHINA },
  { names: ['厦门', 'Xiamen'], timezone: CHINA },
  { names: ['合肥', 'Hefei'], timezone: CHINA },
  { names: ['青岛', 'Qingdao'], timezone: CHINA },
  { names: ['济南', 'Jinan'], timezone: CHINA },
  { names: ['郑州', 'Zhengzhou'], timezone: CHINA },
  { names: ['福州', 'Fuzhou'], timezone: CHINA },
  { names: ['珠海', 'Zhuhai'], timezone: CHINA },
  { names: ['宁波', 'Ningbo'], timezone: CHINA },
  { names: ['无锡', 'Wuxi'], timezone: CHINA },
  { names: ['香港', 'Hong Kong'], timezone: 'Asia/Hong_Kong' },
  { names: ['台北', 'Taipei'], timezone: 'Asia/Taipei' },
  { names: ['新加坡', 'Singapore'], timezone: 'Asia/Singapore' },
  { names: ['东京', 'Tokyo'], timezone: 'Asia/Tokyo' },
  { names: ['首尔', 'Seoul'], timezone: 'Asia/Seoul' },
  { names: ['班加罗尔', 'Bangalore', 'Bengaluru'], timezone: 'Asia/Kolkata' },
  { names: ['新德里', 'New Delhi', 'Delhi'], timezone: 'Asia/Kolkata' },
  { names: ['孟买', 'Mumbai'], timezone: 'Asia/Kolkata' },
  { names: ['海得拉巴', 'Hyderabad'], timezone: 'Asia/Kolkata' },
  { names: ['金奈', 'Chennai'], timezone: 'Asia/Kolkata' },
  { names: ['墨尔本', 'Melbourne'], timezone: 'Australia/Melbourne' },
  { names: ['阿姆斯特丹', 'Amsterdam'], timezone: 'Europe/Amsterdam' },
  { names: ['巴塞罗那', 'Barcelona'], timezone: 'Europe/Madrid' },
  { names: ['瓦伦西亚', 'Valencia'], timezone: 'Europe/Madrid' },
  { names: ['巴黎', 'Paris'], timezone: 'Europe/Paris' },
  { names: ['伦敦', 'London'], timezone: 'Europe/London' },
  { names: ['柏林', 'Berlin'], timezone: 'Europe/Berlin' },
  { names: ['慕尼黑', 'Munich'], timezone: 'Europe/Berlin' },
  { names: ['哥本哈根', 'Copenhagen'], timezone: 'Europe/Copenhagen' },
  { names: ['西雅图', 'Seattle'], timezone: 'America/Los_Angeles' },
  { names: ['圣地亚哥', 'San Diego'], timezone: 'America/Los_Angeles' },
  { names: ['洛杉矶', 'Los Angeles'], timezone: 'America/Los_Angeles' },
  { names: ['旧金山', 'San Francisco'], timezone: 'America/Los_Angeles' },
  { names: ['芝加哥', 'Chicago'], timezone: 'America/Chicago' },
  { names: ['底特律', 'Detroit'], timezone: 'America/Detroit' },
  { names: ['盐湖城', 'Salt Lake City'], timezone: 'America/Denver' },
  { names: ['纽约', 'New York'], timezone: 'America/New_York' },
  { names: ['亚特兰大', 'Atlanta'], timezone: 'America/New_York' },
  { names: ['多伦多', 'Toronto'], timezone: 'America/Toronto' },
  { names: ['温哥华', 'Vancouver'], timezone: 'America/Vancouver' },
  { names: ['波士顿', 'Boston'], timezone: 'America/New_York' },
];

/** A city found in a text: its name as written there, and its zone. */
export interface FoundCity {
  name: string;
  timezone: string;
  index: number;
}

/** One pattern per spelling, built once: Latin names match whole words only (not `Xian` in `Xiangyang`). */
const CITY_PATTERNS = CITIES.flatMap((city) =>
  city.names.map((name) => ({
    name,
    timezone: city.timezone,
    pattern: /^[A-Za-z]/.test(name) ? new RegExp(`\\b${name}\\b`) : new RegExp(name),
  })),
);

/** The first known city named in `text`, as the text spells it. */
export function findCity(text: string): FoundCity | null {
  let best: FoundCity | null = null;
  for (const { name, timezone, pattern } of CITY_PATTERNS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { name, timezone, index: match.index };
  }
  return best;
}

/** The zone of a city named exactly `name`, if known. */
export function timezoneOfCity(name: string): string | null {
  const lower = name.toLowerCase();
  return (
    CITIES.find((city) => city.names.some((candidate) => candidate.toLowerCase() === lower))
      ?.timezone ?? null
  );
}

/** The Latin spellings of a city named `name` in Chinese: 台北 → ['Taipei'], for search. */
export function latinNamesOfCity(name: string): string[] {
  const city = CITIES.find((candidate) => candidate.names.includes(name));
  return city?.names.filter((candidate) => /^[A-Za-z]/.test(candidate)) ?? [];
}

/** The table's entry for a city spelt `name` (any spelling, any case, with or without 市). */
function cityNamed(name: string): City | undefined {
  const lower = name.trim().replace(/市$/, '').toLowerCase();
  return CITIES.find((city) => city.names.some((candidate) => candidate.toLowerCase() === lower));
}

/** True when `a` and `b` are spellings of one known city: 上海, 上海市, Shanghai, shanghai. */
export function isSameCity(a: string, b: string): boolean {
  const city = cityNamed(a);
  return city !== undefined && city === cityNamed(b);
}

/** A Chinese postal address before a building: `天河区林和东路 285 `, `海淀区中关村大街 1 号`. */
const CHINESE_STREET_ADDRESS =
  /^\p{Script=Han}{1,4}区\p{Script=Han}{1,12}?(?:路|街|大街|大道)\s*\d+\s*号?\s*(?=\S)/u;

/** A street and number anywhere in a written place: `创业大街 72 号`, `林和东路 285`. */
const POSTAL_ADDRESS = /\p{Script=Han}(?:路|街|大道)\s*\d+/u;

/** Clauses of an English address after the venue's name: `No. 52 Huayuan North Road`, `1 Washington Blvd`. */
const ENGLISH_ADDRESS_CLAUSE =
  /^(?:No\.?\s*\d|\d+\s+\w)|\b(?:Road|Rd|Street|St|Avenue|Ave|Blvd|Boulevard|District|Lane)\b\.?$/i;

/**
 * The venue's own name out of a written place: the building, hall or room, without the city the
 * event's city already gives (`北京海淀…` → `海淀…`), the postal address before it
 * (`广州市天河区林和东路 285 天安人寿中心 28 楼` → `天安人寿中心 28 楼`), or the street, district
 * and city after it (`Exhibition Hall, …, No. 52 Huayuan North Road, Haidian District, Beijing`).
 */
export function venueName(written: string): string {
  let name = written.trim();
  const city = findCity(name);
  // A city opening a postal address (`北京海淀…72 号`) or a list (`杭州，蚂蚁Z空间`) is the event's
  // city; one opening a name (`大连星海假日酒店`) stays.
  if (
    city?.index === 0 &&
    (POSTAL_ADDRESS.test(name) || /^[，,、\s]/.test(name.slice(city.name.length)))
  ) {
    const rest = name
      .slice(city.name.length)
      .replace(/^市/, '')
      .replace(/^[\s，,、·]+/, '');
    if (rest) name = rest;
  }
  name = name.replace(CHINESE_STREET_ADDRESS, '');
  const clauses = name.split(/\s*,\s*/);
  const addressAt = clauses.findIndex(
    (clause, index) =>
      index > 0 && (ENGLISH_ADDRESS_CLAUSE.test(clause) || findCity(clause)?.name === clause),
  );
  return addressAt > 0 ? clauses.slice(0, addressAt).join(', ') : name;
}
