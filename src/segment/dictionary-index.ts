// Segments text exactly as jieba with its full dictionary would, without building that dictionary
// (~0.15 s and ~55 MB). jieba without HMM picks, inside each block of text, the split with the
// highest sum of ln(freq) − ln(total) over its words, where the candidate words are the
// dictionary words occurring in the text and `total` is the sum of all frequencies. So a
// dictionary holding the words that occur in the text (more do no harm: a word that does not
// occur is never a candidate), plus one filler entry that brings the total up to the full
// dictionary's, gives jieba the same choices and the same scores. One such dictionary grows with
// the words of each text cut (jieba replaces a word's frequency when it is loaded again, the
// filler's too, and keeps the total right). The build writes every word with its frequency,
// sorted by UTF-8 bytes, to dist/jieba-index.txt and the byte offset of each line to
// dist/jieba-index.offsets; lookups are binary searches over the raw bytes.
// tests/segment/light-cut.test.ts compares the result with the full jieba line by line.

import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../shared/package-paths.js';

/** Where the build writes the sorted word list and its line offsets. */
export const DICTIONARY_INDEX_PATH = packagePath('dist', 'jieba-index.txt');
export const DICTIONARY_OFFSETS_PATH = packagePath('dist', 'jieba-index.offsets');

// Private-use characters never occur in report text, and jieba never puts them in a block.
const FILLER_WORD = '\uE000\uE001';
const TAB = 9;
const NEWLINE = 10;
const PREFIX = 1000; // compare(): the text is a proper prefix of the word

/** The index files: "total" then "word\tfreq" lines sorted by UTF-8 bytes, and the line offsets. */
export function writeDictionaryIndex(frequencies: ReadonlyMap<string, number>): {
  text: Buffer;
  offsets: Buffer;
} {
  let total = 0;
  for (const frequency of frequencies.values()) total += frequency;
  const words = [...frequencies.keys()]
    .map((word) => Buffer.from(word))
    .sort(Buffer.compare)
    .map((bytes) => bytes.toString());
  const head = Buffer.from(`${total}\n`);
  const lines = words.map((word) => Buffer.from(`${word}\t${frequencies.get(word)}\n`));
  const offsets = Buffer.alloc(lines.length * 4);
  let at = head.length;
  lines.forEach((line, i) => {
    offsets.writeInt32LE(at, i * 4);
    at += line.length;
  });
  return { text: Buffer.concat([head, ...lines]), offsets };
}

/** Binary-searchable view of the index files. */
export class DictionaryIndex {
  private readonly starts: Int32Array;
  readonly total: number;

  constructor(
    private readonly bytes: Buffer,
    offsets: Buffer,
  ) {
    this.total = Number(bytes.subarray(0, bytes.indexOf(NEWLINE)).toString());
    this.starts = new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length / 4);
  }

  /** Every dictionary word occurring in `text`, with its frequency. */
  wordsIn(text: string): Map<string, number> {
    const found = new Map<string, number>();
    const bytes = Buffer.from(text);
    // Byte offset of each UTF-16 index (a surrogate pair's second half shares the pair's offset).
    const offsets = new Int32Array(text.length + 1);
    for (let i = 0, at = 0; i < text.length; i++) {
      offsets[i] = at;
      const code = text.charCodeAt(i);
      at +=
        code < 0x80
          ? 1
          : code < 0x800
            ? 2
            : code >= 0xd800 && code <= 0xdbff
              ? 0
              : code >= 0xdc00 && code <= 0xdfff
                ? 4
                : 3;
      offsets[i + 1] = at;
    }
    for (let start = 0; start < text.length; start++) {
      // A longer candidate sorts after a shorter one with the same start: search on from there.
      let low = 0;
      for (let end = start + 1; end <= text.length; end++) {
        const from = offsets[start] as number;
        const to = offsets[end] as number;
        low = this.lowerBound(bytes, from, to, low);
        if (low >= this.starts.length) break;
        const order = this.compare(low, bytes, from, to);
        if (order === 0) found.set(text.slice(start, end), this.frequencyAt(low));
        else if (order !== PREFIX) break; // no dictionary word begins this way
      }
    }
    return found;
  }

  private lowerBound(text: Uint8Array, from: number, to: number, low: number): number {
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(mid, text, from, to) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Orders word `index` against text[from, to) by bytes: negative if the word sorts before,
   * 0 if equal, PREFIX if the text is a proper prefix of the word, else positive. Plain byte
   * loops: the words are short, and native calls per comparison cost more than the comparison.
   */
  private compare(index: number, text: Uint8Array, from: number, to: number): number {
    let p = this.starts[index] as number;
    for (let q = from; ; p++, q++) {
      const wordByte = this.bytes[p] as number;
      if (wordByte === TAB) return q === to ? 0 : -1;
      if (q === to) return PREFIX;
      const difference = wordByte - (text[q] as number);
      if (difference !== 0) return difference;
    }
  }

  private frequencyAt(index: number): number {
    const tab = this.bytes.indexOf(TAB, this.starts[index] as number);
    return Number(this.bytes.subarray(tab + 1, this.bytes.indexOf(NEWLINE, tab)).toString());
  }
}

/**
 * The words a growing jieba dictionary holds, from the index: `linesFor(text)` gives the lines to
 * load before cutting `text` — the words of the text not loaded yet, and the filler that brings
 * the total back to the full dictionary's.
 */
export class GrowingDictionary {
  private readonly loaded = new Set<string>();
  private sum = 0;

  constructor(private readonly index: DictionaryIndex) {}

  /** jieba dictionary lines to load before cutting `text`. */
  linesFor(text: string): string {
    const lines: string[] = [];
    for (const [word, frequency] of this.index.wordsIn(text)) {
      if (this.loaded.has(word)) continue;
      this.loaded.add(word);
      this.sum += frequency;
      lines.push(`${word} ${frequency}`);
    }
    lines.push(`${FILLER_WORD} ${Math.max(0, this.index.total - this.sum)}`);
    return lines.join('\n');
  }
}

let loaded: DictionaryIndex | null | undefined;

/** The index written by the build, or null without one. */
export function dictionaryIndex(): DictionaryIndex | null {
  if (loaded === undefined) {
    loaded =
      existsSync(DICTIONARY_INDEX_PATH) && existsSync(DICTIONARY_OFFSETS_PATH)
        ? new DictionaryIndex(readFileSync(DICTIONARY_INDEX_PATH), readFileSync(DICTIONARY_OFFSETS_PATH))
        : null;
  }
  return loaded;
}
