// Every rule kind, in the order the docs and the schema list them. Add a kind here and in
// scripts/build-schema.ts picks it up.

import type { RuleKind } from '../types.js';
import { forbidKind } from './forbid.js';
import { mentionKind } from './mention.js';
import { pairingKind } from './pairing.js';
import { paragraphEndKind } from './paragraph-end.js';
import { patternKind } from './pattern.js';
import { sectionKind } from './section.js';
import { structureKind } from './structure.js';
import { substituteKind } from './substitute.js';

/** All rule kinds by name. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(
  [
    sectionKind,
    mentionKind,
    forbidKind,
    patternKind,
    substituteKind,
    structureKind,
    pairingKind,
    paragraphEndKind,
  ].map((kind) => [kind.name, kind]),
);
