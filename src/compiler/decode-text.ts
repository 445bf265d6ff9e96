/**
 * Decode step: a post's raw bytes become text. Strips byte-order marks, falls back to GB18030
 * for legacy Chinese files, and reverses double-encoded UTF-8 ("mojibake": UTF-8 read as a
 * Windows code page and saved again as UTF-8), including the lossy kind where the bytes that
 * code page leaves undefined were dropped on the way.
 */
import iconv from 'iconv-lite';
import { diagnostic, type Diagnostic } from './diagnostics';

/** A post's text and how its bytes were read. */
export interface DecodedText {
  text: string;
  /** How the bytes were read: 'utf-8', 'utf-8-bom', 'utf-16le', 'gb18030', 'utf-8 (double-encoded as windows-1254)'… */
  encoding: string;
  /** True when double-encoded UTF-8 was reversed, so `text` differs from a plain UTF-8 read. */
  repaired: boolean;
  /** Characters whose bytes were lost in a lossy double encoding, each shown as U+FFFD in `text`. */
  damaged: DamagedCharacter[];
  diagnostics: Diagnostic[];
}

/** A character that lost bytes in a lossy double encoding; a resolver may later replace its U+FFFD. */
export interface DamagedCharacter {
  /** UTF-16 index of its U+FFFD in the decoded text. */
  index: number;
  /** 1-based line and column (in code points) of its remains in the source file. */
  line: number;
  column: number;
  /** What survived of its UTF-8 bytes, lead byte first. */
  surviving: number[];
  /** Every plausible character those bytes can come from, given the bytes the code page drops. */
  candidates: string[];
}

/** Fewest characters a file's reversal must restore before it counts as double-encoded. */
const MIN_RESTORED_CHARACTERS = 2;
/** Share of a file's code-page runs that must decode as UTF-8; genuine accented text scores near 0. */
const MIN_EXPLAINED_RUN_SHARE = 0.75;
/** Most damaged characters allowed per restored one; beyond that the "damage" is genuine text. */
const MAX_DAMAGED_PER_RESTORED = 1;
/** Most bytes one character may have lost; guessing more would turn any lone accent into damage. */
const MAX_LOST_BYTES_PER_CHARACTER = 2;
/** Editors and converters strip the soft hyphen as invisible, so it is lost in every code page. */
const SOFT_HYPHEN = 0xad;
const REPLACEMENT = '\uFFFD';

/**
 * Code points a reversal may produce. Anything else (NKo, Syriac, combining marks, controls)
 * means the run was genuine text that merely looks like mojibake, e.g. German `ß“` → U+07D3.
 */
const PLAUSIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x02ff], // Latin-1 Supplement, Latin Extended-A and -B, IPA, spacing modifiers (/leɪˈaʊtəʊ/)
  [0x0370, 0x04ff], // Greek, Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x2bff], // punctuation, letterlike symbols, arrows, math, shapes
  [0x3000, 0x9fff], // CJK punctuation, kana, ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe00, 0xfe0f], // variation selectors (U+FE0F makes ⚠ an emoji)
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xfeff, 0xffef], // byte-order mark, full-width forms
  [0x1f000, 0x1faff], // emoji
  [0x20000, 0x3134f], // CJK extensions B–G
];

/** A single-byte code page seen backwards: which byte each of its upper-half characters came from. */
interface CodePage {
  name: string;
  /**
   * The byte each UTF-16 unit came from, -1 for units outside the upper half: a table, not a
   * map, since every character of a post is looked up three times (once per code page).
   */
  byteOf: Int16Array;
  /** Bytes a strict decoder drops (undefined in the code page) plus the soft hyphen. */
  lostBytes: readonly number[];
}

/**
 * Built with iconv-lite, not TextDecoder: Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1. Bytes the code page leaves undefined are read back from their C1 controls, as
 * WHATWG decoders pass them through, and counted as lost, as strict decoders drop them.
 */
function windowsCodePage(name: string): CodePage {
  const byteOf = new Int16Array(0x10000).fill(-1);
  const lostBytes = [SOFT_HYPHEN];
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const character = iconv.decode(Buffer.of(byte), name);
    byteOf[character === REPLACEMENT ? byte : character.charCodeAt(0)] = byte;
    if (character === REPLACEMENT) lostBytes.push(byte);
  }
  return { name, byteOf, lostBytes: lostBytes.sort((a, b) => a - b) };
}

/** True ISO-8859-1 (WHATWG's 'latin1' label means windows-1252); tools strip its C1 controls. */
function latin1CodePage(): CodePage {
  const byteOf = new Int16Array(0x10000).fill(-1);
  const lostBytes: number[] = [];
  for (let byte = 0x80; byte <= 0xff; byte++) {
    byteOf[byte] = byte;
    if (byte < 0xa0 || byte === SOFT_HYPHEN) lostBytes.push(byte);
  }
  return { name: 'iso-8859-1', byteOf, lostBytes };
}

const WINDOWS_1254 = windowsCodePage('windows-1254');
/** Tried in this order; on a tie the first wins (see `widerCandidates`). */
const CODE_PAGES: readonly CodePage[] = [
  windowsCodePage('windows-1252'),
  WINDOWS_1254,
  latin1CodePage(),
];

const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/** Length of the UTF-8 sequence a lead byte opens, or 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The character a complete UTF-8 sequence encodes, or null if it is overlong, a surrogate or implausible. */
function decodeSequence(sequence: readonly number[]): string | null {
  const [lead = 0, ...rest] = sequence;
  const leadBits = [0, 0, 0x1f, 0x0f, 0x07][sequence.length] ?? 0;
  const codePoint = rest.reduce((value, byte) => (value << 6) | (byte & 0x3f), lead & leadBits);
  const smallest = [0, 0, 0x80, 0x800, 0x10000][sequence.length] ?? Infinity;
  if (codePoint < smallest || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  const plausible = PLAUSIBLE_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high);
  return plausible ? String.fromCodePoint(codePoint) : null;
}

/** Every plausible character whose UTF-8 bytes become `surviving` once the code page's lost bytes are removed. */
export function candidatesForLostBytes(
  surviving: readonly number[],
  lostBytes: readonly number[] = WINDOWS_1254.lostBytes,
): string[] {
  const [lead = 0, ...continuations] = surviving;
  const missing = sequenceLength(lead) - 1 - continuations.length;
  const found = new Set<string>();
  const fill = (built: number[], rest: readonly number[], toInsert: number): void => {
    if (rest.length === 0 && toInsert === 0) {
      const character = decodeSequence([lead, ...built]);
      if (character !== null) found.add(character);
      return;
    }
    const [next, ...after] = rest;
    if (next !== undefined) fill([...built, next], after, toInsert);
    if (toInsert > 0) for (const byte of lostBytes) fill([...built, byte], rest, toInsert - 1);
  };
  if (missing > 0) fill([], continuations, missing);
  return [...found].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/** One piece of a reversed run: a restored character, or the remains of a damaged one. */
type Piece =
  | { kind: 'character'; text: string }
  | { kind: 'damaged'; offset: number; surviving: number[]; candidates: string[] };

/** A maximal stretch of non-ASCII characters that all belong to the code page's upper half. */
interface Run {
  start: number;
  end: number;
  /**
   * How its bytes read: as (possibly damaged) UTF-8 (`utf-8`); as nothing but damaged characters,
   * one of them a lone lead byte (`wreck`), taken only in a file that other runs show to be
   * double-encoded; or as genuine text (`genuine`), left as it is.
   */
  reading: 'utf-8' | 'wreck' | 'genuine';
  /** Characters restored whole, and damaged ones. */
  restored: number;
  damaged: number;
  /** The run's pieces, when asked for (`findRuns`). */
  pieces: Piece[];
}

/**
 * Candidates of each surviving byte pattern, per code page: a long damaged post repeats the same
 * few hundred patterns thousands of times.
 */
const candidateCache = new WeakMap<CodePage, Map<number, string[]>>();

/** The candidates of the surviving bytes `bytes[start]` to `bytes[end - 1]`. */
function cachedCandidates(
  bytes: readonly number[],
  start: number,
  end: number,
  codePage: CodePage,
): string[] {
  let cache = candidateCache.get(codePage);
  if (!cache) candidateCache.set(codePage, (cache = new Map()));
  // The bytes as one number, after their count: at most three bytes survive.
  let key = end - start;
  for (let index = start; index < end; index++) key = key * 256 + bytes[index]!;
  let candidates = cache.get(key);
  if (!candidates)
    cache.set(
      key,
      (candidates = candidatesForLostBytes(bytes.slice(start, end), codePage.lostBytes)),
    );
  return candidates;
}

/**
 * The piece of every complete sequence met so far, by its bytes: a damaged post is tens of
 * thousands of characters read three times over (once per code page), and sharing one immutable
 * piece per character spares as many allocations. Null for a sequence that is not plausible text.
 */
const characterPieces = new Map<number, Piece | null>();

function characterPiece(bytes: readonly number[], start: number, end: number): Piece | null {
  let key = 0;
  for (let index = start; index < end; index++) key = key * 256 + bytes[index]!;
  let piece = characterPieces.get(key);
  if (piece === undefined) {
    const character = decodeSequence(bytes.slice(start, end));
    piece = character === null ? null : { kind: 'character', text: character };
    characterPieces.set(key, piece);
  }
  return piece;
}

/**
 * Reads a run's bytes as UTF-8: how they read (see `Run.reading`), counting its characters into
 * `run` and, when given, collecting its pieces. Any byte or character that shows the run is
 * genuine text makes it `genuine`; a run that is nothing but damage and has a lone lead byte is
 * a wreck.
 */
function readRun(
  bytes: readonly number[],
  codePage: CodePage,
  run: Run,
  pieces: Piece[] | null,
): Run['reading'] {
  let position = 0;
  let lone = false;
  while (position < bytes.length) {
    const start = position;
    const length = sequenceLength(bytes[position] ?? 0);
    if (length === 0) return 'genuine';
    position++;
    while (position - start < length && isContinuation(bytes[position] ?? 0)) position++;
    if (position - start === length) {
      const piece = characterPiece(bytes, start, position);
      if (piece === null) return 'genuine';
      pieces?.push(piece);
      run.restored++;
    } else {
      if (length - (position - start) > MAX_LOST_BYTES_PER_CHARACTER) return 'genuine';
      const candidates = cachedCandidates(bytes, start, position, codePage);
      if (candidates.length === 0) return 'genuine';
      pieces?.push({
        kind: 'damaged',
        offset: start,
        surviving: bytes.slice(start, position),
        candidates,
      });
      run.damaged++;
      lone ||= position - start === 1;
    }
  }
  // A lone lead byte with no survivors is far likelier a genuine accent (café) than a wreck,
  // unless the rest of the file is double-encoded: there 杭州 leaves just æå·.
  return lone && run.restored === 0 ? 'wreck' : 'utf-8';
}

/**
 * Splits text into code-page runs, each read (`readRun`); characters are one UTF-16 unit each,
 * since every code page maps into the BMP. Each run's pieces are collected only when
 * `withPieces`: choosing the code page needs the counts alone, and only the chosen one's pieces
 * make the text.
 */
function findRuns(text: string, codePage: CodePage, withPieces: boolean): Run[] {
  const runs: Run[] = [];
  const bytes: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (codePage.byteOf[text.charCodeAt(index)]! === -1) {
      index++;
      continue;
    }
    const start = index;
    bytes.length = 0;
    for (let byte = codePage.byteOf[text.charCodeAt(index)]!; byte !== -1;) {
      bytes.push(byte);
      // Past the end, charCodeAt gives NaN, which indexes nothing.
      byte = codePage.byteOf[text.charCodeAt(++index)] ?? -1;
    }
    const run: Run = { start, end: index, reading: 'utf-8', restored: 0, damaged: 0, pieces: [] };
    run.reading = readRun(bytes, codePage, run, withPieces ? run.pieces : null);
    runs.push(run);
  }
  return runs;
}

/** How well one code page explains a text as double-encoded UTF-8. */
interface Reading {
  codePage: CodePage;
  runs: number;
  /** Runs that read as UTF-8, and their restored and damaged characters. */
  explained: number;
  restored: number;
  damaged: number;
}

/** Reads every code-page run of the text as UTF-8 and counts what comes back. */
function readAs(text: string, codePage: CodePage): Reading {
  const runs = findRuns(text, codePage, false);
  const reading: Reading = { codePage, runs: runs.length, explained: 0, restored: 0, damaged: 0 };
  for (const run of runs) {
    if (run.reading !== 'utf-8') continue;
    reading.explained++;
    reading.restored += run.restored;
    reading.damaged += run.damaged;
  }
  return reading;
}

/** Decides per file: most runs must decode, enough characters must come back, damage must stay rare. */
function isDoubleEncoded({ runs, explained, restored, damaged }: Reading): boolean {
  return (
    restored >= MIN_RESTORED_CHARACTERS &&
    explained >= MIN_EXPLAINED_RUN_SHARE * runs &&
    damaged <= MAX_DAMAGED_PER_RESTORED * restored
  );
}

/**
 * Finds the 1-based line and code-point column of UTF-16 indexes. Asked in increasing order, as
 * the damage is met, it reads the text once in all: a densely damaged line is not counted again
 * for each of its characters.
 */
function locator(text: string): (index: number) => { line: number; column: number } {
  let [at, line, column] = [0, 1, 1];
  return (index) => {
    if (index < at) [at, line, column] = [0, 1, 1];
    for (; at < index; at++) {
      const unit = text.charCodeAt(at);
      if (unit === 0x0a) [line, column] = [line + 1, 1];
      else if (unit < 0xdc00 || unit > 0xdfff) column++;
    }
    return { line, column };
  };
}

/**
 * On a tie, damaged text takes the code page that drops the most bytes: its candidate lists
 * include every other page's, so a resolver never misses the true character.
 */
function widerCandidates(a: Reading, b: Reading): number {
  return a.damaged === 0 ? 0 : b.codePage.lostBytes.length - a.codePage.lostBytes.length;
}

/** Reverses double encoding run by run, leaving ASCII and unexplained runs exactly as they were. */
function reverseDoubleEncoding(
  text: string,
  file: string,
): (Omit<DecodedText, 'encoding'> & { codePage: string }) | null {
  const best = CODE_PAGES.map((codePage) => readAs(text, codePage))
    .filter(isDoubleEncoded)
    .sort((a, b) => b.restored - a.restored || a.damaged - b.damaged || widerCandidates(a, b))[0];
  if (best === undefined) return null;
  let output = '';
  let copied = 0;
  const damaged: DamagedCharacter[] = [];
  const locate = locator(text);
  for (const run of findRuns(text, best.codePage, true)) {
    if (run.reading === 'genuine') continue;
    output += text.slice(copied, run.start);
    for (const piece of run.pieces) {
      if (piece.kind === 'character') {
        output += piece.text;
        continue;
      }
      const { line, column } = locate(run.start + piece.offset);
      const { surviving, candidates } = piece;
      damaged.push({ index: output.length, line, column, surviving, candidates });
      output += REPLACEMENT;
    }
    copied = run.end;
  }
  output += text.slice(copied);
  const name = best.codePage.name;
  const diagnostics = [
    diagnostic(
      'warning',
      'encoding-double-encoded',
      file,
      `This post is UTF-8 that was read as ${name} and saved again; ${best.restored} characters were restored` +
        (damaged.length > 0 ? ` and ${damaged.length} could not be.` : '.') +
        ' Save the repaired text as UTF-8.',
    ),
  ];
  const byLine = new Map<number, DamagedCharacter[]>();
  for (const character of damaged) {
    const line = byLine.get(character.line);
    if (line) line.push(character);
    else byLine.set(character.line, [character]);
  }
  for (const [line, characters] of byLine) {
    const count = characters.length;
    diagnostics.push(
      diagnostic(
        'warning',
        'encoding-lost-bytes',
        file,
        `${count} character${count === 1 ? '' : 's'} on this line lost bytes when the post was read as ${name} and saved again, and could not be restored (shown as U+FFFD). Re-save the post from its original UTF-8 source.`,
        line,
        characters[0]?.column ?? null,
      ),
    );
  }
  const repairedText = output.startsWith('\uFEFF') ? output.slice(1) : output;
  return { text: repairedText, codePage: name, repaired: true, damaged, diagnostics };
}

/** Decodes a post's bytes to text, reporting (as diagnostics) every guess it had to make. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const [first, second, third] = bytes;
  if (first === 0xff && second === 0xfe)
    return plain(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', file);
  if (first === 0xfe && second === 0xff)
    return plain(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', file);
  const hasBom = first === 0xef && second === 0xbb && third === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return plain(text, hasBom ? 'utf-8-bom' : 'utf-8', file);
  } catch {
    // Not UTF-8: GB18030 is the one legacy encoding Chinese community posts still arrive in.
  }
  const gb18030 = new TextDecoder('gb18030').decode(bytes);
  if (!gb18030.includes(REPLACEMENT)) {
    const message = 'This post is not valid UTF-8 and was read as GB18030. Save it as UTF-8.';
    return {
      text: gb18030,
      encoding: 'gb18030',
      repaired: false,
      damaged: [],
      diagnostics: [diagnostic('warning', 'encoding-gb18030', file, message)],
    };
  }
  const message =
    'This post is neither valid UTF-8 nor GB18030; its invalid bytes were replaced with U+FFFD. Save it as UTF-8.';
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8 (invalid bytes replaced)',
    repaired: false,
    damaged: [],
    diagnostics: [diagnostic('warning', 'encoding-invalid', file, message)],
  };
}

/** Text read by a Unicode decoder (BOM already stripped), with any double encoding reversed. */
function plain(text: string, encoding: string, file: string): DecodedText {
  const reversed = reverseDoubleEncoding(text, file);
  if (reversed === null) return { text, encoding, repaired: false, damaged: [], diagnostics: [] };
  const { codePage, ...rest } = reversed;
  return { ...rest, encoding: `${encoding} (double-encoded as ${codePage})` };
}
