// jieba segmentation through @node-rs/jieba, with its full dictionary plus the domain terms.
// Building that dictionary costs about 0.1 s, more than the rest of a cold run, so
// it happens only when needed: a run that segments a few lines cuts each with a tiny dictionary
// of the words that occur in it (exactly the same result, see dictionary-index.ts); one that keeps
// segmenting loads the full dictionary once.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { dictionaryIndex } from './dictionary-index.js';
import { addedDomainTerms, domainTerms, onTermsAdded, termFrequency } from './domain-terms.js';

// A light cut costs ~0.5 ms, loading the full dictionary ~0.1 s: after this many, it pays off.
const LIGHT_CUTS_BEFORE_FULL = 200;

let instance: Jieba | null = null;
let lightCuts = 0;

/** Path of jieba's full dictionary. */
export function jiebaDictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** Segments `text` (hmm off) exactly as the full jieba does. */
export function cutWords(text: string): string[] {
  const index = instance || addedDomainTerms().length > 0 ? null : dictionaryIndex();
  if (!index || lightCuts >= LIGHT_CUTS_BEFORE_FULL) return jieba().cut(text, false);
  lightCuts++;
  return jiebaClass()
    .withDict(Buffer.from(index.tinyDictionary(text)))
    .cut(text, false);
}

/** The jieba instance with the full dictionary, loaded on first use. */
export function jieba(): Jieba {
  if (!instance) {
    const segmenter = jiebaClass().withDict(readFileSync(jiebaDictionaryPath()));
    segmenter.loadDict(Buffer.from(dictionaryLines(domainTerms())));
    onTermsAdded((terms) => segmenter.loadDict(Buffer.from(dictionaryLines(terms))));
    instance = segmenter;
  }
  return instance;
}

/** Whether the full dictionary has been loaded in this process (for tests and the benchmark). */
export function isJiebaLoaded(): boolean {
  return instance !== null;
}

function jiebaClass(): typeof Jieba {
  const require = createRequire(import.meta.url);
  return (require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba;
}

/** Dictionary lines for domain terms ("词 词频 词性"). */
function dictionaryLines(terms: readonly string[]): string {
  return terms.map((term) => `${term} ${termFrequency(term)} n`).join('\n');
}
