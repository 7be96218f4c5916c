// Runs compiled rules over one document, in dependency order: applicability, scope, the check
// (a user rule under a time limit), post-processing of its findings, and the result.

import type { ReportDocument } from '../../parse/document.js';
import { WordIndex } from '../../segment/word-index.js';
import type { RuleResult } from '../../shared/results.js';
import type { TextRange } from '../../text/text-range.js';
import { insideAny } from '../kinds/shared/ranges.js';
import { findTerm } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledRule, LocatedSection, PreviousReport } from '../types.js';
import { notApplicable, scopeRanges } from './applicability.js';
import type { RuleSet } from './compile-rules.js';
import { postProcess } from './post-process.js';
import { CheckTimeoutError, runGuarded } from './run-guarded.js';
import { skippedResult, toResult } from './to-result.js';

/** Checks one document against a rule set, with last year's report of the same unit when there
 * is one (for the kinds that compare). Results keep the rule set's declaration order. */
export function runRules(
  doc: ReportDocument,
  ruleSet: RuleSet,
  previousDoc: ReportDocument | null = null,
): RuleResult[] {
  const words = new WordIndex(doc.folded.text, ruleSet.lexicon);
  const located = new Map<string, LocatedSection>();
  const bodyRanges = bodyRangesOf(doc);
  const previous = previousDoc ? previousReport(previousDoc, ruleSet) : null;
  const results: RuleResult[] = new Array(ruleSet.rules.length);
  for (const index of ruleSet.runOrder) {
    const rule = ruleSet.rules[index] as CompiledRule;
    const reason = notApplicable(rule.spec, doc);
    if (reason) {
      results[index] = skippedResult(rule, reason.messageId, reason.data);
      continue;
    }
    if (rule.kind.acrossBatch || (rule.kind.needsPrevious && !previous)) {
      results[index] = skippedResult(rule, rule.kind.acrossBatch ? 'engine.notBatch' : 'engine.noPrevious');
      continue;
    }
    const ranges = rule.kind.scoped ? scopeRanges(rule.spec, doc, bodyRanges, located) : bodyRanges;
    if (ranges === 'skip') {
      results[index] = skippedResult(rule, 'engine.noScope');
      continue;
    }
    const scope = ranges === 'fail' ? [] : ranges;
    const context: CheckContext = {
      doc,
      words,
      ranges: scope,
      body: bodyRanges,
      sections: located,
      previous,
      isExcepted: exceptionsOf(rule, doc, scope),
    };
    const outcome: CheckOutcome =
      ranges === 'fail' ? missingScope(rule, ruleSet, doc) : checkRule(rule, context);
    if (outcome.located) located.set(rule.spec.id, outcome.located);
    const findings = postProcess(outcome.findings);
    results[index] =
      rule.spec.disabled === true
        ? skippedResult(rule, 'engine.disabled')
        : outcome.skip
          ? skippedResult(rule, outcome.messageId, outcome.data, findings, doc)
          : toResult(rule, outcome, findings, doc);
  }
  return results;
}

function bodyRangesOf(doc: ReportDocument) {
  return doc.lines.filter((line) => line.role === 'body').map(({ start, end }) => ({ start, end }));
}

/**
 * Last year's report with its parts located: every `section` rule that applies to it runs on it
 * (in dependency order, as for this year's), and only their located sections are kept.
 */
function previousReport(doc: ReportDocument, ruleSet: RuleSet): PreviousReport {
  const words = new WordIndex(doc.folded.text, ruleSet.lexicon);
  const sections = new Map<string, LocatedSection>();
  const bodyRanges = bodyRangesOf(doc);
  for (const index of ruleSet.runOrder) {
    const rule = ruleSet.rules[index] as CompiledRule;
    if (rule.kind.name !== 'section' || notApplicable(rule.spec, doc)) continue;
    const outcome = rule.check.check({
      doc,
      words,
      ranges: bodyRanges,
      body: bodyRanges,
      sections,
      previous: null,
      isExcepted: () => false,
    });
    if (outcome.located) sections.set(rule.spec.id, outcome.located);
  }
  return { doc, words, sections };
}

/** Whether a range lies inside one of the rule's exception phrases (found on first use). */
function exceptionsOf(rule: CompiledRule, doc: ReportDocument, scope: readonly TextRange[]) {
  const phrases = rule.spec.exceptions ?? [];
  if (phrases.length === 0) return () => false;
  let found: TextRange[] | null = null;
  return (range: TextRange): boolean => {
    found ??= phrases.flatMap((text) => findTerm(doc, scope, text, null));
    return insideAny(range, found);
  };
}

/** Runs a rule's check; a user rule under a time limit, turned into an error finding when it runs out. */
function checkRule(rule: CompiledRule, context: CheckContext): CheckOutcome {
  if (!rule.guarded) return rule.check.check(context);
  try {
    return runGuarded(() => rule.check.check(context));
  } catch (error) {
    if (!(error instanceof CheckTimeoutError)) throw error;
    const at = context.doc.body.start;
    const data = { limit: error.limitMs };
    return {
      fraction: 0,
      messageId: 'engine.timeout',
      data,
      findings: [{ start: at, end: at, messageId: 'engine.timeout', data, level: 'error' }],
    };
  }
}

function missingScope(rule: CompiledRule, ruleSet: RuleSet, doc: ReportDocument): CheckOutcome {
  const id = (rule.spec.scope as { section: string }).section;
  const section = ruleSet.rules.find((other) => other.spec.id === id)?.spec.title ?? id;
  const at = doc.body.start;
  const data = { section };
  return {
    fraction: 0,
    messageId: 'engine.missingScope',
    data,
    findings: [{ start: at, end: at, messageId: 'engine.missingScope', data }],
  };
}
