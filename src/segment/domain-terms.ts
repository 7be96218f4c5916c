// The domain dictionary (rules/dict/domain.txt) plus terms rule packs add: the words jieba must
// keep whole. Read without loading jieba, which is the expensive part.

import { readFileSync } from 'node:fs';
import { packagePath } from '../shared/package-paths.js';

/** Path of the domain dictionary shipped with fzcheck. */
export const DOMAIN_DICTIONARY_PATH = packagePath('rules', 'dict', 'domain.txt');

let shipped: readonly string[] | null = null;
const added: string[] = [];
const listeners: Array<(terms: readonly string[]) => void> = [];

/** Words listed in a dictionary text ("词 频率 词性" per line, # comments). */
export function parseDictionary(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0] as string);
}

/** The shipped domain terms. */
export function shippedDomainTerms(): readonly string[] {
  shipped ??= parseDictionary(readFileSync(DOMAIN_DICTIONARY_PATH, 'utf8'));
  return shipped;
}

/** Terms added by rule packs (their `dictionary` lists). */
export function addedDomainTerms(): readonly string[] {
  return added;
}

/** All domain terms. */
export function domainTerms(): readonly string[] {
  return [...shippedDomainTerms(), ...added];
}

/** Adds terms from rule packs; a loaded segmenter is told through `onTermsAdded`. */
export function addDomainTerms(terms: readonly string[]): void {
  const fresh = terms.filter((term) => !added.includes(term) && !shippedDomainTerms().includes(term));
  if (fresh.length === 0) return;
  added.push(...fresh);
  for (const listener of listeners) listener(fresh);
}

/** Registers a callback for terms added later. */
export function onTermsAdded(listener: (terms: readonly string[]) => void): void {
  listeners.push(listener);
}

/** Frequency given to a domain term: long compounds must beat any split of their parts. */
export function termFrequency(term: string): number {
  return term.length >= 4 ? 200000 : 20000;
}
