// Loads @node-rs/jieba with its full dictionary plus the domain terms, once per process and only
// when a word boundary cannot be settled without it: building the dictionary costs about 0.1 s
// (stack.md §2), more than the rest of a cold run.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { domainTerms, onTermsAdded, termFrequency } from './domain-terms.js';

let instance: Jieba | null = null;

/** Path of jieba's full dictionary. */
export function jiebaDictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** The jieba instance, loaded on first use. */
export function jieba(): Jieba {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const segmenter = JiebaClass.withDict(readFileSync(jiebaDictionaryPath()));
    segmenter.loadDict(Buffer.from(dictionaryLines(domainTerms())));
    onTermsAdded((terms) => segmenter.loadDict(Buffer.from(dictionaryLines(terms))));
    instance = segmenter;
  }
  return instance;
}

/** Whether jieba has been loaded in this process (for tests and the benchmark). */
export function isJiebaLoaded(): boolean {
  return instance !== null;
}

function dictionaryLines(terms: readonly string[]): string {
  return terms.map((term) => `${term} ${termFrequency(term)} n`).join('\n');
}
