/**
 * The project's glossary: groups of terms that mean the same across languages, one group a line.
 *
 * ```yaml
 * - [服务网格, service mesh]
 * - [可观测性, observability]
 * ```
 *
 * Read here, checked loudly (file and line of each mistake), and filtered to the content by
 * `buildSearchAids`. A glossary that does not parse adds nothing to the bundle; the posts still
 * compile.
 */
import { isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from './diagnostics';
import { nodeReporter, yamlErrorMessage } from './yaml-diagnostics';

/** The glossary's text and the path it is reported under. */
export interface GlossarySource {
  file: string;
  text: string;
}

/** The glossary's groups, each as its terms are written, and what was wrong with it. */
export interface ParsedGlossary {
  groups: string[][];
  diagnostics: Diagnostic[];
}

/** How a group is written, for the messages. */
const EXAMPLE = '- [服务网格, service mesh]';

/** Reads the glossary's YAML into groups of terms; every mistake is a diagnostic at its line. */
export function parseGlossary({ file, text }: GlossarySource): ParsedGlossary {
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
          'glossary-syntax',
          file,
          `The glossary does not parse: ${message}. Write one group a line, as ${EXAMPLE}; quote terms that contain ':', '#', ',' or brackets. No glossary terms were added to the bundle.`,
          position?.line ?? null,
          position?.col ?? null,
        ),
      );
    }
    return { groups: [], diagnostics };
  }

  const root = document.contents;
  if (root === null) return { groups: [], diagnostics };
  if (!isSeq(root)) {
    report(
      'glossary-shape',
      `The glossary must be a list of groups, one a line, such as ${EXAMPLE}.`,
      root,
    );
    return { groups: [], diagnostics };
  }

  const groups: string[][] = [];
  for (const item of root.items) {
    if (!isSeq(item)) {
      report(
        'glossary-shape',
        `This entry is not a group of terms; write it as a list of the terms that mean the same, such as ${EXAMPLE}.`,
        item,
      );
      continue;
    }
    const terms: string[] = [];
    let valid = true;
    for (const term of item.items) {
      const value = isScalar(term) ? term.value : null;
      if (typeof value === 'string' && value.trim()) {
        terms.push(value.trim());
        continue;
      }
      valid = false;
      // The term as written: `5`, `c: d` (a pair inside [ ]), or nothing between two commas.
      const written = isNode(term) && term.range ? text.slice(term.range[0], term.range[1]) : '';
      report(
        'glossary-term',
        written.trim()
          ? `The term ${written.trim()} is not read as text; quote it: - ["${written.trim()}", …].`
          : 'A term of this group is empty; remove the extra comma.',
        isNode(term) ? term : item,
      );
    }
    if (!valid) continue;
    if (terms.length < 2) {
      report(
        'glossary-group-too-small',
        `A group needs two or more terms that mean the same, such as ${EXAMPLE}; this one has ${terms.length}, so it was left out.`,
        item,
        'warning',
      );
      continue;
    }
    groups.push(terms);
  }
  return { groups, diagnostics };
}
