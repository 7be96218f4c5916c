// Runs compiled rules over one document, in dependency order: applicability, scope, the check
// (under the document's time budget), post-processing of its findings, and the result.

import type { ReportDocument } from '../../parse/document.js';
import { WordIndex } from '../../segment/word-index.js';
import { Budget, isSmall, nowMs, OverBudgetError } from '../../shared/budget.js';
import type { RuleResult } from '../../shared/results.js';
import type { TextRange } from '../../text/text-range.js';
import { Containers } from '../kinds/shared/ranges.js';
import { findTerm } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledRule, LocatedSection, PreviousReport } from '../types.js';
import { notApplicable, scopeRanges } from './applicability.js';
import type { RuleSet } from './compile-rules.js';
import { postProcess } from './post-process.js';
import { skippedResult, toResult } from './to-result.js';

/**
 * Checks one document against a rule set. Results keep the rule set's declaration order. Built-in
 * and user rules draw from one time budget. Built-in rules run first, in one step: when the time
 * runs out there, the document fails (OverBudgetError). A user rule that runs out of time is
 * stopped and reported as failed, the user rules after it are not run, and it is not run again
 * for the rest of the run (nor is any other user rule flagged at load as risking backtracking);
 * a user rule that is merely slow on a document (SLOW_USER_RULE_MS, or the flagged ones together
 * over their allowance, of which each is given only what is left) keeps its result there and is
 * stopped for the rest of the run too.
 * Last year's report of the same unit, when there is one, is there for the kinds that compare.
 */
export function runRules(
  doc: ReportDocument,
  ruleSet: RuleSet,
  previousDoc: ReportDocument | null = null,
  budget = new Budget(),
): RuleResult[] {
  const previous = previousDoc ? previousReport(previousDoc, ruleSet) : null;
  const run = new DocumentRun(doc, ruleSet, previous);
  const results: RuleResult[] = new Array(ruleSet.rules.length);
  const builtins = ruleSet.runOrder.filter((index) => !ruleSet.rules[index]?.userRule);
  const users = ruleSet.runOrder.filter((index) => ruleSet.rules[index]?.userRule);
  budget.run(() => {
    for (const index of builtins) {
      const rule = ruleSet.rules[index] as CompiledRule;
      budget.step = `规则“${rule.spec.id}”`;
      results[index] = run.check(rule);
    }
  }, !isSmall(doc.text.length));
  budget.step = '';
  let riskyMs = 0;
  const riskyAllowance = Math.min(
    USER_RULE_SLICE_MS,
    SLOW_RISKY_RULES_MS * (1 + doc.text.length / 1_000_000),
  );
  for (const index of users) {
    const rule = ruleSet.rules[index] as CompiledRule;
    if (ruleSet.timedOut.has(rule.spec.id)) {
      results[index] = skippedResult(rule, 'engine.stoppedForRun');
    } else if (budget.remainingMs() <= 0) {
      results[index] = skippedResult(rule, 'engine.outOfTime');
    } else {
      const started = nowMs();
      // A rule flagged as risky gets only what is left of the flagged rules' allowance: each thread
      // of a batch would otherwise spend a whole slice on the first one before they are stopped.
      const slice = rule.risky
        ? Math.max(MIN_RISKY_SLICE_MS, Math.ceil(riskyAllowance - riskyMs))
        : USER_RULE_SLICE_MS;
      try {
        results[index] = budget.run(() => run.check(rule), true, slice);
      } catch (error) {
        if (!(error instanceof OverBudgetError)) throw error;
        results[index] = run.timedOut(rule, Math.min(slice, nowMs() - started));
        stopForTheRun(rule, ruleSet, true);
        continue;
      }
      // Slow without running out of time is stopped too: otherwise every file pays again.
      const took = nowMs() - started;
      if (rule.risky) riskyMs += took;
      if (took > SLOW_USER_RULE_MS || riskyMs > riskyAllowance)
        stopForTheRun(rule, ruleSet, riskyMs > riskyAllowance);
    }
  }
  return results;
}

/** A user rule's check is stopped after this long (or when the document's time runs out first). */
const USER_RULE_SLICE_MS = 2_000;
/** A user rule that takes longer than this on one document is not run again in this run. */
const SLOW_USER_RULE_MS = 1_000;
/** Rules flagged at load as risking backtracking may take this long together on one document, and
 * as long again per million characters (up to a slice)… */
const SLOW_RISKY_RULES_MS = 300;
/** …and one of them at least this long before it is stopped. */
const MIN_RISKY_SLICE_MS = 50;

/** What the rules of one document share: the word index, the located sections, the body ranges. */
class DocumentRun {
  private readonly words: WordIndex;
  private readonly located = new Map<string, LocatedSection>();
  private readonly bodyRanges: readonly TextRange[];

  constructor(
    private readonly doc: ReportDocument,
    private readonly ruleSet: RuleSet,
    private readonly previous: PreviousReport | null,
  ) {
    this.words = new WordIndex(doc.folded.text, ruleSet.lexicon);
    this.bodyRanges = bodyRangesOf(doc);
  }

  /** Checks one rule: applicability, scope, the check, its findings post-processed. */
  check(rule: CompiledRule): RuleResult {
    const { doc, located } = this;
    const reason = notApplicable(rule.spec, doc);
    if (reason) return skippedResult(rule, reason.messageId, reason.data);
    if (rule.kind.acrossBatch || (rule.kind.needsPrevious && !this.previous))
      return skippedResult(rule, rule.kind.acrossBatch ? 'engine.notBatch' : 'engine.noPrevious');
    const ranges = rule.kind.scoped ? scopeRanges(rule.spec, doc, this.bodyRanges, located) : this.bodyRanges;
    if (ranges === 'skip') return skippedResult(rule, 'engine.noScope');
    const scope = ranges === 'fail' ? [] : ranges;
    const context: CheckContext = {
      doc,
      words: this.words,
      ranges: scope,
      body: this.bodyRanges,
      sections: located,
      previous: this.previous,
      isExcepted: exceptionsOf(rule, doc, scope),
    };
    const outcome: CheckOutcome =
      ranges === 'fail' ? missingScope(rule, this.ruleSet, doc) : rule.check.check(context);
    if (outcome.located) located.set(rule.spec.id, outcome.located);
    const findings = postProcess(outcome.findings);
    if (rule.spec.disabled === true) return skippedResult(rule, 'engine.disabled');
    if (outcome.skip) return skippedResult(rule, outcome.messageId, outcome.data, findings, doc);
    return toResult(rule, outcome, findings, doc);
  }

  /** The result of a user rule stopped when the document's time ran out. */
  timedOut(rule: CompiledRule, tookMs: number): RuleResult {
    const at = this.doc.body.start;
    const data = { limit: Math.round(tookMs / 100) / 10 };
    const outcome: CheckOutcome = {
      fraction: 0,
      messageId: 'engine.timeout',
      data,
      findings: [{ start: at, end: at, messageId: 'engine.timeout', data, level: 'error' }],
    };
    return toResult(rule, outcome, outcome.findings, this.doc);
  }
}

/** Stops a user rule for the rest of the run, and with it (when `risky`) every user rule flagged at load. */
function stopForTheRun(rule: CompiledRule, ruleSet: RuleSet, risky: boolean): void {
  ruleSet.timedOut.add(rule.spec.id);
  if (!risky) return;
  for (const other of ruleSet.rules) if (other.userRule && other.risky) ruleSet.timedOut.add(other.spec.id);
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
  let found: Containers | null = null;
  return (range: TextRange): boolean => {
    found ??= new Containers(phrases.flatMap((text) => findTerm(doc, scope, text, null)));
    return found.contains(range);
  };
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
