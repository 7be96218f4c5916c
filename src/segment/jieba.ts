// jieba segmentation through @node-rs/jieba, with its full dictionary plus a lexicon's domain
// terms. Building that dictionary costs about 0.15 s and 55 MB, more than the rest of a cold run,
// so it happens only when needed: a document that segments a few lines cuts them with one jieba
// whose dictionary holds just the words seen so far (exactly the same result, see
// dictionary-index.ts); a document that keeps segmenting loads the full dictionary once per
// lexicon. The choice is per document, not per process: counted per process, a batch of ordinary
// reports crossed the line after ~2,000 reports and its memory jumped by the dictionary's 55 MB.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { dictionaryIndex, GrowingDictionary } from './dictionary-index.js';
import { termFrequency } from './domain-terms.js';
import type { Lexicon } from './lexicon.js';

// A light cut costs a few µs a character (mostly finding the words), loading the full dictionary
// 0.15–0.2 s: after about this many characters of one document it pays off. Word questions cut
// only the piece between two punctuation marks (word-index.ts), so a report needs a few dozen.
const LIGHT_CHARS_BEFORE_FULL = 25_000;

// Loaded dictionaries are expensive and never change: one per lexicon, kept for the process.
const loaded = new WeakMap<Lexicon, Jieba>();
// The light jieba: one per process, its dictionary growing with the words of the texts it cuts.
// A jieba made per text is never freed by @node-rs/jieba (~2 KB each, measured), so none is.
let light: { readonly jieba: Jieba; readonly dictionary: GrowingDictionary } | null | undefined;

/** Characters a document has cut with the light jieba (each document counts its own). */
export interface CutTally {
  lightChars: number;
}

/** Path of jieba's full dictionary. */
export function jiebaDictionaryPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** Segments `text` (hmm off) exactly as the full jieba with the lexicon's terms does; `tally` is
 * the document's, which decides when the full dictionary is worth loading. */
export function cutWords(text: string, lexicon: Lexicon, tally: CutTally): string[] {
  const full = loaded.get(lexicon);
  if (full) return full.cut(text, false);
  // The index knows only the shipped terms' frequencies: packs' own terms need the full dictionary.
  const cutter =
    lexicon.added.length === 0 && tally.lightChars < LIGHT_CHARS_BEFORE_FULL ? lightJieba() : null;
  if (!cutter) return jiebaFor(lexicon).cut(text, false);
  tally.lightChars += text.length;
  cutter.jieba.loadDict(Buffer.from(cutter.dictionary.linesFor(text)));
  return cutter.jieba.cut(text, false);
}

/** The light jieba, or null without the build's dictionary index. */
function lightJieba(): typeof light {
  if (light === undefined) {
    const index = dictionaryIndex();
    light = index ? { jieba: new (jiebaClass())(), dictionary: new GrowingDictionary(index) } : null;
  }
  return light;
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
