// A result without the texts every file's result repeats: each rule result carries its rule's
// title, short title, category, basis and hint, the same for every file. A worker drops them before
// it serialises a result (about a third of the bytes, and of the time serialising and reading it
// back) and this thread puts back its own copies — one copy of each text for the whole run.

import type { RuleSet } from '../rules/engine/compile-rules.js';
import type { FileResult, RuleResult } from '../shared/results.js';

type RuleTexts = Pick<RuleResult, 'title' | 'shortTitle' | 'category' | 'basis' | 'hint'>;
const TEXT_KEYS = ['title', 'shortTitle', 'category', 'basis', 'hint'] as const;
const TEXT_KEY_SET: ReadonlySet<string> = new Set(TEXT_KEYS);

/** The fixed texts of a rule set's rules, by rule id. */
export class RuleTextTable {
  private readonly texts = new Map<string, RuleTexts>();

  constructor(ruleSet: RuleSet) {
    for (const { spec } of ruleSet.rules) {
      this.texts.set(spec.id, {
        title: spec.title,
        shortTitle: spec.short ?? spec.title,
        category: spec.category,
        basis: spec.basis,
        hint: spec.hint ?? null,
      });
    }
  }

  /** The result with the texts that equal its rule's left out (marked, so that `restore` knows). */
  compact(result: FileResult): FileResult {
    if (result.results.length === 0) return result;
    const results = result.results.map((rule) => {
      const texts = this.texts.get(rule.ruleId);
      if (!texts || TEXT_KEYS.some((key) => rule[key] !== texts[key])) return rule;
      // Copied key by key, not spread and deleted from: an object that lost keys becomes a slow dictionary.
      const copy: Record<string, unknown> = { [COMPACT]: true };
      for (const key in rule) {
        if (!TEXT_KEY_SET.has(key)) copy[key] = (rule as unknown as Record<string, unknown>)[key];
      }
      return copy as unknown as RuleResult;
    });
    return { ...result, results };
  }

  /** The result with its rules' texts back. */
  restore(result: FileResult): FileResult {
    if (!result.results.some((rule) => (rule as unknown as Record<string, unknown>)[COMPACT])) return result;
    const results = result.results.map((rule) => {
      const marked = rule as unknown as Record<string, unknown>;
      if (!marked[COMPACT]) return rule;
      const copy: Record<string, unknown> = {};
      for (const key in marked) if (key !== COMPACT) copy[key] = marked[key];
      return Object.assign(copy, this.texts.get(rule.ruleId)) as unknown as RuleResult;
    });
    return { ...result, results };
  }
}

const COMPACT = '$compact';
