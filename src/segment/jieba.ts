// jieba segmentation through @node-rs/jieba, with its full dictionary plus a lexicon's domain
// terms. Building that dictionary costs about 0.1 s, more than the rest of a cold run, so it
// happens only when needed: a run that segments a few lines cuts each with a tiny dictionary of
// the words that occur in it (exactly the same result, see dictionary-index.ts); one that keeps
// segmenting loads the full dictionary once per lexicon.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { dictionaryIndex } from './dictionary-index.js';
import { termFrequency } from './domain-terms.js';
import type { Lexicon } from './lexicon.js';

// A light cut costs about 7 µs a character (mostly finding the words), loading the full dictionary
// 0.15–0.2 s: after about this many characters it pays off. Word questions cut only the piece
// between two punctuation marks (word-index.ts), so a report needs a few dozen characters.
const LIGHT_CHARS_BEFORE_FULL = 25_000;

// Loaded dictionaries are expensive and never change: one per lexicon, kept for the process.
const loaded = new WeakMap<Lexicon, Jieba>();
let lightChars = 0;

/** Path of jieba's full dictionary. */
export function jiebaDictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** Segments `text` (hmm off) exactly as the full jieba with the lexicon's terms does. */
export function cutWords(text: string, lexicon: Lexicon): string[] {
  const full = loaded.get(lexicon);
  if (full) return full.cut(text, false);
  // The tiny dictionary knows only the shipped terms' frequencies: packs' own terms need the full one.
  const index = lexicon.added.length === 0 && lightChars < LIGHT_CHARS_BEFORE_FULL ? dictionaryIndex() : null;
  if (!index) return jiebaFor(lexicon).cut(text, false);
  lightChars += text.length;
  return jiebaClass()
    .withDict(Buffer.from(index.tinyDictionary(text)))
    .cut(text, false);
}

/** The jieba instance with the full dictionary and the lexicon's terms, loaded on first use. */
export function jiebaFor(lexicon: Lexicon): Jieba {
  let segmenter = loaded.get(lexicon);
  if (!segmenter) {
    segmenter = jiebaClass().withDict(readFileSync(jiebaDictionaryPath()));
    segmenter.loadDict(
      Buffer.from(lexicon.terms.map((term) => `${term} ${termFrequency(term)} n`).join('\n')),
    );
    loaded.set(lexicon, segmenter);
  }
  return segmenter;
}

/** Whether any full dictionary has been loaded in this process (for tests and the benchmark). */
export function isJiebaLoaded(lexicon: Lexicon): boolean {
  return loaded.has(lexicon);
}

function jiebaClass(): typeof Jieba {
  const require = createRequire(import.meta.url);
  return (require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba;
}
