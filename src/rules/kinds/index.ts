// Every rule kind, in the order the docs and the schema list them. A new kind is added here (one
// line each) and the schema, `fzcheck rules` and the docs pick it up.

import type { RuleKind } from '../types.js';
import { consistencyKind } from './consistency.js';
import { deadlineKind } from './deadline.js';
import { forbidKind } from './forbid.js';
import { identityKind } from './identity.js';
import { mentionKind } from './mention.js';
import { metricKind } from './metric.js';
import { pairingKind } from './pairing.js';
import { paragraphEndKind } from './paragraph-end.js';
import { patternKind } from './pattern.js';
import { sectionKind } from './section.js';
import { structureKind } from './structure.js';
import { substituteKind } from './substitute.js';

const KINDS: readonly RuleKind[] = [
  sectionKind,
  mentionKind,
  metricKind,
  forbidKind,
  patternKind,
  substituteKind,
  structureKind,
  consistencyKind,
  deadlineKind,
  identityKind,
  pairingKind,
  paragraphEndKind,
];

/** All rule kinds by name. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((kind) => [kind.name, kind]));
