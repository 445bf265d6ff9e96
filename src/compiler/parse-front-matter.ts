import { parse as parseToml, TomlError } from 'smol-toml';
import { parseDocument } from 'yaml';
import { yamlErrorMessage } from './yaml-diagnostics';
import { diagnostic, type Diagnostic } from './diagnostics';

/** Which front matter a post carries. */
export type FrontMatterKind = 'yaml' | 'toml' | 'json' | 'none';

/** A post split into its front matter and its Markdown body. */
export interface SplitPost {
  kind: FrontMatterKind;
  /** The parsed front matter; empty when absent or unparsable. */
  data: Record<string, unknown>;
  /** The front matter's source text, for finding the line of a key. */
  raw: string;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line of the post at which `body` starts, so body positions map back to the file. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/** The front matter may be empty (`---` right after `---`), as Hugo allows. */
const YAML_FENCE = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??---[ \t]*(?:\r?\n|$)/;
const TOML_FENCE = /^\+\+\+[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??\+\+\+[ \t]*(?:\r?\n|$)/;

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the end of a JSON object that opens the post. Hugo allows JSON front matter with no
 * closing fence, so the object's own braces (outside strings) mark where the body starts.
 */
function findJsonEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return -1;
}

/** 1-based line and column of a character offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: countLines(before) + 1, column: offset - before.lastIndexOf('\n') };
}

function parseYaml(raw: string, file: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const document = parseDocument(raw, { prettyErrors: true, uniqueKeys: false });
  for (const error of document.errors) {
    const position = error.linePos?.[0];
    const message = yamlErrorMessage(error);
    // +1: the opening `---` fence is line 1 of the file.
    diagnostics.push(
      diagnostic(
        'error',
        'yaml-syntax',
        file,
        `YAML front matter does not parse: ${message}. Fix the front matter; quote values that contain ':' or '#'.`,
        position ? position.line + 1 : null,
        position?.col ?? null,
      ),
    );
  }
  if (document.errors.length > 0) return {};
  const value: unknown = document.toJS();
  return isRecord(value) ? value : {};
}

function parseTomlBlock(
  raw: string,
  file: string,
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  try {
    return parseToml(raw);
  } catch (error) {
    const line = error instanceof TomlError ? error.line + 1 : null;
    const column = error instanceof TomlError ? error.column : null;
    const message = (error as Error).message.split('\n')[0] ?? '';
    diagnostics.push(
      diagnostic(
        'error',
        'toml-syntax',
        file,
        `TOML front matter does not parse: ${message}. Fix the front matter between the +++ lines.`,
        line,
        column,
      ),
    );
    return {};
  }
}

function parseJsonBlock(
  raw: string,
  file: string,
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : {};
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const where = Number.isNaN(offset) ? null : locate(raw, offset);
    diagnostics.push(
      diagnostic(
        'error',
        'json-syntax',
        file,
        `JSON front matter does not parse: ${message}. Fix the object at the top of the post.`,
        where?.line ?? null,
        where?.column ?? null,
      ),
    );
    return {};
  }
}

/** Splits a decoded post into front matter (YAML `---`, TOML `+++` or JSON `{…}`) and body. */
export function parseFrontMatter(text: string, file: string): SplitPost {
  const diagnostics: Diagnostic[] = [];
  const fenced = [
    { kind: 'yaml', fence: YAML_FENCE, parse: parseYaml },
    { kind: 'toml', fence: TOML_FENCE, parse: parseTomlBlock },
  ] as const;
  for (const { kind, fence, parse } of fenced) {
    const match = fence.exec(text);
    if (!match) continue;
    const raw = match[1] ?? '';
    return {
      kind,
      data: parse(raw, file, diagnostics),
      raw,
      body: text.slice(match[0].length),
      bodyLine: countLines(match[0]) + 1,
      diagnostics,
    };
  }
  if (text.startsWith('{')) {
    const end = findJsonEnd(text);
    if (end === -1) {
      diagnostics.push(
        diagnostic(
          'error',
          'json-syntax',
          file,
          'The JSON front matter never closes: add the final }.',
          1,
          1,
        ),
      );
      return { kind: 'json', data: {}, raw: text, body: '', bodyLine: 1, diagnostics };
    }
    const raw = text.slice(0, end);
    const data = parseJsonBlock(raw, file, diagnostics);
    return {
      kind: 'json',
      data,
      raw,
      body: text.slice(end),
      bodyLine: countLines(raw) + 1,
      diagnostics,
    };
  }
  if (/^(---|\+\+\+)[ \t]*\r?\n/.test(text)) {
    diagnostics.push(
      diagnostic(
        'error',
        'front-matter-unclosed',
        file,
        `The front matter opened on line 1 never closes: end it with a line holding only ${text.slice(0, 3)}.`,
        1,
        1,
      ),
    );
  }
  return { kind: 'none', data: {}, raw: '', body: text, bodyLine: 1, diagnostics };
}

/** 1-based line of the file on which front-matter `key` is set, for pointing diagnostics at it. */
export function lineOfKey(post: Pick<SplitPost, 'raw' | 'kind'>, key: string): number | null {
  if (post.kind === 'none') return null;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // [ \t], not \s: a match must not start on an earlier blank line, nor after the \r of a CRLF.
  const pattern = new RegExp(`^[ \\t]*"?${escaped}"?[ \\t]*[:=]`, 'm');
  const match = pattern.exec(post.raw);
  if (!match) return null;
  // JSON front matter starts on line 1 itself; fenced kinds start after the fence line.
  const fence = post.kind === 'json' ? 0 : 1;
  return countLines(post.raw.slice(0, match.index)) + 1 + fence;
}
