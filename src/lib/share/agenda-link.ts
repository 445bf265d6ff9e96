/**
 * "My agenda" as a link: the starred talk ids, compressed into the URL fragment of `/my`
 * (`/my#agenda=…`). A fragment never reaches a server, so the link works from a static host and
 * offline, and the ids stay between the two people who share it.
 *
 * Ids of one event share a long prefix ('2021-istio-meetup-china-beijing--…'), and lz-string alone
 * gains little on a few hundred characters, so the ids are front-coded first: sorted, each written
 * as the length it shares with the one before and the rest ('33:welcome-speech-65d7').
 * A shorter link makes a QR code a phone reads from further away.
 */
import lzString from 'lz-string';

/** The fragment parameter that carries an agenda. */
export const AGENDA_PARAMETER = 'agenda';

/** What a URL fragment holds. */
export type SharedAgenda =
  | { kind: 'none' }
  /** A readable agenda: the ids, sorted, each once. */
  | { kind: 'agenda'; talkIds: string[] }
  /** An agenda parameter that does not decode (cut short when copied, or edited by hand). */
  | { kind: 'damaged' };

const FRONT_CODED_LINE = /^(\d+):(.*)$/s;

function sharedPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** Sorted, deduplicated ids as a JSON array of front-coded strings. */
function frontCode(ids: readonly string[]): string {
  const sorted = [...new Set(ids)].sort();
  const coded = sorted.map((id, index) => {
    const shared = index === 0 ? 0 : sharedPrefixLength(sorted[index - 1] ?? '', id);
    return `${shared}:${id.slice(shared)}`;
  });
  return JSON.stringify(coded);
}

/** The ids of a JSON array of front-coded strings, or null when it is not one. */
function frontDecode(text: string): string[] | null {
  let lines: unknown;
  try {
    lines = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(lines) || lines.length === 0) return null;
  const ids: string[] = [];
  for (const line of lines) {
    const match = typeof line === 'string' ? FRONT_CODED_LINE.exec(line) : null;
    const previous = ids.at(-1) ?? '';
    const shared = Number(match?.[1]);
    if (!match || shared > previous.length) return null;
    const id = previous.slice(0, shared) + (match[2] ?? '');
    if (id === '') return null;
    ids.push(id);
  }
  return ids;
}

/** The fragment (without '#') that carries `talkIds`. */
export function agendaFragment(talkIds: readonly string[]): string {
  return `${AGENDA_PARAMETER}=${lzString.compressToEncodedURIComponent(frontCode(talkIds))}`;
}

/** The agenda in a URL fragment (`location.hash`, with or without its '#'). */
export function readAgendaFragment(hash: string): SharedAgenda {
  // Read the raw value: URLSearchParams would turn the alphabet's '+' into a space.
  const raw = hash
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith(`${AGENDA_PARAMETER}=`));
  if (raw === undefined) return { kind: 'none' };
  const text = lzString.decompressFromEncodedURIComponent(raw.slice(AGENDA_PARAMETER.length + 1));
  const ids = text ? frontDecode(text) : null;
  return ids ? { kind: 'agenda', talkIds: [...new Set(ids)] } : { kind: 'damaged' };
}
