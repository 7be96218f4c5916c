// The domain dictionary shipped with fzcheck (rules/dict/domain.txt): the field's terms jieba
// must keep whole. Read without loading jieba, which is the expensive part.

import { readFileSync } from 'node:fs';
import { packagePath } from '../shared/package-paths.js';

/** Path of the domain dictionary shipped with fzcheck. */
export const DOMAIN_DICTIONARY_PATH = packagePath('rules', 'dict', 'domain.txt');

let shipped: readonly string[] | null = null;

/** Words listed in a dictionary text ("词 频率 词性" per line, # comments). */
export function parseDictionary(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0] as string);
}

/** The shipped domain terms (read once). */
export function shippedDomainTerms(): readonly string[] {
  shipped ??= parseDictionary(readFileSync(DOMAIN_DICTIONARY_PATH, 'utf8'));
  return shipped;
}

/** Frequency given to a domain term: long compounds must beat any split of their parts. */
export function termFrequency(term: string): number {
  return term.length >= 4 ? 200000 : 20000;
}
