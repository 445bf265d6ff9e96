/**
 * Cross-language terms: a query naming a glossary term also looks for the other terms of its
 * group, so `服务网格` finds talks titled "Service Mesh" and `observability` finds 可观测性.
 * The groups come from the project's glossary, filtered by the compiler to those the content uses.
 */
import { isHanRun, normalizeText, type CharacterFolds } from './encoder';

/** One glossary term, normalised, and the group it belongs to. */
interface Term {
  text: string;
  group: string[];
}

/** True when `term` occurs in `text` at `at` on word boundaries (Han text has none to keep). */
function onBoundaries(text: string, term: string, at: number): boolean {
  const end = at + term.length;
  const startsClean = at === 0 || text[at - 1] === ' ' || isHanRun(term);
  const endsClean = end === text.length || text[end] === ' ' || isHanRun(term.slice(-1));
  return startsClean && endsClean;
}

export class Glossary {
  private readonly terms: Term[];

  constructor(groups: readonly (readonly string[])[], folds: CharacterFolds) {
    this.terms = groups.flatMap((group) => {
      const normalized = group.map((term) => normalizeText(term, folds)).filter(Boolean);
      return normalized.map((text) => ({ text, group: normalized }));
    });
    // Longest first, so `service mesh interface` is swapped whole rather than as `service mesh`.
    this.terms.sort((a, b) => b.text.length - a.text.length);
  }

  /**
   * `query` (normalised) with one glossary term swapped for each other term of its group, e.g.
   * `istio 服务网格` → [`istio service mesh`]. Empty when the query names no glossary term.
   */
  alternatives(query: string): string[] {
    const found = new Set<string>();
    const swapped: string[] = [];
    for (const { text, group } of this.terms) {
      const at = query.indexOf(text);
      if (at === -1 || !onBoundaries(query, text, at)) continue;
      // A term inside a longer term already swapped (`mesh` in `service mesh`) adds nothing.
      if (swapped.some((longer) => longer.includes(text))) continue;
      swapped.push(text);
      for (const other of group) {
        if (other === text) continue;
        const spaced = (piece: string) => (isHanRun(piece) ? piece : ` ${piece} `);
        const alternative = `${query.slice(0, at)}${spaced(other)}${query.slice(at + text.length)}`;
        found.add(alternative.replace(/\s+/g, ' ').trim());
      }
    }
    return [...found];
  }
}
