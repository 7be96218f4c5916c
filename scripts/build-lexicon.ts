// Writes the segmentation data the build ships: dist/jieba-index.txt, .offsets and .heads (every dictionary
// word with its frequency, for exact cuts without loading the dictionary) and
// dist/boundary-lexicon.json:
// for every term the built-in rules match as a word, the dictionary words that could span its edges (see src/segment/boundary-lexicon.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { readBuiltinPackFiles } from '../src/config/load-packs.js';
import { RULE_KINDS } from '../src/rules/kinds/index.js';
import { BOUNDARY_LEXICON_PATH, buildBoundaryLexicon } from '../src/segment/boundary-lexicon.js';
import {
  DICTIONARY_HEADS_PATH,
  DICTIONARY_INDEX_PATH,
  DICTIONARY_OFFSETS_PATH,
  writeDictionaryIndex,
} from '../src/segment/dictionary-index.js';
import { parseDictionary, shippedDomainTerms, termFrequency } from '../src/segment/domain-terms.js';
import { jiebaDictionaryPath } from '../src/segment/jieba.js';

const { packs } = await readBuiltinPackFiles();
// The terms the built-in rules match as whole words, as each rule's kind declares them.
const terms = new Set(
  packs.flatMap((pack) => pack.rules.flatMap((rule) => RULE_KINDS.get(rule.kind)?.wordTerms?.(rule) ?? [])),
);
const dictionary = readFileSync(jiebaDictionaryPath(), 'utf8');
const words = [...parseDictionary(dictionary), ...shippedDomainTerms()];

// Frequencies as jieba holds them once the domain terms are loaded over its dictionary.
const frequencies = new Map<string, number>();
for (const line of dictionary.split('\n')) {
  const [word, frequency] = line.trim().split(/\s+/);
  if (word) frequencies.set(word, Number(frequency ?? 0));
}
for (const term of shippedDomainTerms()) frequencies.set(term, termFrequency(term));
const index = writeDictionaryIndex(frequencies);
writeFileSync(DICTIONARY_INDEX_PATH, index.text);
writeFileSync(DICTIONARY_OFFSETS_PATH, index.offsets);
writeFileSync(DICTIONARY_HEADS_PATH, index.heads);

const lexicon = buildBoundaryLexicon(words, [...terms]);
writeFileSync(BOUNDARY_LEXICON_PATH, JSON.stringify(lexicon));
const count = (edge: Record<string, readonly string[]>) =>
  Object.values(edge).reduce((n, list) => n + list.length, 0);
const crossers = Object.values(lexicon.terms).reduce((n, t) => n + count(t.start) + count(t.end), 0);
process.stdout.write(`boundary-lexicon.json: ${terms.size} 个词条，${crossers} 个跨界词\n`);
