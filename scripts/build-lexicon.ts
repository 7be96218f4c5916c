// Writes dist/boundary-lexicon.json: for every term the built-in rules match as a word, the dictionary words that could span its edges (see src/segment/boundary-lexicon.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { readBuiltinPackFiles } from '../src/config/load-packs.js';
import { BOUNDARY_LEXICON_PATH, buildBoundaryLexicon } from '../src/segment/boundary-lexicon.js';
import { parseDictionary, shippedDomainTerms } from '../src/segment/domain-terms.js';
import { jiebaDictionaryPath } from '../src/segment/jieba.js';

/** Every string listed under a `terms` key anywhere in a value. */
function termsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) termsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'terms' && Array.isArray(child))
        for (const term of child) if (typeof term === 'string') found.add(term);
      termsIn(child, found);
    }
  }
}

const { packs } = await readBuiltinPackFiles();
const terms = new Set<string>();
termsIn(packs, terms);
const words = [...parseDictionary(readFileSync(jiebaDictionaryPath(), 'utf8')), ...shippedDomainTerms()];
const lexicon = buildBoundaryLexicon(words, [...terms]);
writeFileSync(BOUNDARY_LEXICON_PATH, JSON.stringify(lexicon));
const count = (edge: Record<string, readonly string[]>) =>
  Object.values(edge).reduce((n, list) => n + list.length, 0);
const crossers = Object.values(lexicon.terms).reduce((n, t) => n + count(t.start) + count(t.end), 0);
process.stdout.write(`boundary-lexicon.json: ${terms.size} 个词条，${crossers} 个跨界词\n`);
