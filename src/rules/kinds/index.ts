// Every rule kind, in the order the docs and the schema list them. Add a kind here and in
// scripts/build-schema.ts picks it up.

import type { RuleKind } from '../types.js';
import { consistencyKind } from './consistency.js';
import { deadlineKind } from './deadline.js';
import { mentionKind } from './mention.js';
import { metricKind } from './metric.js';
import { sectionKind } from './section.js';

/** All rule kinds by name. */
export const RULE_KINDS: ReadonlyMap<string, RuleKind> = new Map(
  [sectionKind, mentionKind, metricKind, consistencyKind, deadlineKind].map((kind) => [kind.name, kind]),
);
