// The dictionary index, read one first character's words at a time, must find exactly the words a
// plain search finds, with their frequencies: for characters beyond U+FFFF, lone surrogates, and
// the first and last words of the file.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DictionaryIndex, fileReader, writeDictionaryIndex } from '../../src/segment/dictionary-index.js';

const dir = mkdtempSync(join(tmpdir(), 'fzcheck-dictionary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An index of `frequencies` written to files and opened from them. */
function indexOf(frequencies: ReadonlyMap<string, number>): DictionaryIndex {
  const { text, offsets, heads } = writeDictionaryIndex(frequencies);
  const path = join(dir, `index-${frequencies.size}`);
  writeFileSync(`${path}.txt`, text);
  writeFileSync(`${path}.offsets`, offsets);
  return new DictionaryIndex(fileReader(`${path}.txt`), fileReader(`${path}.offsets`), heads);
}

/** Every substring of `text` (whole characters) that is a key of `frequencies`, the plain way. */
function wordsByHand(text: string, frequencies: ReadonlyMap<string, number>): Map<string, number> {
  const found = new Map<string, number>();
  const characters = [...text];
  for (let start = 0; start < characters.length; start++)
    for (let end = start + 1; end <= characters.length; end++) {
      const word = characters.slice(start, end).join('');
      const frequency = frequencies.get(word);
      if (frequency !== undefined) found.set(word, frequency);
    }
  return found;
}

const sorted = (words: Map<string, number>) => [...words].sort(([a], [b]) => (a < b ? -1 : 1));

// Thousands of words made of a few characters, so that texts of those characters hold many of them.
const ALPHABET = ['法', '治', '政', '府', '建', '设', 'a', '𠀀'];
const many = new Map<string, number>();
for (let i = 0; many.size < 6000; i++) {
  let word = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / ALPHABET.length)) word += ALPHABET[n % ALPHABET.length];
  many.set(word, (i * 7919) % 100000);
}

describe('paged dictionary index', () => {
  const index = indexOf(many);

  it('knows the total of the frequencies', () => {
    expect(index.total).toBe([...many.values()].reduce((a, b) => a + b, 0));
  });

  it.each([
    '法治政府建设',
    '建设法治政府a𠀀法法治治',
    '府府府设设设aaa𠀀𠀀',
    'x法y治z',
    '法\uD800治\uDC00政府',
    '',
  ])('finds the words of %j as a plain search does', (text) => {
    expect(sorted(index.wordsIn(text))).toEqual(sorted(wordsByHand(text, many)));
  });

  it('finds the first and the last word of the file', () => {
    const words = [...many.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const word of [words[0] as string, words.at(-1) as string])
      expect(index.wordsIn(word).get(word)).toBe(many.get(word));
  });

  it('refuses a frequency it could not read back, and an empty word', () => {
    expect(() => writeDictionaryIndex(new Map([['法治', 1.5]]))).toThrow(/frequency/);
    expect(() => writeDictionaryIndex(new Map([['', 1]]))).toThrow(/empty/);
  });
});
