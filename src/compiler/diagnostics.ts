/** Diagnostics are data: every step returns them, and only the CLI prints them. */

/** How bad a diagnostic is: errors fail the build, warnings only under `--strict`. */
export type Severity = 'error' | 'warning';

/** One finding about one place in one source file. */
export interface Diagnostic {
  severity: Severity;
  /** A short stable kebab-case name, e.g. 'yaml-syntax', used in the report's counts. */
  code: string;
  /** Path relative to the content root, '/' separators. */
  file: string;
  /** 1-based line in the source file, when known. */
  line: number | null;
  /** 1-based column, when known. */
  column: number | null;
  /** What is wrong, and what to write instead. */
  message: string;
}

/** Builds a diagnostic; `line` and `column` default to unknown. */
export function diagnostic(
  severity: Severity,
  code: string,
  file: string,
  message: string,
  line: number | null = null,
  column: number | null = null,
): Diagnostic {
  return { severity, code, file, line, column, message };
}

/** `file:line:col`, as editors and terminals link it. */
export function formatLocation(item: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (item.line === null) return item.file;
  return item.column === null
    ? `${item.file}:${item.line}`
    : `${item.file}:${item.line}:${item.column}`;
}
