// The words segmentation must keep whole: the shipped domain dictionary plus the terms a run's
// packs add. A value made once per rule set and passed to everything that segments, so that two
// rule sets in one process (tests, workers) never see each other's terms.

import { shippedDomainTerms } from './domain-terms.js';

/** The domain terms of one rule set. */
export interface Lexicon {
  readonly terms: readonly string[]; // every domain term: shipped and added
  readonly added: readonly string[]; // terms the packs add beyond the shipped dictionary
}

/** The lexicon of the shipped dictionary plus `packTerms`. */
export function createLexicon(packTerms: readonly string[] = []): Lexicon {
  const shipped = shippedDomainTerms();
  const known = new Set(shipped);
  const added = [...new Set(packTerms)].filter((term) => !known.has(term));
  return { terms: added.length > 0 ? [...shipped, ...added] : shipped, added };
}
