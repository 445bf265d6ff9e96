/**
 * The content's speakers file: who is one person under several names. Posts write 宋净超 in
 * Chinese and Jimmy Song in English, or a 花名 alone; the file says they are one speaker.
 *
 * ```yaml
 * - name: 宋净超
 *   aliases: [Jimmy Song]
 * - name: 周群力
 *   aliases: [仪式]
 * ```
 *
 * It lives at the content root (`speakers.yaml`), or where Hugo keeps data files, in the site's
 * `data/` folder beside the content (`../data/speakers.yaml`). Every mistake is a diagnostic at
 * its line; a bad entry is left out and the rest of the file still counts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostics';
import { nameKey } from './slugs';
import { nodeReporter, yamlErrorMessage, type NodeReport } from './yaml-diagnostics';

/** The speakers file's text and the path it is reported under (relative to the content root). */
export interface SpeakersSource {
  file: string;
  text: string;
}

/** One person the file declares: the name to show and the other names they go by. */
export interface DeclaredSpeaker {
  name: string;
  aliases: string[];
  /** 1-based line of the entry, for diagnostics that point back at it. */
  line: number;
}

/** What the file declared, and what was wrong with it. */
export interface ParsedSpeakers {
  speakers: DeclaredSpeaker[];
  diagnostics: Diagnostic[];
}

/** Where the file is looked for, relative to the content root, first found wins. */
export const SPEAKERS_FILES = [
  'speakers.yaml',
  'speakers.yml',
  '../data/speakers.yaml',
  '../data/speakers.yml',
];

/** How an entry is written, for the messages. */
const EXAMPLE = '- name: 宋净超\n  aliases: [Jimmy Song]';

/** Keys an entry may have. */
const KNOWN_KEYS = new Set(['name', 'aliases']);

/** Reads the speakers file's YAML; every mistake is a diagnostic at its line. */
export function parseSpeakersFile({ file, text }: SpeakersSource): ParsedSpeakers {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const diagnostics: Diagnostic[] = [];
  const report = nodeReporter(file, lineCounter, diagnostics);

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = error.linePos?.[0];
      const message = yamlErrorMessage(error);
      diagnostics.push(
        diagnostic(
          'error',
          'speakers-syntax',
          file,
          `The speakers file does not parse: ${message}. No names were joined from it; write one entry per person:\n${EXAMPLE}`,
          position?.line ?? null,
          position?.col ?? null,
        ),
      );
    }
    return { speakers: [], diagnostics };
  }

  const root = document.contents;
  if (root === null) return { speakers: [], diagnostics };
  if (!isSeq(root)) {
    report(
      'speakers-shape',
      `The speakers file must be a list of people, one entry each:\n${EXAMPLE}`,
      root,
    );
    return { speakers: [], diagnostics };
  }

  const speakers: DeclaredSpeaker[] = [];
  /** Which entry each name or alias already belongs to, so one name cannot join two people. */
  const ownerOfKey = new Map<string, DeclaredSpeaker>();
  for (const item of root.items) {
    const line = isNode(item) && item.range ? lineCounter.linePos(item.range[0]).line : 1;
    const entry = readEntry(item, report, line);
    if (!entry) continue;
    const names = [entry.name, ...entry.aliases];
    const taken = names.find((name) => ownerOfKey.has(nameKey(name)));
    if (taken !== undefined) {
      const owner = ownerOfKey.get(nameKey(taken));
      report(
        'speakers-duplicate',
        `${taken} is already a name of ${owner?.name} (line ${owner?.line}); one name can belong to one person only. Merge the two entries or remove ${taken} from one of them; this entry was left out.`,
        item,
      );
      continue;
    }
    for (const name of names) ownerOfKey.set(nameKey(name), entry);
    speakers.push(entry);
  }
  return { speakers, diagnostics };
}

/** The text of a string node, trimmed, or null for anything else (a number is no name). */
function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const value = node.value;
  return typeof value === 'string' ? value.trim() || null : null;
}

/** Records a mistake at the line of a YAML node. */

/** Reads one entry, written at `line`; null (with diagnostics) when it cannot be used. */
function readEntry(item: unknown, report: NodeReport, line: number): DeclaredSpeaker | null {
  if (!isMap(item)) {
    report(
      'speakers-entry',
      `This entry is not a person; write each as a name with its aliases:\n${EXAMPLE}`,
      item,
    );
    return null;
  }
  for (const pair of item.items) {
    const key = scalarText(pair.key);
    if (key !== null && !KNOWN_KEYS.has(key))
      report(
        'speakers-unknown-key',
        `Unknown key ${key}: an entry has only name and aliases; ${key} was ignored.`,
        pair.key,
        'warning',
      );
  }
  const nameNode = item.get('name', true);
  const name = scalarText(nameNode);
  if (!name) {
    report(
      'speakers-entry',
      `This entry has no name; give the name to show first, then the others:\n${EXAMPLE}`,
      nameNode ?? item,
    );
    return null;
  }
  const aliasesNode = item.get('aliases', true) as Node | undefined;
  const aliases: string[] = [];
  const aliasNodes = aliasesNode === undefined ? [] : isSeq(aliasesNode) ? aliasesNode.items : null;
  if (aliasNodes === null) {
    // `aliases: Jimmy Song` is one alias written without brackets: read it, but say how to write it.
    const single = scalarText(aliasesNode);
    if (single) aliases.push(single);
    report(
      'speakers-aliases',
      single
        ? `aliases of ${name} should be a list: aliases: [${single}].`
        : `aliases of ${name} must be a list of names, such as aliases: [Jimmy Song]; they were ignored.`,
      aliasesNode,
      single ? 'warning' : 'error',
    );
  }
  for (const node of aliasNodes ?? []) {
    const alias = scalarText(node);
    if (alias === null) {
      report(
        'speakers-aliases',
        `An alias of ${name} is not a name; write it as text (quote it if it has ':' or '#').`,
        node,
      );
      continue;
    }
    if (
      nameKey(alias) !== nameKey(name) &&
      !aliases.some((known) => nameKey(known) === nameKey(alias))
    )
      aliases.push(alias);
  }
  return { name, aliases, line };
}

/**
 * Reads the speakers file of the content folder at `root`: the first of `SPEAKERS_FILES` that
 * exists, or null when there is none.
 */
export async function readSpeakersFile(root: string): Promise<SpeakersSource | null> {
  for (const candidate of SPEAKERS_FILES) {
    try {
      const text = await readFile(path.join(root, candidate), 'utf8');
      return { file: candidate, text };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return null;
}
