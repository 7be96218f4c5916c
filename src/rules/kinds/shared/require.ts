// The `require` option of kinds that list items (mention, metric): every item, any one, or at
// least N of them; partial credit is the share found.

import type { ReportProblem } from '../../types.js';

/** How many listed items a rule needs: every one, any one, or at least N. */
export type RequireOption = 'all' | 'any' | number;

/** The JSON Schema of a `require` option. */
export const REQUIRE_OPTION_SCHEMA = {
  description: "'all'、'any' 或至少 N 项",
  oneOf: [{ enum: ['all', 'any'] }, { type: 'integer', minimum: 1 }],
};

/** Reports a `require: N` larger than the number of listed items; true when it is fine. */
export function checkRequire(
  require: RequireOption | undefined,
  listed: number,
  problem: ReportProblem,
): boolean {
  if (typeof require !== 'number' || require <= listed) return true;
  problem(['require'], `require 为 ${require}，但只列了 ${listed} 项`);
  return false;
}

/** The number of items that earns full credit. */
export function requiredCount(require: RequireOption | undefined, listed: number): number {
  return require === undefined || require === 'all' ? listed : require === 'any' ? 1 : require;
}

/** The message id for items found: all of them, enough of them, too few, or none. */
export function coverageMessageId(
  require: RequireOption | undefined,
  found: number,
  required: number,
): string {
  if (found >= required) return require === undefined || require === 'all' ? 'allFound' : 'enoughFound';
  if (typeof require === 'number') return found === 0 ? 'noneOfAtLeast' : 'tooFew';
  return found === 0 ? 'missing' : 'someMissing';
}
