// Loads @node-rs/jieba with its full dictionary plus the domain dictionary in rules/dict/, once
// per process and only when a rule needs word boundaries: building the dictionary costs about
// 0.1 s (stack.md §2), more than the rest of a cold run.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

let instance: Jieba | null = null;
let domainTerms: ReadonlySet<string> | null = null;
let extraTerms: string[] = [];

/** Path of the domain dictionary shipped with fzcheck. */
export const DOMAIN_DICTIONARY_URL = new URL('../../rules/dict/domain.txt', import.meta.url);

/** Adds terms (from rule packs) to the domain dictionary; must be called before the first cut. */
export function addDomainTerms(terms: readonly string[]): void {
  if (instance) {
    instance.loadDict(Buffer.from(dictionaryLines(terms)));
    domainTerms = new Set([...(domainTerms ?? []), ...terms]);
  } else {
    extraTerms = [...extraTerms, ...terms];
  }
}

/** The jieba instance, loaded on first use. */
export function jieba(): Jieba {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const segmenter = JiebaClass.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    const domain = parseDictionary(readFileSync(DOMAIN_DICTIONARY_URL, 'utf8'));
    segmenter.loadDict(Buffer.from(dictionaryLines([...domain, ...extraTerms])));
    domainTerms = new Set([...domain, ...extraTerms]);
    instance = segmenter;
  }
  return instance;
}

/** Whether a word is in the domain dictionary (or was added by a pack). */
export function isDomainTerm(word: string): boolean {
  jieba();
  return domainTerms?.has(word) ?? false;
}

/** Words listed in a dictionary text ("词 频率 词性" per line, # comments). */
export function parseDictionary(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0] as string);
}

function dictionaryLines(terms: readonly string[]): string {
  return terms.map((term) => `${term} ${termFrequency(term)} n`).join('\n');
}

/** Frequency given to a domain term: long compounds must beat any split of their parts. */
export function termFrequency(term: string): number {
  return term.length >= 4 ? 200000 : 20000;
}
