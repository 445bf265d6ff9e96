/**
 * Who runs a session that a page describes only in prose under its heading, as community sites
 * write their social and celebration programmes: `Join [Ian Coldwater] along with [Jeremy Meiss]
 * as they host…`, `…hosted by CNCF Ambassador [Kat Cosgrove] on Saturday`, `Join your hosts
 * Matty Stratton (main DPG host) + Paris Pittman with fellow participants: Laura Lorenz
 * (sig-multicluster), Tim Hockin (sig-network)`, `@lauralorenz is GMing a one-shot`.
 *
 * Only a sentence that puts people in the session counts: a name after `hosted by`, before `is
 * hosting`, after `Join … as they host` or `your hosts`, or in a `participants:` list. People
 * thanked, quoted or merely mentioned are not read, and neither is anything that is not written
 * as a person's name (two to four capitalised words, or an @handle). These rules are the
 * project's own: no library reads roles out of English event prose.
 */
import type { SpeakerMention } from './parse-speakers';

/** The role a host is given, as `Host:` lines give it (see parse-speakers' isHostRole). */
const HOST = 'Host';

/** One word of a personal name: `Kat`, `O'Brien`, `Garcia-Lopez`. */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*`;

/**
 * A person as prose names them: two to four capitalised words not followed by a fifth (`The
 * Great Cloud Native Bake Off` is a title), or a handle such as `@lauralorenz`.
 */
const PERSON = new RegExp(
  String.raw`^(?:@[\w-]+|${NAME_WORD}(?:\s+${NAME_WORD}){1,3}(?!\s+\p{Lu}))`,
  'u',
);

/** A title in front of a name, which is not part of it: `CNCF Ambassador Kat Cosgrove`. */
const TITLE_WORD =
  /^(?:\p{Lu}{2,}\d*|Ambassadors?|Maintainers?|(?:Co-)?Chairs?|Leads?|Members?|Contributors?|Engineers?|Advocates?|Emeritus|Dr\.?)\s+(?=\p{Lu}|@)/u;

/** Words that make a capitalised run a group, project or thing rather than a person. */
const NOT_A_PERSON_WORD =
  /\b(?:Foundation|Community|Team|Group|Committee|Council|Project|Inc|Ltd|Labs?|Channel|Summit|Conference|Kubernetes|Cloud|Native|Meetup|Days?|Party|Games?|Edition|Session|Event|Awards?|University|Company|Discord|Slack|YouTube|Twitch|Zoom)\b/u;

/** What joins the names of a list: `,`, `, and`, `and`, `&`, `+`, `along with`. */
const JOINER = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[&+]\s*|\s+along\s+with\s+)/;

/** A bracketed note after a name, which says what they do, not who they are: `(sig-node)`. */
const NOTE = /^\s*\([^)]*\)/;

/** Verbs that make the people before or after them run the session. */
const HOSTING_VERB = String.raw`(?:host|moderate|emcee|MC|GM|run|lead)`;
const HOSTING_VERB_ING = String.raw`(?:hosting|moderating|emceeing|MCing|GMing|running|leading)`;

/** `hosted by NAMES`, `moderated by NAMES`. */
const BY_HOST = /\b(?:hosted|co-hosted|moderated|emceed|MCed|facilitated)\s+by\s+/giu;

/** `presented by NAMES`: speakers, not hosts. */
const BY_PRESENTER = /\b(?:presented|given|delivered)\s+by\s+/giu;

/** `Join your hosts NAMES`, `Join host NAMES`. */
const YOUR_HOSTS = /\bJoin\s+(?:your\s+)?(?:co-)?hosts?,?\s+/giu;

/** `Join NAMES` … followed by `as they host`. */
const JOIN = /\bJoin\s+/giu;
const AS_THEY_HOST = new RegExp(
  String.raw`^\s+as\s+(?:they|he|she)\s+(?:${HOSTING_VERB}s?|co-host)\b`,
  'iu',
);

/** NAMES at the start of a sentence, followed by `is hosting`, `will host`, `is GMing`. */
const IS_HOSTING = new RegExp(
  String.raw`^\s+(?:(?:is|are|will\s+be)\s+(?:co-)?${HOSTING_VERB_ING}|will\s+(?:co-)?${HOSTING_VERB})\b`,
  'u',
);

/** `participants: NAMES`, `panelists: NAMES`, as a session lists who takes part. */
const PARTICIPANTS =
  /\b(?:participants|panelists|panellists|guests|speakers|presenters)\s*(?:include|are)?\s*:\s*/giu;

/** A name at the very start of the text, or null. */
function personAt(text: string): string | null {
  const person = PERSON.exec(text)?.[0];
  return person && !NOT_A_PERSON_WORD.test(person) ? person : null;
}

/**
 * One name at the start of the text, the title words before it skipped (`CNCF Ambassador Kat
 * Cosgrove` is Kat Cosgrove); null when none is there.
 */
function readPerson(text: string): { name: string; length: number } | null {
  let skipped = 0;
  for (;;) {
    const title = TITLE_WORD.exec(text.slice(skipped));
    if (!title || !personAt(text.slice(skipped + title[0].length))) break;
    skipped += title[0].length;
  }
  const name = personAt(text.slice(skipped));
  return name ? { name, length: skipped + name.length } : null;
}

/**
 * The people a list names from the start of the text (`A (note) + B`, `A, B, and C`), and where
 * the list ends. A joiner not followed by a name ends the list before it.
 */
function readPeople(text: string): { names: string[]; end: number } {
  const names: string[] = [];
  let at = 0;
  for (;;) {
    const person = readPerson(text.slice(at));
    if (!person) break;
    names.push(person.name);
    at += person.length;
    at += NOTE.exec(text.slice(at))?.[0].length ?? 0;
    const joiner = JOINER.exec(text.slice(at));
    if (!joiner || !readPerson(text.slice(at + joiner[0].length))) break;
    at += joiner[0].length;
  }
  return { names, end: at };
}

/** The names of every list that a trigger opens in the sentence, where `follows` accepts. */
function namesAfter(
  sentence: string,
  trigger: RegExp,
  follows: (rest: string) => boolean = () => true,
): string[] {
  const names: string[] = [];
  for (const match of sentence.matchAll(trigger)) {
    const start = match.index + match[0].length;
    const people = readPeople(sentence.slice(start));
    if (people.names.length > 0 && follows(sentence.slice(start + people.end)))
      names.push(...people.names);
  }
  return names;
}

/** Sentences of a paragraph, with Markdown link brackets left out: `[Kat Cosgrove]`. */
function sentences(prose: string): string[] {
  return prose
    .replace(/\[([^\]]*)\]/g, '$1')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}@])/u)
    .map((sentence) => sentence.trim());
}

/** The hosts and participants of a session, in the order the prose names them. */
export function readSessionHosts(prose: string): SpeakerMention[] {
  const people = new Map<string, SpeakerMention>();
  const add = (names: string[], role: string | null) => {
    for (const name of names)
      if (!people.has(name)) people.set(name, { name, org: null, role, aliases: [] });
  };
  for (const sentence of sentences(prose)) {
    add(namesAfter(sentence, YOUR_HOSTS), HOST);
    add(
      namesAfter(sentence, JOIN, (rest) => AS_THEY_HOST.test(rest)),
      HOST,
    );
    add(namesAfter(sentence, BY_HOST), HOST);
    add(namesAfter(sentence, BY_PRESENTER), null);
    const subject = readPeople(sentence);
    if (subject.names.length > 0 && IS_HOSTING.test(sentence.slice(subject.end)))
      add(subject.names, HOST);
    add(namesAfter(sentence, PARTICIPANTS), null);
  }
  return [...people.values()];
}
