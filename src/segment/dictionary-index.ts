// Segments a short text exactly as jieba with its full dictionary would, without building that
// dictionary (~0.1 s). jieba without HMM picks, inside each block of text, the split with the
// highest sum of ln(freq) − ln(total) over its words, where the candidate words are the
// dictionary words occurring in the text and `total` is the sum of all frequencies. So a tiny
// dictionary holding just the words that occur in the text, plus one filler entry that brings the
// total up to the full dictionary's, gives jieba the same choices and the same scores. The build
// writes every word with its frequency, sorted, to dist/jieba-index.txt; lookups are binary
// searches. tests/segment/light-cut.test.ts compares the result with the full jieba line by line.

import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

/** Where the build writes the sorted word list. */
export const DICTIONARY_INDEX_PATH = packagePath('dist', 'jieba-index.txt');

// Private-use characters never occur in report text, and jieba never puts them in a block.
const FILLER_WORD = '\uE000\uE001';

/** The index file: the total frequency on the first line, then "word\tfreq" lines sorted by word. */
export function writeDictionaryIndex(frequencies: ReadonlyMap<string, number>): string {
  let total = 0;
  for (const frequency of frequencies.values()) total += frequency;
  const words = [...frequencies.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${total}\n${words.map((word) => `${word}\t${frequencies.get(word)}`).join('\n')}\n`;
}

/** Binary-searchable view of the index file. */
export class DictionaryIndex {
  private readonly starts: Int32Array;
  readonly total: number;

  constructor(private readonly text: string) {
    const firstNewline = text.indexOf('\n');
    this.total = Number(text.slice(0, firstNewline));
    const starts: number[] = [];
    for (let at = firstNewline + 1; at < text.length; at = text.indexOf('\n', at) + 1) {
      starts.push(at);
      if (text.indexOf('\n', at) < 0) break;
    }
    this.starts = Int32Array.from(starts);
  }

  /** Every dictionary word occurring in `text`, with its frequency. */
  wordsIn(text: string): Map<string, number> {
    const found = new Map<string, number>();
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const candidate = text.slice(start, end);
        const at = this.lowerBound(candidate);
        if (at >= this.starts.length) break;
        const word = this.wordAt(at);
        if (word === candidate) found.set(word, this.frequencyAt(at));
        else if (!word.startsWith(candidate)) break; // no longer word begins this way
      }
    }
    return found;
  }

  /** A jieba dictionary text for `text`: its words and the filler that restores the total. */
  tinyDictionary(text: string): string {
    const words = this.wordsIn(text);
    let sum = 0;
    const lines: string[] = [];
    for (const [word, frequency] of words) {
      sum += frequency;
      lines.push(`${word} ${frequency}`);
    }
    lines.push(`${FILLER_WORD} ${Math.max(0, this.total - sum)}`);
    return lines.join('\n');
  }

  private lowerBound(candidate: string): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.wordAt(mid) < candidate) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private wordAt(index: number): string {
    const start = this.starts[index] as number;
    return this.text.slice(start, this.text.indexOf('\t', start));
  }

  private frequencyAt(index: number): number {
    const start = this.starts[index] as number;
    const tab = this.text.indexOf('\t', start);
    return Number(this.text.slice(tab + 1, this.text.indexOf('\n', tab)));
  }
}

let loaded: DictionaryIndex | null | undefined;

/** The index written by the build, or null without one. */
export function dictionaryIndex(): DictionaryIndex | null {
  if (loaded === undefined) {
    loaded = existsSync(DICTIONARY_INDEX_PATH)
      ? new DictionaryIndex(readFileSync(DICTIONARY_INDEX_PATH, 'utf8'))
      : null;
  }
  return loaded;
}
