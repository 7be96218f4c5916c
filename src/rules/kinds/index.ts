// Every rule kind, in the order the docs and the schema list them. A new kind is added here (one
// line each) and the schema, `fzcheck rules` and the docs pick it up.

import type { RuleKind } from '../types.js';
import { identityKind } from './identity.js';
import { mentionKind } from './mention.js';
import { sectionKind } from './section.js';

const KINDS: readonly RuleKind[] = [sectionKind, mentionKind, identityKind];

/** All rule kinds by name. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(KINDS.map((kind) => [kind.name, kind]));
