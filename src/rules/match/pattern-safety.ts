// Load-time ReDoS screening of user patterns with safe-regex2 (star height and repetition count).
// It cannot parse lookbehinds or named groups, so those are turned into plain groups first: that
// keeps the structure it measures. A risky pattern is a warning, not an error;
// the document time budget (shared/budget.ts) is the backstop.

import { createRequire } from 'node:module';

type SafeRegex = (source: string) => boolean;

let safeRegex: SafeRegex | null = null;

/** Whether safe-regex2 considers a (rewritten, JavaScript) pattern source risky. */
export function isRiskyPattern(source: string): boolean {
  // Loaded on first use: only user packs are screened, so a normal run does not pay for it.
  safeRegex ??= createRequire(import.meta.url)('safe-regex2') as SafeRegex;
  const plain = source.replace(/\(\?<(?:[=!]|[A-Za-z_$][\w$]*>)/g, '(?:');
  return !safeRegex(plain);
}
