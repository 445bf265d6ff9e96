/**
 * The event's own name, as a careful reader picks it out of a post's title, its 主题 line and its
 * text: `Linkerd at KubeCon EU 2019: Benchmarks…` is about KubeCon EU 2019, `Flux Bug Scrub
 * Announce` announces the Flux Bug Scrub, and a page titled `Contributor Celebration` whose text
 * says `The Kubernetes Contributor Celebration` names the event in full there.
 */

/** Words that make a phrase an event's name: `Linkerd Day`, `IstioCon`, `KubeCon`, `Meetup`. */
const EVENT_WORD =
  /\b(?:Days?|[A-Z]\w*Con|Con|Conference|Meetup|Summit|Celebration|Workshop|Forum|Hackathon|Webinar|Scrub)\b/;

/** A four-digit year standing alone. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/** Words that announce rather than name: `Announcing X`, `X Announce`, `X Announcement`. */
const ANNOUNCING = /^(?:Announcing|Introducing)\s+|\s+(?:Announce|Announcement)$/gi;

/** Titles of a newsletter or digest, which lists events rather than being one. */
const DIGEST_TITLE =
  /\bweekly\b|周报|月报|\bnewsletter\b|\bdigest\b|^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{4}\s+)?update$/i;

/** Titles of a site section rather than of one post: `活动`, `Events`. */
const SECTION_TITLE = /^(?:活动|活动预告|近期活动|events?|activities|meetups?)$/i;

/** True for a newsletter's or digest's title (`SOFA Weekly`, `October 2021 update`). */
export function isDigestTitle(title: string): boolean {
  return DIGEST_TITLE.test(title.trim());
}

/** True for a title that names a site section rather than an event (`活动`, `Events`). */
export function isSectionTitle(title: string): boolean {
  return SECTION_TITLE.test(title.trim());
}

/**
 * Lower-cased letters and digits only, so `SOFA开源三周年` and `SOFA 开源三周年，` compare equal, as do
 * `杭州，蚂蚁Z空间` and `杭州蚂蚁Z空间`.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * True when one text contains the other, ignoring case, spaces and punctuation: `SOFA开源三周年`
 * in `SOFA 开源三周年，Let's have fun together`, or in a title whose prefix lost its bracket.
 */
export function isSameName(a: string, b: string): boolean {
  const left = comparable(a);
  const right = comparable(b);
  return left.length > 0 && right.length > 0 && (left.includes(right) || right.includes(left));
}

/** Words that say what kind of post it is, not which event: `Workshop recap: …`. */
const POST_KIND = /\b(?:recap|review|roundup|round-up|wrap-?up|update|highlights)\b/i;

/** A run of capitalised words or years, as an English event name is written: `KubeCon 2022 North America`. */
const CAPITALISED_RUN = String.raw`(?:[A-Z][\w.+-]*|\d{4})(?:\s+(?:[A-Z][\w.+-]*|\d{4}))*`;

/** `… at KubeCon EU 2019`: the name after the last `at`. */
const AT_EVENT = new RegExp(String.raw`\bat\s+(${CAPITALISED_RUN})`, 'g');

/**
 * The event an English blog title names. `Name: subtitle` keeps the name when it is one (it has
 * a year, or an event word among other words); `Project at Event` is about the event, `Event at
 * Host` about the event before `at`; a show `Features` its guest; `Announcing` and `Announce` are
 * dropped. The description may name the same event in full (`KubeCon 2022 NA` in the title,
 * `KubeCon 2022 North America` in the description). Null when the title is not written that way.
 */
export function nameFromEnglishTitle(title: string, description: string): string | null {
  let name = title.trim().replace(/[!?.]+$/, '');
  const unannounced = name.replace(ANNOUNCING, '').trim();
  let changed = unannounced !== name;
  name = unannounced;
  const colon = /^([^:]+):\s+\S/.exec(name);
  const head = colon?.[1]?.trim();
  if (
    head &&
    !POST_KIND.test(head) &&
    (YEAR.test(head) || (EVENT_WORD.test(head) && /\s/.test(head)) || /\sat\s/.test(head))
  ) {
    name = head;
    changed = true;
  }
  // `TGI Kubernetes Features Linkerd 2.0`: a show named before the guest it features.
  const show = /^([A-Z].+?)\s+(?:Features|Featuring|Welcomes|Hosts)\s+[A-Z]/.exec(name)?.[1];
  if (show) return show;
  const at = /^(.+?)\s+at\s+(.+)$/.exec(name);
  if (at?.[1] && at[2]) {
    if (EVENT_WORD.test(at[1]) && /^[A-Z]/.test(at[1])) return at[1].trim();
    const host = new RegExp(`^${CAPITALISED_RUN}`).exec(at[2])?.[0];
    if (host) return fullerNameIn(host, description);
  }
  return changed ? name : null;
}

/** The longest `at Name` in `text` that spells out `name` (`KubeCon 2022 North America` for `KubeCon 2022 NA`), else `name`. */
function fullerNameIn(name: string, text: string): string {
  const fuller = [...text.matchAll(AT_EVENT)]
    .map((match) => match[1] ?? '')
    .filter((candidate) => candidate.length > name.length && spellsOut(candidate, name))
    .sort((a, b) => b.length - a.length)[0];
  return fuller ?? name;
}

/** True when `full` has every word of `short`, an abbreviation (`NA`) as the initials of words in a row. */
function spellsOut(full: string, short: string): boolean {
  const words = full.split(/\s+/);
  const initials = words.map((word) => word[0] ?? '').join('');
  return short
    .split(/\s+/)
    .every(
      (word) => words.includes(word) || (/^[A-Z]{2,3}$/.test(word) && initials.includes(word)),
    );
}

/** Capitalised words that open sentences rather than names. */
const NOT_A_NAME_WORD =
  /^(?:The|A|An|This|That|Our|Your|Their|Its|At|In|On|For|From|To|With|And|Or|Join|See|Welcome|During|After|Before)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The event's name as the text writes it in full, when the title shortens it: capitalised words
 * before it (`The Kubernetes Contributor Celebration` for `Contributor Celebration`), or the
 * edition after it (`Linkerd Day 2023`, `Service Mesh Virtual Meetup#1`). Words after the name
 * other than an edition are not taken: `Contributor Celebration FAQ` is a page, not the event.
 */
export function completeName(name: string, text: string): string {
  // One word (`Schedule`, `Location`) names a page of the event, not the event.
  if (!/\s|\p{Script=Han}/u.test(name.trim())) return name;
  const pattern = new RegExp(
    String.raw`((?:[A-Z][\w-]*[ \t]+){1,2})?${escapeRegExp(name).replace(/\s+/g, String.raw`\s+`)}([ \t]*#\d+|[ \t]+(?:19|20)\d{2}(?!\d))?`,
    'g',
  );
  for (const match of text.matchAll(pattern)) {
    const words = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
    // A capitalised word that opens the sentence (`Today Linkerd Day…`) is not known to be a name.
    if (/(?:^|[.!?。！？]\s*|\n\s*)$/.test(text.slice(0, match.index))) words.shift();
    const prefix = leadingNameWords(words);
    const edition = match[2] ?? '';
    if (prefix || edition) return `${prefix ? `${prefix} ` : ''}${name}${edition}`;
  }
  return name;
}

/** The capitalised words just before a name that belong to it: not `The`, `Our`, `Join`. */
function leadingNameWords(words: string[]): string {
  const kept: string[] = [];
  for (const word of [...words].reverse()) {
    if (NOT_A_NAME_WORD.test(word)) break;
    kept.unshift(word);
  }
  return kept.join(' ');
}
