// Segments text exactly as jieba with its full dictionary would, without building that dictionary
// (~0.15 s and ~55 MB). jieba without HMM picks, inside each block of text, the split with the
// highest sum of ln(freq) − ln(total) over its words, where the candidate words are the
// dictionary words occurring in the text and `total` is the sum of all frequencies. So a
// dictionary holding the words that occur in the text (more do no harm: a word that does not
// occur is never a candidate), plus one filler entry that brings the total up to the full
// dictionary's, gives jieba the same choices and the same scores. One such dictionary grows with
// the words of each text cut (jieba replaces a word's frequency when it is loaded again, the
// filler's too, and keeps the total right).
// The build writes every word with its frequency, sorted by UTF-8 bytes (so by code point), to
// dist/jieba-index.txt, the byte offset of each line to dist/jieba-index.offsets, and where the
// words of each first character begin to dist/jieba-index.heads. A search reads only the words
// of the characters the text holds, each character's once per process (~360 bytes on average,
// 49 KB for 一): reading the 5.6 MB whole cost ~8 ms of every start that cut a word.
// tests/segment/light-cut.test.ts compares the result with the full jieba line by line.

import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { packagePath } from '../shared/package-paths.js';

/** Where the build writes the sorted word list, its line offsets and each first character's first line. */
export const DICTIONARY_INDEX_PATH = packagePath('dist', 'jieba-index.txt');
export const DICTIONARY_OFFSETS_PATH = packagePath('dist', 'jieba-index.offsets');
export const DICTIONARY_HEADS_PATH = packagePath('dist', 'jieba-index.heads');

// Private-use characters never occur in report text, and jieba never puts them in a block.
const FILLER_WORD = '\uE000\uE001';
const TAB = 9;
const NEWLINE = 10;
const PREFIX = 1000; // compare(): the text is a proper prefix of the word

/**
 * The index files: "total" then "word\tfreq" lines sorted by UTF-8 bytes; the byte offset of each
 * line (uint32); and for each first character, its code point, the number of its first line and
 * that line's offset (three uint32), ending with (0x110000, the number of lines, the text's
 * length). In the byte order of the machine that builds them, which is the one that reads them.
 */
export function writeDictionaryIndex(frequencies: ReadonlyMap<string, number>): {
  text: Buffer;
  offsets: Buffer;
  heads: Buffer;
} {
  let total = 0;
  for (const [word, frequency] of frequencies) {
    // wordsIn reads the frequencies back as decimal digits, and finds words by their first character
    if (!Number.isSafeInteger(frequency) || frequency < 0) throw new Error(`${word}: frequency ${frequency}`);
    if (word.length === 0) throw new Error('an empty word');
    total += frequency;
  }
  const words = [...frequencies.keys()]
    .map((word) => Buffer.from(word))
    .sort(Buffer.compare)
    .map((bytes) => bytes.toString());
  const head = Buffer.from(`${total}\n`);
  const heads: number[] = [];
  const offsets = new Uint32Array(words.length);
  let at = head.length;
  const lines = words.map((word, i) => {
    const first = word.codePointAt(0) as number;
    if (heads.at(-3) !== first) heads.push(first, i, at);
    const line = Buffer.from(`${word}\t${frequencies.get(word)}\n`);
    offsets[i] = at;
    at += line.length;
    return line;
  });
  heads.push(0x110000, words.length, at);
  return {
    text: Buffer.concat([head, ...lines]),
    offsets: Buffer.from(offsets.buffer),
    heads: Buffer.from(new Uint32Array(heads).buffer),
  };
}

/** The lines of one first character's words: their bytes, and where each line starts in them. */
interface WordBlock {
  readonly bytes: Buffer;
  readonly starts: Uint32Array; // offsets in the index text
  readonly base: number; // the index text's offset of bytes[0]
}

/** Searchable view of the index files; reads each first character's words on first use. */
export class DictionaryIndex {
  readonly total: number;
  private readonly heads: Uint32Array;
  // Only characters that begin words: there are ~12,000, while a text may hold any of a million.
  private readonly blocks = new Map<number, WordBlock>();

  /** `text(from, to)` and `offsets(from, to)` give those files' bytes [from, to); `heads` is the heads file. */
  constructor(
    private readonly text: (from: number, to: number) => Buffer,
    private readonly offsets: (from: number, to: number) => Buffer,
    heads: Buffer,
  ) {
    this.heads = uint32View(heads);
    // The first character's words begin after the total's line (or the text ends there).
    this.total = Number(
      text(0, this.heads[2] as number)
        .toString()
        .trim(),
    );
  }

  /** Every dictionary word occurring in `text`, with its frequency. */
  wordsIn(text: string): Map<string, number> {
    const found = new Map<string, number>();
    const bytes = Buffer.from(text);
    // Byte offset of each UTF-16 index: a surrogate pair's second half shares the pair's offset,
    // a lone surrogate is written as U+FFFD (3 bytes), as Buffer.from writes it.
    const offsets = new Int32Array(text.length + 1);
    for (let i = 0, at = 0; i < text.length; i++) {
      offsets[i] = at;
      const code = text.charCodeAt(i);
      at +=
        code < 0x80 ? 1 : code < 0x800 ? 2 : pairStartsAt(text, i) ? 0 : pairStartsAt(text, i - 1) ? 4 : 3;
      offsets[i + 1] = at;
    }
    for (let start = 0; start < text.length; start++) {
      if (pairStartsAt(text, start - 1)) continue; // no word starts inside a character
      const block = this.blockOf(text.codePointAt(start) as number);
      if (!block) continue;
      // A longer candidate sorts after a shorter one with the same start: search on from there.
      let low = 0;
      for (let end = start + 1; end <= text.length; end++) {
        if (pairStartsAt(text, end - 1)) continue; // nor ends inside one
        const from = offsets[start] as number;
        const to = offsets[end] as number;
        low = lowerBound(block, bytes, from, to, low);
        if (low >= block.starts.length) break;
        const order = compare(block, low, bytes, from, to);
        if (order === 0) found.set(text.slice(start, end), frequencyAt(block, low));
        else if (order !== PREFIX) break; // no dictionary word begins this way
      }
    }
    return found;
  }

  /** The words beginning with `codePoint`, read on first use; null when none does. */
  private blockOf(codePoint: number): WordBlock | null {
    const known = this.blocks.get(codePoint);
    if (known) return known;
    // The heads are triples sorted by code point, the last one an end mark past every character.
    const heads = this.heads;
    let low = 0;
    let high = heads.length / 3 - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((heads[3 * mid] as number) < codePoint) low = mid + 1;
      else high = mid;
    }
    if (heads[3 * low] !== codePoint) return null;
    const at = 3 * low;
    const firstLine = heads[at + 1] as number;
    const base = heads[at + 2] as number;
    // The next character's first line and its offset: where this character's words end.
    const endLine = heads[at + 4] as number;
    const end = heads[at + 5] as number;
    const block = {
      bytes: this.text(base, end),
      starts: uint32View(this.offsets(4 * firstLine, 4 * endLine)),
      base,
    };
    this.blocks.set(codePoint, block);
    return block;
  }
}

/** The bytes as uint32s (copied when they do not start on a multiple of 4). */
function uint32View(bytes: Buffer): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

/** Whether text[i] and text[i + 1] are a surrogate pair (one character beyond U+FFFF). */
function pairStartsAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** The first line of `block` not sorting before text[from, to), searching from `low`. */
function lowerBound(block: WordBlock, text: Uint8Array, from: number, to: number, low: number): number {
  let high = block.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(block, mid, text, from, to) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Orders line `index` of `block` against text[from, to) by bytes: negative if the word sorts
 * before, 0 if equal, PREFIX if the text is a proper prefix of the word, else positive. Plain byte
 * loops: the words are short, and native calls per comparison cost more than the comparison.
 */
function compare(block: WordBlock, index: number, text: Uint8Array, from: number, to: number): number {
  const bytes = block.bytes;
  for (let p = (block.starts[index] as number) - block.base, q = from; ; p++, q++) {
    const wordByte = bytes[p] as number;
    if (wordByte === TAB) return q === to ? 0 : -1;
    if (q === to) return PREFIX;
    const difference = wordByte - (text[q] as number);
    if (difference !== 0) return difference;
  }
}

function frequencyAt(block: WordBlock, index: number): number {
  const bytes = block.bytes;
  let p = (block.starts[index] as number) - block.base;
  while (bytes[p] !== TAB) p++;
  let frequency = 0;
  for (p++; bytes[p] !== NEWLINE; p++) frequency = 10 * frequency + ((bytes[p] as number) - 48);
  return frequency;
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

/** The index written by the build (its text read a character's words at a time), or null without one. */
export function dictionaryIndex(): DictionaryIndex | null {
  if (loaded === undefined) {
    loaded = [DICTIONARY_INDEX_PATH, DICTIONARY_OFFSETS_PATH, DICTIONARY_HEADS_PATH].every((path) =>
      existsSync(path),
    )
      ? new DictionaryIndex(
          fileReader(DICTIONARY_INDEX_PATH),
          fileReader(DICTIONARY_OFFSETS_PATH),
          readFileSync(DICTIONARY_HEADS_PATH),
        )
      : null;
  }
  return loaded;
}

/** Reads byte ranges of a file kept open for the process (the index is read for as long as it runs). */
export function fileReader(path: string): (from: number, to: number) => Buffer {
  const fd = openSync(path, 'r');
  return (from, to) => {
    const bytes = Buffer.allocUnsafe(to - from);
    for (let read = 0; read < bytes.length; ) {
      const got = readSync(fd, bytes, read, bytes.length - read, from + read);
      if (got === 0) {
        closeSync(fd);
        throw new Error(`${path}: shorter than ${to} bytes`);
      }
      read += got;
    }
    return bytes;
  };
}
