// Every rule kind, in the order the docs and the schema list them. A new kind is one file here
// and one line below; the schema, `fzcheck rules` and docs/rules.md pick it up.

import type { RuleKind } from '../types.js';
import { copiedTextKind } from './copied-text.js';
import { deadlineKind } from './deadline.js';
import { documentKindKind } from './document-kind.js';
import { forbidKind } from './forbid.js';
import { goalPhraseKind } from './goal-phrase.js';
import { headingNumberingKind } from './heading-numbering.js';
import { headingPunctuationKind } from './heading-punctuation.js';
import { mentionKind } from './mention.js';
import { metricKind } from './metric.js';
import { outlineCitationKind } from './outline-citation.js';
import { pairingKind } from './pairing.js';
import { paragraphEndKind } from './paragraph-end.js';
import { patternKind } from './pattern.js';
import { planFollowupKind } from './plan-followup.js';
import { ratesKind } from './rates.js';
import { repeatedFiguresKind } from './repeated-figures.js';
import { reportYearKind } from './report-year.js';
import { reportYearKnownKind } from './report-year-known.js';
import { sectionKind } from './section.js';
import { sectionOrderKind } from './section-order.js';
import { sharedParagraphsKind } from './shared-paragraphs.js';
import { substituteKind } from './substitute.js';
import { titlePartsKind } from './title-parts.js';

const KINDS: readonly RuleKind[] = [
  sectionKind,
  sectionOrderKind,
  mentionKind,
  metricKind,
  forbidKind,
  patternKind,
  substituteKind,
  pairingKind,
  paragraphEndKind,
  headingNumberingKind,
  headingPunctuationKind,
  reportYearKind,
  goalPhraseKind,
  outlineCitationKind,
  ratesKind,
  deadlineKind,
  documentKindKind,
  reportYearKnownKind,
  titlePartsKind,
  planFollowupKind,
  copiedTextKind,
  repeatedFiguresKind,
  sharedParagraphsKind,
];

/** All rule kinds by name. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((kind) => [kind.name, kind]));
