/**
 * Diagnostics for the YAML files the compiler reads (front matter, the glossary, the speakers
 * file), so that every one of them points at a line the author can open.
 */
import { isNode, type LineCounter, type YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, type Severity } from './diagnostics';

/**
 * The first line of a parser error, without the parser's own `at line N, column M`: that counts
 * from the start of the YAML text, which is not always the start of the file.
 */
export function yamlErrorMessage(error: YAMLError): string {
  return (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Records a mistake found in a YAML node, at the node's line and column. */
export type NodeReport = (
  code: string,
  message: string,
  node: unknown,
  severity?: Severity,
) => void;

/** A `NodeReport` that adds to `diagnostics`, placing each at its node (line 1 when unknown). */
export function nodeReporter(
  file: string,
  lineCounter: LineCounter,
  diagnostics: Diagnostic[],
): NodeReport {
  return (code, message, node, severity = 'error') => {
    const where = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : null;
    diagnostics.push(
      diagnostic(severity, code, file, message, where?.line ?? 1, where?.col ?? null),
    );
  };
}
