// Settles most word-boundary questions without loading jieba. jieba (without HMM) only joins
// characters across a position when a dictionary word spans it. So for each term the built-in
// rules match as a word we list, at build time, the dictionary words that could span its start or
// its end, split at that edge. At run time, if none of them occurs around an occurrence, both of
// its ends are certainly token boundaries; otherwise jieba decides. tests/segment checks this
// against jieba itself.

import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../shared/package-paths.js';

/** Dictionary words spanning one edge of a term, split there: the part on the term's side → the other parts. */
export type EdgeCrossers = Readonly<Record<string, readonly string[]>>;

/** Words spanning a term's start (keyed by the part after the edge) and end (keyed by the part before). */
export interface TermCrossers {
  readonly start: EdgeCrossers;
  readonly end: EdgeCrossers;
}

/** Crossers for every term the built-in rules match as words. */
export interface BoundaryLexicon {
  readonly terms: Readonly<Record<string, TermCrossers>>;
}

/** Where the build writes the lexicon. */
export const BOUNDARY_LEXICON_PATH = packagePath('dist', 'boundary-lexicon.json');

let loaded: BoundaryLexicon | null | undefined;

/** The lexicon written by the build, or null when there is none (then jieba decides everything). */
export function boundaryLexicon(): BoundaryLexicon | null {
  if (loaded === undefined) {
    loaded = existsSync(BOUNDARY_LEXICON_PATH)
      ? (JSON.parse(readFileSync(BOUNDARY_LEXICON_PATH, 'utf8')) as BoundaryLexicon)
      : null;
  }
  return loaded;
}

/** Computes the crossers of `terms` among dictionary `words` (run by the build). */
export function buildBoundaryLexicon(words: Iterable<string>, terms: readonly string[]): BoundaryLexicon {
  const byFirst = groupBy(terms, (term) => term[0] as string);
  const byLast = groupBy(terms, (term) => term.at(-1) as string);
  const start = new Map<string, Map<string, Set<string>>>();
  const end = new Map<string, Map<string, Set<string>>>();
  const add = (table: Map<string, Map<string, Set<string>>>, term: string, key: string, other: string) => {
    const byKey = table.get(term) ?? new Map<string, Set<string>>();
    table.set(term, byKey);
    const others = byKey.get(key) ?? new Set<string>();
    byKey.set(key, others);
    others.add(other);
  };
  for (const word of words) {
    for (let i = 1; i < word.length; i++) {
      const before = word.slice(0, i);
      const after = word.slice(i);
      for (const term of byFirst.get(after[0] as string) ?? []) {
        if (term.startsWith(after) || after.startsWith(term)) add(start, term, after, before);
      }
      for (const term of byLast.get(before.at(-1) as string) ?? []) {
        if (term.endsWith(before) || before.endsWith(term)) add(end, term, before, after);
      }
    }
  }
  const plain = (table: Map<string, Set<string>> | undefined) =>
    Object.fromEntries([...(table ?? [])].map(([key, others]) => [key, [...others].sort()]));
  return {
    terms: Object.fromEntries(
      terms.map((term) => [term, { start: plain(start.get(term)), end: plain(end.get(term)) }]),
    ),
  };
}

/** True when no dictionary word spans the start of a term occurring at `position`. */
export function isStartCertain(text: string, position: number, crossers: EdgeCrossers): boolean {
  for (const [after, befores] of Object.entries(crossers)) {
    if (!text.startsWith(after, position)) continue;
    for (const before of befores)
      if (position >= before.length && text.startsWith(before, position - before.length)) return false;
  }
  return true;
}

/** True when no dictionary word spans the end of a term ending at `position`. */
export function isEndCertain(text: string, position: number, crossers: EdgeCrossers): boolean {
  for (const [before, afters] of Object.entries(crossers)) {
    if (position < before.length || !text.startsWith(before, position - before.length)) continue;
    for (const after of afters) if (text.startsWith(after, position)) return false;
  }
  return true;
}

function groupBy(items: readonly string[], key: (item: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
